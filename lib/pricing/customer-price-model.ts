import { z } from "zod";
import type { PriceList, Prices } from "./price-list";

/**
 * A customer's own retail prices, laid over the price list's retail (pure: the form, the action
 * and the quotes share it). Each price is cents, or null for "the price list's": the reseller
 * may change one price for a customer and leave the rest following the list. Cost is never
 * overridden: it is what eNom charges, the same for every customer.
 */
const cents = z.number().int().min(0).max(100_000_000).nullable();
const perCapacity = z.object({ 1: cents, 3: cents, 5: cents, 10: cents });
export const customerRetailSchema = z.object({
  mailbox: z.object({ year: perCapacity, month: perCapacity }),
  storageUnit: z.object({ year: cents, month: cents }),
});
export type CustomerRetail = z.infer<typeof customerRetailSchema>;

const CAPACITIES = [1, 3, 5, 10] as const;
const PERIODS = ["year", "month"] as const;

/** The customer's prices over `base` (a stored value that cannot be read is no override). */
export function overlayRetail(base: Prices, stored: unknown): Prices {
  const parsed = customerRetailSchema.safeParse(stored);
  if (!parsed.success) return base;
  const own = parsed.data;
  const mailbox = (period: (typeof PERIODS)[number]) => ({
    1: own.mailbox[period][1] ?? base.mailbox[period][1],
    3: own.mailbox[period][3] ?? base.mailbox[period][3],
    5: own.mailbox[period][5] ?? base.mailbox[period][5],
    10: own.mailbox[period][10] ?? base.mailbox[period][10],
  });
  return {
    mailbox: { year: mailbox("year"), month: mailbox("month") },
    storageUnit: {
      year: own.storageUnit.year ?? base.storageUnit.year,
      month: own.storageUnit.month ?? base.storageUnit.month,
    },
  };
}

/** The price list a customer's orders are quoted at: eNom's cost, the customer's retail. */
export function priceListWith(list: PriceList, stored: unknown | null): PriceList {
  return stored === null || stored === undefined
    ? list
    : { cost: list.cost, retail: overlayRetail(list.retail, stored) };
}

/** How many prices differ from the list's (for "3 prices of their own"). */
export function ownPriceCount(stored: unknown): number {
  const parsed = customerRetailSchema.safeParse(stored);
  if (!parsed.success) return 0;
  const own = parsed.data;
  let count = 0;
  for (const period of PERIODS)
    for (const capacity of CAPACITIES) if (own.mailbox[period][capacity] !== null) count += 1;
  for (const period of PERIODS) if (own.storageUnit[period] !== null) count += 1;
  return count;
}

/** Every price the list's (an override that changes nothing). */
export function isEmptyRetail(retail: CustomerRetail): boolean {
  return ownPriceCount(retail) === 0;
}

const MAX_CENTS = 100_000_000;
/** A posted price: cents (a number or digit string); an empty field is "the price list's" (null). */
const centsInput = z.preprocess(
  (value) =>
    value === null || value === undefined
      ? null
      : typeof value === "string"
        ? value.trim() === ""
          ? null
          : Number(value)
        : value,
  z
    .number("Enter a price, or leave it empty for the price list's.")
    .int("Enter the price in whole cents.")
    .min(0, "A price cannot be negative.")
    .max(MAX_CENTS, "Enter at most $1,000,000.00.")
    .nullable(),
);
const perCapacityInput = z.object({ 1: centsInput, 3: centsInput, 5: centsInput, 10: centsInput });

/** saveCustomerPricesAction's input; field errors are keyed by path ("retail.mailbox.year.5"). */
export const customerPricesInputSchema = z.object({
  customerId: z.uuid("That customer was not found."),
  retail: z.object({
    mailbox: z.object({ year: perCapacityInput, month: perCapacityInput }),
    storageUnit: z.object({ year: centsInput, month: centsInput }),
  }),
});
export type CustomerPricesInput = z.infer<typeof customerPricesInputSchema>;

export const customerIdInputSchema = z.object({ customerId: z.uuid("That customer was not found.") });
