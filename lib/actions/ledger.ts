"use server";

import { revalidatePath } from "next/cache";
import {
  customerIdInputSchema,
  customerPricesInputSchema,
  isEmptyRetail,
  ownPriceCount,
} from "@/lib/pricing/customer-price-model";
import { findCustomerPrices, removeCustomerPrices, saveCustomerPrices } from "@/lib/pricing/customer-prices";
import { userAction } from "./builder";
import { loadManagedCustomer } from "./logins";
import type { ActionResult } from "./result";

/**
 * A customer's own retail prices (issue 18), edited on the customer's page by staff who manage
 * customers (`customers.manage`; support and customers are refused inside). The next quote for
 * the customer's orders (its portal, or staff buying for one of its domains) uses them, and so the
 * ledger's retail is what the customer owes.
 *
 * - saveCustomerPricesAction({ customerId, retail }): every price in cents; an empty price follows
 *   the price list. All empty is the same as "use the price list".
 * - revertToListPricesAction({ customerId }): removes the customer's prices.
 */

function revalidate(customerId: string): void {
  revalidatePath(`/customers/${customerId}`);
  revalidatePath(`/customers/${customerId}/prices`);
}

export const saveCustomerPricesAction = userAction(
  { name: "customer.prices", schema: customerPricesInputSchema },
  async ({ customerId, retail }, { user, audit }): Promise<ActionResult> => {
    const customer = await loadManagedCustomer(user, customerId);
    const before = (await findCustomerPrices(customer.id))?.retail ?? null;
    if (isEmptyRetail(retail)) {
      await removeCustomerPrices(customer.id);
      await audit({
        outcome: "ok",
        summary: `${customer.name} pays the price list's retail prices`,
        targetCustomerId: customer.id,
        details: { before, after: null },
      });
      revalidate(customer.id);
      return { ok: true, data: undefined, message: `${customer.name} pays the price list's prices.` };
    }
    await saveCustomerPrices(customer.id, retail, user.email);
    const count = ownPriceCount(retail);
    await audit({
      outcome: "ok",
      summary: `Set ${count} retail ${count === 1 ? "price" : "prices"} of ${customer.name}'s own`,
      targetCustomerId: customer.id,
      details: { before, after: retail },
    });
    revalidate(customer.id);
    return {
      ok: true,
      data: undefined,
      message: `${customer.name}'s prices are saved; their next quote uses them.`,
    };
  },
);

export const revertToListPricesAction = userAction(
  { name: "customer.prices", schema: customerIdInputSchema },
  async ({ customerId }, { user, audit }): Promise<ActionResult> => {
    const customer = await loadManagedCustomer(user, customerId);
    const before = (await findCustomerPrices(customer.id))?.retail ?? null;
    const removed = await removeCustomerPrices(customer.id);
    if (!removed)
      return { ok: true, data: undefined, message: `${customer.name} already pays the price list's prices.` };
    await audit({
      outcome: "ok",
      summary: `${customer.name} pays the price list's retail prices again`,
      targetCustomerId: customer.id,
      details: { before, after: null },
    });
    revalidate(customer.id);
    return { ok: true, data: undefined, message: `${customer.name} pays the price list's prices again.` };
  },
);
