import type { PakView } from "@/lib/domains/types";

/** Paks as the grid and its dialogs name them; no prices here, the portal shows the same words. */

/** Today's calendar date in UTC, as eNom's expiry dates are. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function isPakExpired(pak: Pick<PakView, "expires">, today = todayIso()): boolean {
  return pak.expires < today;
}

export function pakName(pak: Pick<PakView, "bundleId" | "capacityGb">): string {
  return pak.capacityGb ? `Pak ${pak.bundleId} (${pak.capacityGb} GB)` : `Pak ${pak.bundleId}`;
}

/** For the pak choice in the create and import dialogs. */
export function pakChoiceLabel(pak: PakView, today = todayIso()): string {
  if (isPakExpired(pak, today)) return `${pakName(pak)}: expired, renew it to add mailboxes`;
  if (pak.available === 0) return `${pakName(pak)}: full`;
  return `${pakName(pak)}: ${pak.available} of ${pak.purchased} free`;
}

/** Paks that take new mailboxes now: not expired, with a free mailbox. */
export function paksWithRoom(paks: readonly PakView[], today = todayIso()): PakView[] {
  return paks.filter((pak) => !isPakExpired(pak, today) && pak.available > 0);
}
