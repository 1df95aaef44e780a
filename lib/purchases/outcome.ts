import "server-only";
import { describeEnomFailure } from "@/lib/actions/enom-outcome";
import { recordAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session";
import type { PurchaseAttemptRow } from "@/lib/db/schema";
import { isEnomUnavailable } from "@/lib/enom";
import { refreshDomainsInMirror } from "@/lib/mirror/refresh";
import { announceAttemptMade, announceAttemptUnknown } from "@/lib/webhooks/sources";
import { updateAttempt } from "./attempts";
import { afterCustomerOrder } from "./receipt";
import { AUDIT_ACTION, settleAfter, settleUnknown, STILL_UNKNOWN } from "./settle";
import type { AttemptResult } from "./view";

/**
 * Recording what eNom answered to an order: the attempt row first (so a repeated submit sees it),
 * then the audit entry with eNom's order id and TrackingKey.
 */

export interface OrderDone {
  orderId: number;
  trackingKey: string | null;
  bundleId: number | null;
  expires: string | null;
  /** eNom's OrderAmount; null when it did not say (the quoted cost is kept). */
  orderAmountCents: number | null;
  message: string;
  summary: string;
  /** What GetPOP3 showed after the order (read-back.ts), for the audit log. */
  readBack?: { finding: string; pak: unknown; command?: string };
}

function actorOf(user: SessionUser) {
  return { id: user.id, email: user.email, role: user.role };
}

function detailsOf(row: PurchaseAttemptRow, extra: Record<string, unknown> = {}) {
  return {
    key: row.key,
    batchKey: row.batchKey,
    request: row.request,
    costCents: row.costCents,
    retailCents: row.retailCents,
    ...extra,
  };
}

export async function recordOrderDone(
  row: PurchaseAttemptRow,
  user: SessionUser,
  done: OrderDone,
): Promise<PurchaseAttemptRow> {
  const result: AttemptResult = {
    orderId: done.orderId,
    bundleId: done.bundleId,
    expires: done.expires,
    orderAmountCents: done.orderAmountCents,
  };
  const updated = await updateAttempt(row.key, {
    status: "ok",
    pakId: done.bundleId === null ? row.pakId : String(done.bundleId),
    result,
    message: done.message,
    costCents: done.orderAmountCents ?? row.costCents,
    enomOrderId: String(done.orderId),
    enomTrackingKey: done.trackingKey,
  });
  await recordAudit({
    actor: actorOf(user),
    action: AUDIT_ACTION[row.kind],
    outcome: "ok",
    summary: done.summary,
    domain: row.domain,
    pakId: updated.pakId,
    details: detailsOf(updated, {
      before: row.before,
      expires: done.expires,
      ...(done.readBack ? { readBack: done.readBack } : {}),
    }),
    enom: { orderId: String(done.orderId), trackingKey: done.trackingKey },
  });
  await refreshDomainsInMirror(row.domain);
  // A customer's own order: its receipt, and a notice to staff.
  await afterCustomerOrder(updated);
  await announceAttemptMade(updated);
  return updated;
}

/**
 * eNom refused (failed: nothing was bought, the key is spent) or its answer was lost (unknown:
 * checked at once with one read of the domain, and left unknown if that read fails too).
 */
export async function recordOrderFailure(
  row: PurchaseAttemptRow,
  user: SessionUser,
  error: unknown,
  summary: string,
): Promise<PurchaseAttemptRow> {
  // Anything else after the order was sent (a reply that cannot be read, a bug) may hide a purchase.
  const failure = describeEnomFailure(error) ?? {
    outcome: "unknown" as const,
    message: STILL_UNKNOWN,
    enomError: error instanceof Error ? error.message : String(error),
    trackingKey: null,
  };
  const unknown = failure.outcome === "unknown";
  // No answer in time: eNom may still be working on the order.
  const stillRunning = isEnomUnavailable(error) && (error.reason === "timeout" || error.reason === "aborted");
  const updated = await updateAttempt(row.key, {
    status: unknown ? "unknown" : "failed",
    message: unknown ? STILL_UNKNOWN : failure.message,
    enomError: failure.enomError.slice(0, 1000),
    enomTrackingKey: failure.trackingKey,
    ...(unknown
      ? {
          result: {
            ...(row.result as AttemptResult),
            unknownAt: new Date().toISOString(),
            settleAfter: settleAfter(stillRunning),
          },
        }
      : {}),
  });
  await recordAudit({
    actor: actorOf(user),
    action: AUDIT_ACTION[row.kind],
    outcome: failure.outcome,
    summary: unknown ? `${summary} (not confirmed; it may have been made)` : summary,
    domain: row.domain,
    pakId: row.pakId,
    details: detailsOf(row),
    enom: { trackingKey: failure.trackingKey, error: failure.enomError },
  });
  if (!unknown) return updated;
  await announceAttemptUnknown(updated);
  // The mirror is read after the settling read, which must be the first to ask eNom.
  const settled = await settleUnknown(updated, user, { fresh: !stillRunning });
  await refreshDomainsInMirror(row.domain);
  return settled;
}
