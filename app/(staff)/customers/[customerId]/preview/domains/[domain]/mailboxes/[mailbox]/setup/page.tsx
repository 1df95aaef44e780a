import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MailboxSetup } from "@/components/mail-setup/mailbox-setup";
import { PreviewFrame } from "@/components/portal/preview-frame";
import { PreviewStart } from "@/components/portal/preview-start";
import { NotFoundError } from "@/lib/auth/errors";
import { requirePortalDomain } from "@/lib/auth/guards";
import { getBranding } from "@/lib/branding/settings";
import { getMailboxSetupPage } from "@/lib/mail-setup/setup";
import { PREVIEW_GRANT_MINUTES } from "@/lib/portal/preview-grant";
import { requirePortalPreview } from "@/lib/portal/preview";

type Params = Promise<{ customerId: string; domain: string; mailbox: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { customerId, domain, mailbox } = await params;
  const { customer } = await requirePortalPreview(customerId);
  return {
    title: `Portal preview: set up ${mailbox.toLowerCase()}@${domain.toLowerCase()} · ${customer.name}`,
  };
}

/**
 * Staff: a mailbox's setup page as the customer sees it in the portal, read-only (nothing is sent
 * from a preview). Only the customer's own domains, as for the preview's other pages.
 */
export default async function PortalPreviewMailboxSetupPage({ params }: { params: Params }) {
  const { customerId, domain: requested, mailbox } = await params;
  const preview = await requirePortalPreview(customerId);
  const domain = await requirePortalDomain(preview.viewer, requested);
  if (!preview.granted)
    return (
      <PreviewStart
        customerId={preview.customer.id}
        customerName={preview.customer.name}
        minutes={PREVIEW_GRANT_MINUTES}
      />
    );
  const [branding, setup] = await Promise.all([
    getBranding(),
    getMailboxSetupPage(preview.viewer, domain, mailbox).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
  ]);
  return (
    <PreviewFrame preview={preview} branding={branding}>
      <MailboxSetup
        setup={setup}
        audience="customer"
        backHref={`${preview.base}/domains/${encodeURIComponent(setup.domain)}`}
        canSend={false}
        cannotSendNote="A preview sends nothing."
      />
    </PreviewFrame>
  );
}
