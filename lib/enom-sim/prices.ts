import type { BillingPeriod, CapacityGb } from "../validation/enom-rules";

/**
 * The simulator's price list (docs/enom.md, "Prices"). POP email is paid from the account
 * balance, never by card. seeds/002's quick start (15 boxes, 1 GB, one year) costs 15: $1.00 per
 * 1 GB mailbox-year. Amounts are kept in cents so sums are exact.
 */
export const MAILBOX_PRICE_CENTS: Record<BillingPeriod, Record<CapacityGb, number>> = {
  year: { 1: 100, 3: 250, 5: 400, 10: 700 },
  month: { 1: 10, 3: 25, 5: 40, 10: 70 },
};

/** One 512 MB unit of extra storage for one mailbox, per term. */
export const STORAGE_UNIT_PRICE_CENTS: Record<BillingPeriod, number> = { year: 50, month: 5 };

export function mailboxTermCents(
  capacityGb: CapacityGb,
  period: BillingPeriod,
  mailboxes: number,
  terms: number,
): number {
  return MAILBOX_PRICE_CENTS[period][capacityGb] * mailboxes * terms;
}

export function storageCents(units: number, mailboxes: number, period: BillingPeriod, terms: number): number {
  return STORAGE_UNIT_PRICE_CENTS[period] * units * mailboxes * terms;
}

/**
 * eNom's amounts as its sample shows them: whole dollars bare (`15`), otherwise two decimals
 * (`12.50`).
 */
export function orderAmount(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** Balances always with two decimals (`5000.00`). */
export function balanceAmount(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** GetBalance's amounts: thousands commas, two decimals, a minus sign when negative (`-1,832.23`). */
export function balanceWithCommas(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const [whole = "0", decimals = "00"] = (Math.abs(cents) / 100).toFixed(2).split(".");
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${decimals}`;
}
