import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MailboxSetup } from "@/components/mail-setup/mailbox-setup";
import { NotFoundError } from "@/lib/auth/errors";
import { requireStaffPage } from "@/lib/auth/guards";
import { isReadOnlyRole } from "@/lib/auth/permissions";
import { getMailboxSetupPage } from "@/lib/mail-setup/setup";

type Params = Promise<{ domain: string; mailbox: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { domain, mailbox } = await params;
  return { title: `Set up ${mailbox.toLowerCase()}@${domain.toLowerCase()}` };
}

/** Staff: how one mailbox is set up on devices (the access check runs inside the read). */
export default async function StaffMailboxSetupPage({ params }: { params: Params }) {
  const user = await requireStaffPage("domains.view");
  const { domain, mailbox } = await params;
  const setup = await getMailboxSetupPage(user, domain, mailbox).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <MailboxSetup
      setup={setup}
      audience="staff"
      backHref={`/domains/${encodeURIComponent(setup.domain)}`}
      canSend={!isReadOnlyRole(user.role)}
    />
  );
}
