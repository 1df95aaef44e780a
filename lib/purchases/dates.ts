import type { BillingPeriod } from "@/lib/validation/enom-rules";

/**
 * eNom's term arithmetic on ISO calendar dates (docs/enom.md, "Prices"), the same rules the
 * simulator applies, so a quote shows the expiry and the terms eNom will charge for.
 */

function partsOf(iso: string): { year: number; month: number; day: number } {
  const [year = 0, month = 1, day = 1] = iso.split("-").map(Number);
  return { year, month, day };
}

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Today in UTC, as eNom counts days. */
export function todayIso(now: Date = new Date()): string {
  return toIso(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

/** Months later, keeping the day of the month where it exists (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = partsOf(iso);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return toIso(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(day, lastDay));
}

export function addTerm(iso: string, unit: BillingPeriod, count: number): string {
  return addMonths(iso, unit === "year" ? count * 12 : count);
}

/** Whole terms from today to a pak's expiry, at least one: what an addition to a running pak pays for. */
export function termsLeft(expires: string, unit: BillingPeriod, today: string): number {
  let terms = 1;
  while (addTerm(today, unit, terms) < expires) terms++;
  return terms;
}

/**
 * A renewal counts from the current expiry while it is today or later, from today once it has
 * passed: the expected expiry, which the panel checks against eNom's after the order.
 */
export function renewedExpiry(
  expires: string,
  today: string,
  terms: number,
  unit: BillingPeriod = "year",
): string {
  return addTerm(expires >= today ? expires : today, unit, terms);
}
