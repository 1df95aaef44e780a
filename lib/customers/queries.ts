import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { forgetSessionUser } from "@/lib/auth/session-user-cache";
import { getDb } from "@/lib/db";
import { customerDomains, customers, users, type CustomerRow } from "@/lib/db/schema";

export async function customerOwnsDomain(customerId: string, domain: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ domain: customerDomains.domain })
    .from(customerDomains)
    .where(and(eq(customerDomains.customerId, customerId), eq(customerDomains.domain, domain.toLowerCase())))
    .limit(1);
  return Boolean(row);
}

export async function listCustomerDomains(customerId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ domain: customerDomains.domain })
    .from(customerDomains)
    .where(eq(customerDomains.customerId, customerId))
    .orderBy(asc(customerDomains.domain));
  return rows.map((row) => row.domain);
}

/** Every assigned domain with its owner, for the staff's domain picker. */
export async function listDomainOwners(): Promise<Map<string, { customerId: string; customerName: string }>> {
  const db = await getDb();
  const rows = await db
    .select({ domain: customerDomains.domain, customerId: customers.id, customerName: customers.name })
    .from(customerDomains)
    .innerJoin(customers, eq(customerDomains.customerId, customers.id));
  return new Map(
    rows.map((row) => [row.domain, { customerId: row.customerId, customerName: row.customerName }]),
  );
}

export async function findCustomer(id: string): Promise<CustomerRow | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(customers).where(eq(customers.id, id)).limit(1);
  return row;
}

export async function listCustomersWithCounts() {
  const db = await getDb();
  const domainCounts = db
    .select({ customerId: customerDomains.customerId, n: count().as("domain_count") })
    .from(customerDomains)
    .groupBy(customerDomains.customerId)
    .as("domain_counts");
  const userCounts = db
    .select({ customerId: users.customerId, n: count().as("user_count") })
    .from(users)
    .groupBy(users.customerId)
    .as("user_counts");
  return db
    .select({
      customer: customers,
      domainCount: sql<number>`coalesce(${domainCounts.n}, 0)::int`,
      userCount: sql<number>`coalesce(${userCounts.n}, 0)::int`,
    })
    .from(customers)
    .leftJoin(domainCounts, eq(domainCounts.customerId, customers.id))
    .leftJoin(userCounts, eq(userCounts.customerId, customers.id))
    .orderBy(asc(customers.name));
}

export type CustomerFields = Pick<
  CustomerRow,
  | "name"
  | "contactName"
  | "contactEmail"
  | "contactPhone"
  | "notes"
  | "canCreateMailboxes"
  | "canManageMailboxes"
  | "canToggleAutoRenew"
  | "canPurchase"
  | "canRenew"
>;

export async function insertCustomer(values: CustomerFields): Promise<CustomerRow> {
  const db = await getDb();
  const [row] = await db.insert(customers).values(values).returning();
  if (!row) throw new Error("The customer was not created.");
  return row;
}

/** What the reseller lets the customer spend in the portal (issue 16); set on the customer's page. */
export type CustomerSpending = Pick<CustomerRow, "monthlySpendLimitCents" | "purchaseApproval">;

export async function updateCustomer(
  id: string,
  values: CustomerFields & Partial<CustomerSpending>,
): Promise<void> {
  const db = await getDb();
  await db
    .update(customers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(customers.id, id));
  forgetSessionUser(); // a customer's allowances are part of every colleague's session
}

export async function deleteCustomer(id: string): Promise<void> {
  const db = await getDb();
  await db.delete(customers).where(eq(customers.id, id));
  forgetSessionUser();
}

/**
 * Sets exactly which domains a customer owns. A domain that another customer owns is refused
 * (returned in `taken`), never moved silently.
 */
export async function setCustomerDomains(
  customerId: string,
  domains: string[],
): Promise<{ added: string[]; removed: string[]; taken: string[] }> {
  const db = await getDb();
  const wanted = [...new Set(domains.map((domain) => domain.toLowerCase()))];
  return db.transaction(async (tx) => {
    const owned = wanted.length
      ? await tx.select().from(customerDomains).where(inArray(customerDomains.domain, wanted))
      : [];
    const taken = owned.filter((row) => row.customerId !== customerId).map((row) => row.domain);
    if (taken.length) return { added: [], removed: [], taken };
    const current = await tx
      .select({ domain: customerDomains.domain })
      .from(customerDomains)
      .where(eq(customerDomains.customerId, customerId));
    const currentSet = new Set(current.map((row) => row.domain));
    const added = wanted.filter((domain) => !currentSet.has(domain));
    const removed = [...currentSet].filter((domain) => !wanted.includes(domain));
    if (removed.length) {
      await tx
        .delete(customerDomains)
        .where(and(eq(customerDomains.customerId, customerId), inArray(customerDomains.domain, removed)));
    }
    if (added.length)
      await tx.insert(customerDomains).values(added.map((domain) => ({ domain, customerId })));
    return { added, removed, taken: [] };
  });
}
