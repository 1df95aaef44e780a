import "server-only";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError } from "@/lib/auth/errors";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import { isReadOnlyRole, isStaffRole, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { JobRunRow } from "@/lib/db/schema";
import { MAILBOX_JOB_KINDS } from "./kinds/mailboxes";
import { PAK_DELETE_KIND } from "./kinds/paks";
import { cancelRun, getRunRow } from "./runs";

/**
 * Who may cancel a job: whoever may see it (runs.ts: staff, or the customer it belongs to) and
 * holds the right its kind needs on its domain. A job of no domain (the full sync) is the staff's
 * with the settings right.
 */
const PERMISSION_OF_KIND: Readonly<Record<string, Permission>> = {
  [MAILBOX_JOB_KINDS.create]: "mailboxes.create",
  [MAILBOX_JOB_KINDS.resetPasswords]: "mailboxes.manage",
  [MAILBOX_JOB_KINDS.delete]: "mailboxes.manage",
  [PAK_DELETE_KIND]: "paks.delete",
  "paks.renew": "paks.renew",
};

export type CancelOutcome = { ok: true; message: string } | { ok: false; message: string };

async function requireCancelRight(user: SessionUser, run: JobRunRow): Promise<void> {
  if (run.domain) {
    await requireDomainAccess(user, run.domain);
    requirePermission(user, PERMISSION_OF_KIND[run.kind] ?? "mailboxes.manage");
  } else {
    if (!isStaffRole(user.role)) throw new ForbiddenError("Only staff can cancel this job.");
    requirePermission(user, "settings.manage");
  }
}

/** Whether the job page offers this user a Cancel button (the action checks again). */
export async function mayCancelJob(user: SessionUser, runId: string): Promise<boolean> {
  try {
    const run = await getRunRow(user, runId);
    if (isReadOnlyRole(user.role) || run.finishedAt || !["queued", "running"].includes(run.status))
      return false;
    await requireCancelRight(user, run);
    return true;
  } catch {
    return false;
  }
}

export async function cancelJob(user: SessionUser, runId: string): Promise<CancelOutcome> {
  const run = await getRunRow(user, runId);
  await requireCancelRight(user, run);
  const result = await cancelRun(run.id, user.email);
  if (result.state === "already-finished")
    return { ok: false, message: "This job has already finished; there is nothing to cancel." };
  await recordAudit({
    actor: { id: user.id, email: user.email, role: user.role },
    action: "job.cancel",
    outcome: "ok",
    summary: `Cancelled the job "${run.title}": ${result.skipped} not sent${result.stillSending ? `, ${result.stillSending} already sent and left to finish` : ""}`,
    domain: run.domain,
    details: { job: run.id, kind: run.kind, skipped: result.skipped, stillSending: result.stillSending },
  });
  const skipped = `${result.skipped} item${result.skipped === 1 ? "" : "s"} not yet sent will not be`;
  return {
    ok: true,
    message: result.stillSending
      ? `Cancelled: ${skipped}; ${result.stillSending} already sent to the email service ${result.stillSending === 1 ? "is" : "are"} left to finish.`
      : `Cancelled: ${skipped}.`,
  };
}
