import type { PurchaseAttemptRow } from "@/lib/db/schema";
import { storedRequestOf, summaryOf } from "./request";
import type { AttemptView, EarlierOrder } from "./types";

/**
 * An attempt as its viewer may see it. Customers get no cost, no TrackingKey and no message that
 * names the upstream provider or the reseller's balance.
 */
export type AttemptResult = {
  orderId?: number | null;
  bundleId?: number | null;
  /** The pak's expiry after the attempt (ISO), when eNom or the reconciliation said. */
  expires?: string | null;
  orderAmountCents?: number | null;
  /** When eNom's answer was lost (ISO time): reconciliation waits out cached reads from before. */
  unknownAt?: string;
  /** The earliest time (ISO) a check may conclude that nothing was bought (settle.ts). */
  settleAfter?: string;
};

/** Words a customer must never read; a message with them is replaced by a plain one. */
const NOT_FOR_CUSTOMERS = /enom|balance|insufficient funds|reseller|tracking/i;

function customerMessage(row: PurchaseAttemptRow): string {
  if (!NOT_FOR_CUSTOMERS.test(row.message)) return row.message;
  switch (row.status) {
    case "ok":
      return "Done.";
    case "pending":
      return "This is still being processed. Refresh in a moment to see the result.";
    case "unknown":
      return "We could not confirm whether this went through. Nothing more will be bought until it is checked.";
    case "failed":
      return "This could not be completed, and nothing was bought. Please contact your provider.";
  }
}

export function attemptView(row: PurchaseAttemptRow, staff: boolean, replayed: boolean): AttemptView {
  const result = row.result as AttemptResult;
  const pakId = row.pakId === null ? null : Number(row.pakId);
  return {
    key: row.key,
    kind: row.kind,
    status: row.status,
    reconciliation: row.reconciliation ?? null,
    domain: row.domain,
    bundleId: result.bundleId ?? (Number.isFinite(pakId) ? pakId : null),
    orderId: row.enomOrderId,
    trackingKey: staff ? row.enomTrackingKey : null,
    message: staff ? row.message : customerMessage(row),
    summary: summaryOf(storedRequestOf(row.request), staff ? "staff" : "customer"),
    retailCents: row.retailCents,
    costCents: staff ? row.costCents : null,
    newExpiry: row.kind === "renew" ? (result.expires ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    replayed,
    earlier: null,
  };
}

/** What a viewer is told about an earlier attempt that stopped their order (gate.ts). */
export function earlierOrderOf(
  row: PurchaseAttemptRow,
  viewer: { id: string; customerId: string | null },
  staff: boolean,
  reason: EarlierOrder["reason"],
  confirmation: { token: string; expiresAt: string } | null,
): EarlierOrder {
  const colleague = viewer.customerId !== null && row.customerId === viewer.customerId;
  const placedBy = row.actorId === viewer.id ? "you" : staff || colleague ? row.actorEmail : "your provider";
  return {
    reason,
    placedAt: row.createdAt.toISOString(),
    placedBy,
    canView: staff || row.actorId === viewer.id || colleague,
    confirmation: confirmation?.token ?? null,
    confirmationExpiresAt: confirmation?.expiresAt ?? null,
  };
}
