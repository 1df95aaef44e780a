import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { customerDomains, customerPrices } from "@/lib/db/schema";
import { priceListWith, type CustomerRetail } from "./customer-price-model";
import type { PriceList, Prices } from "./price-list";
import { getPriceList } from "./settings";

/**
 * Per-customer retail prices (`customer_prices`), over the price list. An order is quoted at the
 * prices of the customer it is for: the customer who places it, else the customer its domain is
 * assigned to (staff buying for a customer's domain). The ledger attributes the debit the same
 * way (migration 0018), so the retail it records is that customer's price. The caller checks
 * who may read or change them.
 */

export interface StoredCustomerPrices {
  retail: unknown;
  updatedByEmail: string;
  updatedAt: Date;
}

export async function findCustomerPrices(customerId: string): Promise<StoredCustomerPrices | null> {
  const db = await getDb();
  const [row] = await db.select().from(customerPrices).where(eq(customerPrices.customerId, customerId));
  return row ? { retail: row.retail, updatedByEmail: row.updatedByEmail, updatedAt: row.updatedAt } : null;
}

export async function saveCustomerPrices(customerId: string, retail: CustomerRetail, email: string) {
  const db = await getDb();
  await db
    .insert(customerPrices)
    .values({ customerId, retail, updatedByEmail: email })
    .onConflictDoUpdate({
      target: customerPrices.customerId,
      set: { retail, updatedByEmail: email, updatedAt: new Date() },
    });
}

/** Back to the price list; true when there was something to remove. */
export async function removeCustomerPrices(customerId: string): Promise<boolean> {
  const db = await getDb();
  const removed = await db
    .delete(customerPrices)
    .where(eq(customerPrices.customerId, customerId))
    .returning({ customerId: customerPrices.customerId });
  return removed.length > 0;
}

/** The price list for one customer (or the plain list for none). */
export async function priceListForCustomer(customerId: string | null): Promise<PriceList> {
  const list = await getPriceList();
  if (!customerId) return list;
  return priceListWith(list, (await findCustomerPrices(customerId))?.retail ?? null);
}

/**
 * The price list of each domain's order for `user`: a customer's own prices for their orders;
 * for staff, the prices of the customer each domain is assigned to (the price list otherwise).
 */
export async function priceListsForOrder(
  user: Pick<SessionUser, "customerId">,
  domains: readonly string[],
): Promise<(domain: string) => PriceList> {
  const list = await getPriceList();
  if (user.customerId) {
    const own = priceListWith(list, (await findCustomerPrices(user.customerId))?.retail ?? null);
    return () => own;
  }
  const names = [...new Set(domains.map((domain) => domain.toLowerCase()))].filter(Boolean);
  if (names.length === 0) return () => list;
  const db = await getDb();
  const rows = await db
    .select({ domain: customerDomains.domain, retail: customerPrices.retail })
    .from(customerDomains)
    .innerJoin(customerPrices, eq(customerPrices.customerId, customerDomains.customerId))
    .where(inArray(customerDomains.domain, names));
  const byDomain = new Map(rows.map((row) => [row.domain, priceListWith(list, row.retail)]));
  return (domain) => byDomain.get(domain.toLowerCase()) ?? list;
}

/** The price list for an order on one domain (see priceListsForOrder). */
export async function priceListForOrder(
  user: Pick<SessionUser, "customerId">,
  domain: string,
): Promise<PriceList> {
  return (await priceListsForOrder(user, [domain]))(domain);
}

/** The retail prices a wizard estimates with, for this user (and the domain when one is chosen). */
export async function retailPricesFor(
  user: Pick<SessionUser, "customerId">,
  domain?: string,
): Promise<Prices> {
  return (await priceListForOrder(user, domain ?? "")).retail;
}
