"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { requirePermission, requireRole } from "@/lib/auth/guards";
import type { PriceList } from "@/lib/pricing/price-list";
import { getPriceList, savePriceList } from "@/lib/pricing/settings";
import { actorOf } from "./logins";
import type { ActionResult } from "./result";
import { runAction } from "./safe-action";

/**
 * The reseller's price list (settings). Staff read it with cost prices; only an admin
 * (`settings.manage`) changes it. Customers never receive it: their quotes carry retail prices.
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

export async function getPriceListAction(): Promise<ActionResult<PriceList>> {
  return runAction({ name: "settings.prices.view", schema: z.unknown() }, undefined, async (_input, user) => {
    requireRole(user, "admin", "staff");
    return { ok: true, data: await getPriceList() };
  });
}

export async function savePriceListAction(input: unknown): Promise<ActionResult<PriceList>> {
  return runAction({ name: "settings.prices", schema: priceListInputSchema }, input, async (list, user) => {
    requireRole(user, "admin", "staff");
    requirePermission(user, "settings.manage");
    const before = await getPriceList();
    await savePriceList(list);
    await recordAudit({
      actor: actorOf(user),
      action: "settings.prices",
      outcome: "ok",
      summary: "Changed the price list",
      details: { before, after: list },
    });
    return { ok: true, data: list, message: "The price list is saved." };
  });
}
