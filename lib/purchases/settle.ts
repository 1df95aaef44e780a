import "server-only";
import { recordAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session";
import type { PurchaseAttemptRow } from "@/lib/db/schema";
import { refreshDomainsInMirror } from "@/lib/mirror/refresh";
import { getEnomClient, type DomainEmail } from "@/lib/enom";
import { getEnv } from "@/lib/env";
import { announceAttemptReconciled, announceAttemptUnknown } from "@/lib/webhooks/sources";
import { claimedPakIds, findAttempt, updateAttemptIf } from "./attempts";
import { afterCustomerOrder } from "./receipt";
import { reconcile, type PakSnapshot } from "./reconcile";
import { storedRequestOf, type StoredRequest } from "./request";
import type { AttemptResult } from "./view";

/**
 * Settling attempts whose answer from eNom was lost: read the domain's paks (GetPOP3) and compare
 * them with what they were before the call. Until that read succeeds the attempt stays `unknown`
 * and nothing more is bought for its key.
 */

/** An attempt left `pending` longer than this was interrupted (a crash, a restart): treat it as unknown. */
export function stalePendingMs(): number {
  return Math.max(2 * 60_000, getEnv().ENOM_TIMEOUT_MS + 60_000);
}

export const AUDIT_ACTION: Record<PurchaseAttemptRow["kind"], string> = {
  purchase: "pak.purchase",
  "add-mailboxes": "pak.addMailboxes",
  "add-storage": "pak.addStorage",
  renew: "pak.renew",
};

export const STILL_UNKNOWN =
  "We could not confirm whether this purchase went through. Nothing more will be bought until it is checked.";
const checkAgainSoon = (waitMs: number) =>
  `We could not confirm yet whether this purchase went through. Nothing more will be bought until it is checked; check again in ${waitMs <= 10_000 ? "a few seconds" : "a minute"}.`;

/**
 * After a timeout eNom may still be working on the order, so "nothing was bought" waits this long
 * after the answer was given up on; a later order would otherwise go unseen.
 */
export const TIMEOUT_GRACE_MS = 30_000;

/** The earliest time "nothing was bought" may be concluded for an attempt that became unknown now. */
export function settleAfter(stillRunning: boolean, now = Date.now()): string {
  const cached = getEnv().ENOM_READ_CACHE_MS + 1_000;
  return new Date(now + (stillRunning ? Math.max(TIMEOUT_GRACE_MS, cached) : cached)).toISOString();
}

export function snapshotOf(paks: DomainEmail["paks"]): PakSnapshot[] {
  return paks.map((pak) => ({
    bundleId: pak.bundleId,
    qtyPurchased: pak.qtyPurchased,
    quotaMb: pak.quotaMb,
    expires: pak.expires.iso,
    prodType: pak.prodType,
  }));
}

export function beforeOf(row: PurchaseAttemptRow): PakSnapshot[] {
  const paks = row.before.paks;
  return Array.isArray(paks) ? (paks as PakSnapshot[]) : [];
}

function madeMessage(request: StoredRequest, bundleId: number, expires: string): string {
  const opening = "The connection dropped after the order was sent; we checked and it went through";
  switch (request.kind) {
    case "purchase":
      return `${opening}: pak ${bundleId}.`;
    case "add-mailboxes":
      return bundleId === request.bundleId
        ? `${opening}: pak ${bundleId} has the ${request.quantity} new ${request.quantity === 1 ? "mailbox" : "mailboxes"}.`
        : `${opening}, as a new pak ${bundleId} with the ${request.quantity} ${request.quantity === 1 ? "mailbox" : "mailboxes"}, not as more mailboxes in pak ${request.bundleId}.`;
    case "add-storage":
      return `${opening}: pak ${bundleId} has the extra storage.`;
    case "renew":
      return `${opening}: pak ${bundleId} now expires on ${expires}.`;
  }
}

const NOT_MADE =
  "The connection dropped after the order was sent; we checked and nothing was bought. You can submit it again.";

/**
 * One reconciliation read for an `unknown` attempt. "It went through" is safe to conclude from any
 * read. "Nothing was bought" is concluded at once only when `fresh` (this process just sent the
 * order and eNom has stopped working on it: the read cannot be an older copy from its cache);
 * otherwise only after the attempt's `settleAfter`: once any other instance's cached copy from
 * before the order has expired, and after a timeout once eNom has had time to finish.
 */
export async function settleUnknown(
  row: PurchaseAttemptRow,
  actor: SessionUser,
  options: { fresh: boolean },
): Promise<PurchaseAttemptRow> {
  if (row.status !== "unknown") return row;
  let email: DomainEmail;
  try {
    email = await getEnomClient().getPop3({ domain: row.domain });
  } catch {
    return { ...row, message: STILL_UNKNOWN };
  }
  const request = storedRequestOf(row.request);
  const claimed =
    request.kind === "purchase" || request.kind === "add-mailboxes"
      ? await claimedPakIds(row.domain, row.key)
      : new Set<number>();
  const outcome = reconcile(request, beforeOf(row), snapshotOf(email.paks), claimed);
  const action = AUDIT_ACTION[row.kind];
  const enom = { orderId: row.enomOrderId, trackingKey: row.enomTrackingKey };

  if (outcome.made) {
    const result: AttemptResult = {
      ...(row.result as AttemptResult),
      bundleId: outcome.bundleId,
      expires: outcome.expires,
    };
    const settled = await updateAttemptIf(row.key, "unknown", {
      status: "ok",
      reconciliation: "made",
      pakId: String(outcome.bundleId),
      result,
      message: madeMessage(request, outcome.bundleId, outcome.expires),
    });
    if (!settled) return reread(row);
    await recordAudit({
      actor: { id: actor.id, email: actor.email, role: actor.role },
      action,
      outcome: "ok",
      summary: `Checked an unconfirmed order: it went through (pak ${outcome.bundleId} of ${row.domain})`,
      domain: row.domain,
      pakId: String(outcome.bundleId),
      details: {
        key: row.key,
        reconciliation: "made",
        qtyPurchased: outcome.qtyPurchased,
        quotaMb: outcome.quotaMb,
        expires: outcome.expires,
      },
      enom,
    });
    await refreshDomainsInMirror(row.domain);
    // It was made after all: a customer's own order gets its receipt now.
    await afterCustomerOrder(settled);
    await announceAttemptReconciled(settled);
    return settled;
  }

  const waitMs = settleAfterOf(row) - Date.now();
  if (!options.fresh && waitMs > 0) return { ...row, message: checkAgainSoon(waitMs) };
  const settled = await updateAttemptIf(row.key, "unknown", {
    status: "failed",
    reconciliation: "not-made",
    message: NOT_MADE,
  });
  if (!settled) return reread(row);
  await recordAudit({
    actor: { id: actor.id, email: actor.email, role: actor.role },
    action,
    outcome: "failed",
    summary: `Checked an unconfirmed order: nothing was bought (${row.domain})`,
    domain: row.domain,
    pakId: row.pakId,
    details: { key: row.key, reconciliation: "not-made" },
    enom,
  });
  await announceAttemptReconciled(settled);
  return settled;
}

/** The attempt's `settleAfter`, else as if it became unknown at its `unknownAt` (or last change). */
function settleAfterOf(row: PurchaseAttemptRow): number {
  const result = row.result as AttemptResult;
  const after = typeof result.settleAfter === "string" ? Date.parse(result.settleAfter) : NaN;
  if (Number.isFinite(after)) return after;
  const at = typeof result.unknownAt === "string" ? Date.parse(result.unknownAt) : NaN;
  return Date.parse(settleAfter(false, Number.isFinite(at) ? at : row.updatedAt.getTime()));
}

async function reread(row: PurchaseAttemptRow): Promise<PurchaseAttemptRow> {
  return (await findAttempt(row.key)) ?? row;
}

/** A `pending` attempt nobody is finishing any more becomes `unknown`, then is checked. */
export async function settleStale(row: PurchaseAttemptRow, actor: SessionUser): Promise<PurchaseAttemptRow> {
  if (row.status !== "pending" || Date.now() - row.updatedAt.getTime() < stalePendingMs()) return row;
  const unknown = await updateAttemptIf(
    row.key,
    "pending",
    {
      status: "unknown",
      message: STILL_UNKNOWN,
      // Interrupted mid-call: eNom may have been working on it until just now.
      result: {
        ...(row.result as AttemptResult),
        unknownAt: new Date().toISOString(),
        settleAfter: settleAfter(true),
      },
    },
    // Still stale when written: a renewal job may have just taken it to send (renewal-job.ts).
    { untouchedSince: new Date(Date.now() - stalePendingMs()) },
  );
  if (!unknown) return reread(row);
  await announceAttemptUnknown(unknown);
  return settleUnknown(unknown, actor, { fresh: false });
}
