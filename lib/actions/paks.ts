"use server";

import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { isStaffRole } from "@/lib/auth/permissions";
import { refreshDomainsInMirror } from "@/lib/mirror/refresh";
import { getEnomClient, type DomainEmail } from "@/lib/enom";
import { setPakNicknameSchema } from "@/lib/paks/nickname";
import { clearPakNickname, findPakNickname, mirrorListsPak, setPakNickname } from "@/lib/paks/nicknames";
import { todayIso } from "@/lib/purchases/dates";
import {
  deletePakWithMailboxes,
  PAK_DELETION_JOB_THRESHOLD,
  startPakDeletionJob,
} from "@/lib/purchases/pak-deletion";
import type { PakDeletionView } from "@/lib/purchases/types";
import {
  deletePakSchema,
  pakDeletionProblem,
  setCatchAllSchema,
  setPakAutoRenewSchema,
} from "@/lib/validation/paks";
import { domainAction, type BoundAudit } from "./builder";
import { describeEnomFailure } from "./enom-outcome";
import { setPakAutoRenew } from "./pak-auto-renew";
import type { ActionFailure } from "./logins";
import type { ActionResult } from "./result";

/**
 * Server actions of a domain's page: a pak's auto-renew, deleting a pak, the domain's catch-all, and
 * the nickname staff give a pak.
 * Each is a public endpoint: it checks the caller's right to that very domain (someone else's is
 * "not found", and eNom is not asked), that the pak belongs to the domain, and the permission;
 * then it asks eNom once and records the true outcome in the audit log, with eNom's TrackingKey.
 */

interface WriteContext {
  audit: BoundAudit;
  domain: string;
  pakId?: string;
}

type Pak = DomainEmail["paks"][number];

/**
 * The pak as eNom has it now, read before any change: a BundleID from the browser is only trusted
 * once eNom lists it under this domain, so no one can touch a pak of another domain.
 */
async function loadPakOfDomain(
  context: WriteContext,
  bundleId: number,
): Promise<{ ok: true; pak: Pak; email: DomainEmail } | ActionFailure> {
  let email: DomainEmail;
  try {
    email = await getEnomClient().getPop3({ domain: context.domain });
  } catch (error) {
    return enomFailure(
      context,
      error,
      `Could not read pak ${bundleId} of ${context.domain}; nothing was changed`,
    );
  }
  const pak = email.paks.find((candidate) => candidate.bundleId === bundleId);
  if (!pak) throw new NotFoundError("That pak");
  return { ok: true, pak, email };
}

/** Audits a failed eNom call with its true outcome and turns it into a message for the user. */
async function enomFailure(context: WriteContext, error: unknown, summary: string): Promise<ActionFailure> {
  const failure = describeEnomFailure(error);
  // Not an eNom failure: the action envelope reports it as our own fault.
  if (!failure) throw error;
  await context.audit({
    outcome: failure.outcome,
    summary: failure.outcome === "unknown" ? `${summary} (not confirmed; it may have been made)` : summary,
    domain: context.domain,
    pakId: context.pakId ?? null,
    enom: { trackingKey: failure.trackingKey, error: failure.enomError },
  });
  // eNom may have acted: the domains list must read the truth again.
  if (failure.outcome === "unknown") await refreshDomainsInMirror(context.domain);
  return { ok: false, message: failure.message };
}

export const setPakAutoRenewAction = domainAction(
  { name: "pak.autoRenew", schema: setPakAutoRenewSchema, permission: "paks.autoRenew" },
  async (
    { bundleId, autoRenew },
    { domain, audit },
  ): Promise<ActionResult<{ bundleId: number; autoRenew: boolean }>> => {
    const context = { audit, domain, pakId: String(bundleId) };
    const found = await loadPakOfDomain(context, bundleId);
    if (!found.ok) return found;
    const { outcome, message } = await setPakAutoRenew(audit, domain, found.pak, autoRenew);
    // eNom may have acted unless it said no: the domains list must read the truth again.
    if (outcome !== "failed") await refreshDomainsInMirror(domain);
    return outcome === "ok" ? { ok: true, data: { bundleId, autoRenew }, message } : { ok: false, message };
  },
);

/**
 * Deletes a pak: first its mailboxes (DeletePOP3), then the pak (DeletePOPPak), which eNom
 * refuses while the pak has mailboxes (lib/purchases/pak-deletion.ts). Refused before anything is
 * sent, with the reason, when a mailbox name is too long for DeletePOP3 or the pak has expired
 * (`pakDeletionProblem`). Once something was sent the answer is `ok: true` with each step's
 * outcome in `data` (`data.pak === "deleted"` only when the pak is gone) and a message saying
 * what happened; `ok: false` means nothing was sent. A pak with more mailboxes than one DeletePOP3
 * call takes (99) is deleted by a job instead: the answer then carries its `runId`, and the job's
 * page (Activity) shows each mailbox and the pak as they settle.
 */
