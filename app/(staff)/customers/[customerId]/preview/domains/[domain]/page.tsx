import type { Metadata } from "next";
import { PortalDomainContent } from "@/components/portal/portal-domain";
import { PreviewFrame } from "@/components/portal/preview-frame";
import { PreviewStart } from "@/components/portal/preview-start";
import { getBranding } from "@/lib/branding/settings";
import { domainCapabilities } from "@/lib/domains/email";
import { requirePortalDomain } from "@/lib/auth/guards";
import { PREVIEW_GRANT_MINUTES } from "@/lib/portal/preview-grant";
import { requirePortalPreview } from "@/lib/portal/preview";

type Params = Promise<{ customerId: string; domain: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { customerId, domain } = await params;
  const { customer } = await requirePortalPreview(customerId);
  return { title: `Portal preview: ${domain.toLowerCase()} · ${customer.name}` };
}

/**
 * Staff: one of the customer's domains as the customer sees it, with every change turned off. A
 * read: without a preview started (and audited) by the Start button, it offers that button instead.
 */
export default async function PortalPreviewDomainPage({ params }: { params: Params }) {
  const { customerId, domain: requested } = await params;
  const preview = await requirePortalPreview(customerId);
  // Only the customer's own domains: the stand-in user has exactly their access.
  const domain = await requirePortalDomain(preview.viewer, requested);
  if (!preview.granted)
    return (
      <PreviewStart
        customerId={preview.customer.id}
        customerName={preview.customer.name}
        minutes={PREVIEW_GRANT_MINUTES}
      />
    );
  const branding = await getBranding();
  return (
    <PreviewFrame preview={preview} branding={branding}>
      <PortalDomainContent
        user={preview.viewer}
        domain={domain}
        base={preview.base}
        capabilities={domainCapabilities(preview.viewer)}
      />
    </PreviewFrame>
  );
}
