import { PROD_TYPE_MAILBOX, STORAGE_UNIT_MB } from "@/lib/validation/enom-rules";
import { mailboxCountOf } from "./quote";
import type { StoredRequest } from "./request";

/**
 * Settles an attempt whose answer from eNom was lost, by comparing the domain's paks now with
 * what they were just before the call. Pure: the caller reads GetPOP3 and the other attempts.
 */

/** A pak as GetPOP3 lists it (`Paks/Pak`), as much as reconciliation needs. */
export interface PakSnapshot {
  bundleId: number;
  qtyPurchased: number;
  quotaMb: number | null;
  expires: string;
  /** `ProdType`; null (or absent, in snapshots stored before it was kept) when not known. */
  prodType?: number | null;
}

export type Reconciled =
  | { made: true; bundleId: number; expires: string; qtyPurchased: number; quotaMb: number | null }
  | { made: false };

const made = (pak: PakSnapshot): Reconciled => ({
  made: true,
  bundleId: pak.bundleId,
  expires: pak.expires,
  qtyPurchased: pak.qtyPurchased,
  quotaMb: pak.quotaMb,
});

/** A Mailbox pak listed now that was not before and is not another attempt's, lowest id first. */
export function newPaks(
  before: readonly PakSnapshot[],
  now: readonly PakSnapshot[],
  claimed: ReadonlySet<number>,
): PakSnapshot[] {
  const known = new Set(before.map((pak) => pak.bundleId));
  return [...now]
    .filter(
      (pak) =>
        !known.has(pak.bundleId) &&
        !claimed.has(pak.bundleId) &&
        (pak.prodType === undefined || pak.prodType === null || pak.prodType === PROD_TYPE_MAILBOX),
    )
    .sort((a, b) => a.bundleId - b.bundleId);
}

/**
 * - a new pak: one listed now that was not before, with the capacity and the number of mailboxes
 *   asked for, and not already the result of another attempt (`claimed`);
 * - more mailboxes: the pak holds at least as many more as were asked for, or (whether eNom grows
 *   the pak or opens a new one is an unknown, docs/enom.md) a new pak of that many appeared;
 * - more storage: the pak's quota grew by at least the units asked for;
 * - a renewal: the pak expires later than it did.
 */
export function reconcile(
  request: StoredRequest,
  before: readonly PakSnapshot[],
  now: readonly PakSnapshot[],
  claimed: ReadonlySet<number> = new Set(),
): Reconciled {
  if (request.kind === "purchase") {
    const mailboxes = mailboxCountOf(request);
    const match = newPaks(before, now, claimed).find(
      (pak) => pak.quotaMb === request.capacityGb * 1024 && pak.qtyPurchased === mailboxes,
    );
    return match ? made(match) : { made: false };
  }
  const was = before.find((pak) => pak.bundleId === request.bundleId);
  const is = now.find((pak) => pak.bundleId === request.bundleId);
  if (request.kind === "add-mailboxes") {
    if (was && is && is.qtyPurchased >= was.qtyPurchased + request.quantity) return made(is);
    const opened = newPaks(before, now, claimed).find((pak) => pak.qtyPurchased === request.quantity);
    return opened ? made(opened) : { made: false };
  }
  if (!was || !is) return { made: false };
  switch (request.kind) {
    case "add-storage":
      return was.quotaMb !== null &&
        is.quotaMb !== null &&
        is.quotaMb >= was.quotaMb + request.units * STORAGE_UNIT_MB
        ? made(is)
        : { made: false };
    case "renew":
      return is.expires > was.expires ? made(is) : { made: false };
  }
}