export const deletePakAction = domainAction(
  { name: "pak.delete", schema: deletePakSchema, permission: "paks.delete" },
  async (
    { bundleId },
    { user, domain, audit },
  ): Promise<ActionResult<PakDeletionView & { runId?: string }>> => {
    const context = { audit, domain, pakId: String(bundleId) };
    const found = await loadPakOfDomain(context, bundleId);
    if (!found.ok) return found;
    const userNames = found.email.mailboxes
      .filter((mailbox) => mailbox.bundleId === bundleId)
      .map((mailbox) => mailbox.userName);
    const problem = pakDeletionProblem({ bundleId, expires: found.pak.expires.iso }, userNames, todayIso());
    if (problem) {
      await audit({
        outcome: "failed",
        summary: `Refused to delete pak ${bundleId} of ${domain}: ${problem}`.slice(0, 500),
        domain,
        pakId: context.pakId,
        details: { refused: true, mailboxes: userNames.slice(0, 200), expires: found.pak.expires.iso },
      });
      return { ok: false, message: problem };
    }
    if (userNames.length > PAK_DELETION_JOB_THRESHOLD) {
      const started = await startPakDeletionJob(user, domain, found.pak, userNames);
      return { ok: true, data: started.view, message: started.message };
    }
    const { view, message } = await deletePakWithMailboxes(user, domain, found.pak, userNames);
    return { ok: true, data: view, message };
  },
);

/**
 * The domain's catch-all (SetCatchAll `ForwardTo`): a full address, of this domain or outside it
 * (set-catch-all.md). eNom documents no way to turn a catch-all off, so neither does this.
 */
export const setCatchAllAction = domainAction(
  { name: "domain.catchAll", schema: setCatchAllSchema, permission: "mailboxes.manage" },
  async ({ catchAll }, { domain, audit }): Promise<ActionResult<{ catchAll: string | null }>> => {
    try {
      const result = await getEnomClient().setCatchAll({ domain, forwardTo: catchAll });
      const now = result.catchAll ?? catchAll;
      await audit({
        outcome: "ok",
        summary: `Set the catch-all of ${domain} to ${now}`,
        domain,
        details: { catchAll: now },
        enom: { trackingKey: result.trackingKey },
      });
      // Pages read the catch-all from the account mirror: read the domain into it now.
      await refreshDomainsInMirror(domain);
      return {
        ok: true,
        data: { catchAll: now },
        message: `Mail to unknown addresses now goes to ${now}.`,
      };
    } catch (error) {
      return enomFailure({ audit, domain }, error, `Could not set the catch-all of ${domain} to ${catchAll}`);
    }
  },
);

/**
 * Staff name a pak ("Sales team") or remove its name (an empty nickname). Panel-side only: eNom is
 * not asked. The pak must be one the account mirror lists under this domain. Customers cannot,
 * whatever they may buy: the permission is staff's `paks.purchase` and the role must be staff's.
 */
export const setPakNicknameAction = domainAction(
  { name: "pak.nickname", schema: setPakNicknameSchema, permission: "paks.purchase" },
  async (
    { bundleId, nickname },
    { user, domain, audit },
  ): Promise<ActionResult<{ bundleId: number; nickname: string | null }>> => {
    if (!isStaffRole(user.role)) throw new ForbiddenError("Only your provider's staff can name paks.");
    if (!(await mirrorListsPak(domain, bundleId))) throw new NotFoundError("That pak");
    const before = await findPakNickname(domain, bundleId);
    const after = nickname === "" ? null : nickname;
    if (before === after)
      return { ok: true, data: { bundleId, nickname: after }, message: "Nothing to save: no changes." };
    if (after === null) await clearPakNickname(domain, bundleId);
    else await setPakNickname(domain, bundleId, after, user.id);
    await audit({
      outcome: "ok",
      summary:
        after === null
          ? `Removed the nickname "${before}" of pak ${bundleId} of ${domain}`
          : before === null
            ? `Named pak ${bundleId} of ${domain} "${after}"`
            : `Renamed pak ${bundleId} of ${domain} from "${before}" to "${after}"`,
      domain,
      pakId: String(bundleId),
      details: { before, after },
    });
    return {
      ok: true,
      data: { bundleId, nickname: after },
      message: after === null ? `Pak ${bundleId} has no nickname now.` : `Pak ${bundleId} is now "${after}".`,
    };
  },
);
