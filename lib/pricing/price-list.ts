import { z } from "zod";
import {
  BILLING_PERIODS,
  CAPACITIES_GB,
  type BillingPeriod,
  type CapacityGb,
} from "@/lib/validation/enom-rules";

/**
 * The reseller's price list, kept in the panel's settings: what eNom charges the reseller
 * (`cost`, debited from the eNom balance) and what the reseller charges its customers (`retail`).
 * Amounts are whole cents so sums are exact. Pure: the same arithmetic on server and browser.
 */
const cents = z.number().int().min(0).max(100_000_000);
const perCapacity = z.object({ 1: cents, 3: cents, 5: cents, 10: cents });
export const pricesSchema = z.object({
  /** One mailbox of each capacity for one term. */
  mailbox: z.object({ year: perCapacity, month: perCapacity }),
  /** One 512 MB unit of extra storage for one mailbox for one term. */
  storageUnit: z.object({ year: cents, month: cents }),
});
export type Prices = z.infer<typeof pricesSchema>;

export const priceListSchema = z.object({ cost: pricesSchema, retail: pricesSchema });
export type PriceList = z.infer<typeof priceListSchema>;

/** eNom's list as the simulator charges it (docs/enom.md, "Prices"); the reseller edits both. */
export const DEFAULT_PRICE_LIST: PriceList = {
  cost: {
    mailbox: { year: { 1: 100, 3: 250, 5: 400, 10: 700 }, month: { 1: 10, 3: 25, 5: 40, 10: 70 } },
    storageUnit: { year: 50, month: 5 },
  },
  retail: {
    mailbox: { year: { 1: 300, 3: 600, 5: 900, 10: 1500 }, month: { 1: 30, 3: 60, 5: 90, 10: 150 } },
    storageUnit: { year: 100, month: 10 },
  },
};

export interface MailboxTerm {
  capacityGb: CapacityGb;
  billingPeriod: BillingPeriod;
  mailboxes: number;
  /** Billing periods paid for (years or months). */
  terms: number;
}

/** New mailboxes (a new pak, or more mailboxes in a pak for the terms it has left). */
export function mailboxesPrice(prices: Prices, term: MailboxTerm): number {
  return prices.mailbox[term.billingPeriod][term.capacityGb] * term.mailboxes * term.terms;
}

/** Extra storage: `units` of 512 MB for each of `mailboxes`, for `terms` periods. */
export function storagePrice(
  prices: Prices,
  term: { units: number; mailboxes: number; billingPeriod: BillingPeriod; terms: number },
): number {
  return prices.storageUnit[term.billingPeriod] * term.units * term.mailboxes * term.terms;
}

/** Renewing a pak pays every mailbox it holds plus its extra storage, for each term. */
export function renewalPrice(prices: Prices, term: MailboxTerm & { storageUnits: number }): number {
  return (
    mailboxesPrice(prices, term) +
    storagePrice(prices, {
      units: term.storageUnits,
      mailboxes: term.mailboxes,
      billingPeriod: term.billingPeriod,
      terms: term.terms,
    })
  );
}

/** Extra 512 MB units a pak has, from its quota and capacity (GetPOP3/GetPOPExpirations `Quota`). */
export function storageUnitsOf(quotaMb: number | null, capacityGb: number | null): number {
  if (quotaMb === null || capacityGb === null) return 0;
  return Math.max(0, Math.round((quotaMb - capacityGb * 1024) / 512));
}

export { BILLING_PERIODS, CAPACITIES_GB };
