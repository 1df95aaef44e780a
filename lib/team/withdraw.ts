import "server-only";
import { recordAudit, type AuditActor } from "@/lib/audit";
import type { UserRow } from "@/lib/db/schema";
import { revokeInvitationsSentBy } from "./invitations";

/**
 * When the reseller's staff disable a customer's login or reset its password, the invitations it
 * sent and nobody accepted yet are withdrawn: whoever took over that login (the usual reason for
 * either) must not keep a way into the customer's portal. Audited when there was any; returns
 * how many.
 */
export async function withdrawInvitationsOf(
  actor: AuditActor,
  target: Pick<UserRow, "id" | "name" | "email" | "role" | "customerId">,
  reason: "disabled" | "password reset",
): Promise<number> {
  if (target.role !== "customer") return 0;
  const withdrawn = await revokeInvitationsSentBy(target.id);
  if (withdrawn.length === 0) return 0;
  const emails = withdrawn.map((invitation) => invitation.email);
  await recordAudit({
    actor,
    action: "team.invite-revoke",
    outcome: "ok",
    summary: `Withdrew ${withdrawn.length === 1 ? "the pending invitation" : `${withdrawn.length} pending invitations`} sent by ${target.name} (${target.email}) (${reason}): ${emails.join(", ")}`,
    targetUserId: target.id,
    targetCustomerId: target.customerId,
    details: { reason, invitationIds: withdrawn.map((invitation) => invitation.id), emails },
  });
  return withdrawn.length;
}
