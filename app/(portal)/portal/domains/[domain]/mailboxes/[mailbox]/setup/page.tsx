import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MailboxSetup } from "@/components/mail-setup/mailbox-setup";
import { NotFoundError } from "@/lib/auth/errors";
import { requirePortalDomain, requirePortalUser } from "@/lib/auth/guards";
import { getMailboxSetupPage } from "@/lib/mail-setup/setup";

type Params = Promise<{ domain: string; mailbox: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { domain, mailbox } = await params;
  return { title: `Set up ${mailbox.toLowerCase()}@${domain.toLowerCase()}` };
}

/**
 * The portal: how one of the customer's mailboxes is set up on devices. Another customer's
 * domain, or a mailbox the domain does not have, is a real 404.
 */
export default async function PortalMailboxSetupPage({ params }: { params: Params }) {
  const user = await requirePortalUser();
  const { domain: requested, mailbox } = await params;
  const domain = await requirePortalDomain(user, requested);
  const setup = await getMailboxSetupPage(user, domain, mailbox).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <MailboxSetup
      setup={setup}
      audience="customer"
      backHref={`/portal/domains/${encodeURIComponent(setup.domain)}`}
      canSend
    />
  );
}
