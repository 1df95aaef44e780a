/**
 * How close a pak is to its expiry, counted in whole calendar days (UTC, as eNom's dates are).
 * Pure: shared by the server (filters, sorting) and the browser (badges).
 */
const DAY_MS = 86_400_000;

/** The number of days from `today` to an ISO calendar date: 0 today, negative once passed. */
export function daysUntil(iso: string, today: Date): number {
  const [year, month, day] = iso.split("-").map(Number);
  const expiry = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((expiry - start) / DAY_MS);
}

/** The window in which a renewal is due: the panel's "expiring soon". */
export const EXPIRING_WITHIN_DAYS = 30;

export type ExpiryState = "expired" | "soon" | "later";

export function expiryState(iso: string, today: Date): ExpiryState {
  const days = daysUntil(iso, today);
  if (days < 0) return "expired";
  if (days <= EXPIRING_WITHIN_DAYS) return "soon";
  return "later";
}

/** "Expired 3 days ago", "Expires today", "Expires in 12 days". */
export function describeExpiry(iso: string, today: Date): string {
  const days = daysUntil(iso, today);
  if (days < -1) return `Expired ${-days} days ago`;
  if (days === -1) return "Expired yesterday";
  if (days === 0) return "Expires today";
  if (days === 1) return "Expires tomorrow";
  return `Expires in ${days} days`;
}
