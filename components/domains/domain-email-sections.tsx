import { AliasesPanel } from "@/components/aliases/aliases-panel";
import { CatchAllPanel } from "@/components/domains/catch-all-panel";
import { PaksPanel } from "@/components/domains/paks-panel";
import { MailHealthPanel } from "@/components/mail-health/mail-health-panel";
import { MailboxGrid } from "@/components/mailboxes/mailbox-grid";
import type { SessionUser } from "@/lib/auth/session";
import { getDomainCatchAll, getDomainEmail } from "@/lib/domains/email";
import { isUpstreamFailure } from "@/lib/domains/read-errors";
import type { DomainCapabilities } from "@/lib/domains/types";
import { getMailHealthView } from "@/lib/mail-health/queries";

/**
 * A domain's paks, mailboxes, mail delivery and catch-all, for staff and for the portal alike (what the user may
 * do comes in `capabilities`). The server reads eNom once for the paks and mailboxes (GetPOP3)
 * and once for the catch-all, so the page arrives with data and React Query keeps both fresh; if
 * eNom fails here, the panels say so and offer to try again.
 */
export async function DomainEmailSections({
  user,
  domain,
  capabilities,
}: {
  user: SessionUser;
  domain: string;
  capabilities: DomainCapabilities;
}) {
  const [email, catchAll, mailHealth] = await Promise.allSettled([
    getDomainEmail(user, domain),
    getDomainCatchAll(user, domain),
    getMailHealthView(user, domain),
  ]);
  if (mailHealth.status === "rejected") throw mailHealth.reason;
  for (const read of [email, catchAll])
    if (read.status === "rejected" && !isUpstreamFailure(read.reason)) throw read.reason;
  const initialEmail = email.status === "fulfilled" ? email.value : undefined;
  const initialCatchAll = catchAll.status === "fulfilled" ? { catchAll: catchAll.value } : undefined;
  return (
    <div className="flex flex-col gap-6">
      <PaksPanel domain={domain} initialData={initialEmail} capabilities={capabilities} />
      {/* relative + clip: the grid's visually hidden labels never widen the page on a phone. */}
      <div className="relative overflow-x-clip rounded-lg border border-line bg-surface p-3 shadow-sm sm:p-5">
        <MailboxGrid domain={domain} initialData={initialEmail} capabilities={capabilities} />
      </div>
      <AliasesPanel domain={domain} canManage={capabilities.manageMailboxes} initialEmail={initialEmail} />
      <MailHealthPanel domain={domain} initialData={mailHealth.value} />
      <CatchAllPanel
        domain={domain}
        initialCatchAll={initialCatchAll}
        initialEmail={initialEmail}
        canManage={capabilities.manageMailboxes}
      />
    </div>
  );
}
