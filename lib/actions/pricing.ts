"use server";

import { z } from "zod";
import { requirePermission, requireRole } from "@/lib/auth/guards";
import type { PriceList } from "@/lib/pricing/price-list";
import { getPriceList, savePriceList } from "@/lib/pricing/settings";
import { userAction } from "./builder";
import type { ActionResult } from "./result";

/**
 * The reseller's price list (settings). Staff read it with cost prices on the settings page
 * (lib/pricing/settings.ts); only an admin (`settings.manage`) changes it. Customers never receive it: their quotes carry retail prices.
 *
 * Input of savePriceListAction: a whole PriceList in cents (numbers, or digit strings), e.g.
 *   { cost:   { mailbox: { year: { 1: 100, 3: 250, 5: 400, 10: 700 }, month: { 1: 10, ... } },
 *               storageUnit: { year: 50, month: 5 } },
 *     retail: { ...the same shape } }
 * The form converts dollars ("2.50") to cents (250) before sending. Field errors are keyed by
 * path, e.g. "retail.mailbox.year.5".
 */

const MAX_CENTS = 100_000_000;
/** Digit strings are read as numbers; an empty field is missing, not zero. */
const cents = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value)) : value),
  z
    .number("Enter a price.")
    .int("Enter the price in whole cents.")
    .min(0, "A price cannot be negative.")
    .max(MAX_CENTS, "Enter at most $1,000,000.00."),
);
const perCapacity = z.object({ 1: cents, 3: cents, 5: cents, 10: cents });
const prices = z.object({
  mailbox: z.object({ year: perCapacity, month: perCapacity }),
  storageUnit: z.object({ year: cents, month: cents }),
});
const priceListInputSchema = z.object({ cost: prices, retail: prices });

export const savePriceListAction = userAction(
  { name: "settings.prices", schema: priceListInputSchema },
  async (list, { user, audit }): Promise<ActionResult<PriceList>> => {
    // A customer is told the settings do not exist, before being told what it may not do.
    requireRole(user, "admin", "staff");
    requirePermission(user, "settings.manage");
    const before = await getPriceList();
    await savePriceList(list);
    await audit({ outcome: "ok", summary: "Changed the price list", details: { before, after: list } });
    return { ok: true, data: list, message: "The price list is saved." };
  },
);
