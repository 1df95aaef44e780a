import "server-only";
import { and, desc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db";
import {
  customers,
  purchaseAttempts,
  purchaseRequests,
  users,
  type PurchaseAttemptRow,
  type PurchaseRequestRow,
  type PurchaseRequestStatus,
} from "@/lib/db/schema";

/** The purchase_requests table: every statement about it, in one place. */

export type NewPurchaseRequest = typeof purchaseRequests.$inferInsert;

/** Writes the request unless one with its id (the wizard's key) exists; null then. */
export async function insertRequest(values: NewPurchaseRequest): Promise<PurchaseRequestRow | null> {
  const db = await getDb();
  const [row] = await db.insert(purchaseRequests).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findRequest(id: string): Promise<PurchaseRequestRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(purchaseRequests).where(eq(purchaseRequests.id, id));
  return row ?? null;
}

/**
 * Moves a request out of `from` only if it is still there (two tabs, two staff members: one
 * wins); null when it was not.
 */
export async function moveRequest(
  id: string,
  from: PurchaseRequestStatus,
  patch: Partial<
    Pick<PurchaseRequestRow, "status" | "decidedBy" | "decidedAt" | "decisionNote" | "attemptKey">
  >,
  onlyWithAttemptKey?: string,
): Promise<PurchaseRequestRow | null> {
  const db = await getDb();
  const [row] = await db
    .update(purchaseRequests)
    .set({ ...patch, updatedAt: new Date() })
    .where(
      and(
        eq(purchaseRequests.id, id),
        eq(purchaseRequests.status, from),
        onlyWithAttemptKey === undefined ? undefined : eq(purchaseRequests.attemptKey, onlyWithAttemptKey),
      ),
    )
    .returning();
  return row ?? null;
}

const decider = alias(users, "decider");

const listColumns = {
  request: purchaseRequests,
  customerName: customers.name,
  decidedByEmail: decider.email,
};

export type ListedRequest = {
  request: PurchaseRequestRow;
  customerName: string;
  decidedByEmail: string | null;
};

export async function listRequestsOfCustomer(customerId: string, limit = 100): Promise<ListedRequest[]> {
  const db = await getDb();
  return db
    .select(listColumns)
    .from(purchaseRequests)
    .innerJoin(customers, eq(customers.id, purchaseRequests.customerId))
    .leftJoin(decider, eq(decider.id, purchaseRequests.decidedBy))
    .where(eq(purchaseRequests.customerId, customerId))
    .orderBy(desc(purchaseRequests.createdAt))
    .limit(limit);
}

/** Every waiting request, oldest first (first come, first served). */
export async function listWaitingRequests(limit = 500): Promise<ListedRequest[]> {
  const db = await getDb();
  return db
    .select(listColumns)
    .from(purchaseRequests)
    .innerJoin(customers, eq(customers.id, purchaseRequests.customerId))
    .leftJoin(decider, eq(decider.id, purchaseRequests.decidedBy))
    .where(eq(purchaseRequests.status, "waiting"))
    .orderBy(purchaseRequests.createdAt)
    .limit(limit);
}

/** Requests decided (or withdrawn) within `days`, newest first. */
export async function listDecidedRequests(days = 30, limit = 100): Promise<ListedRequest[]> {
  const db = await getDb();
  return db
    .select(listColumns)
    .from(purchaseRequests)
    .innerJoin(customers, eq(customers.id, purchaseRequests.customerId))
    .leftJoin(decider, eq(decider.id, purchaseRequests.decidedBy))
    .where(
      and(
        inArray(purchaseRequests.status, ["approved", "declined", "withdrawn"]),
        isNotNull(purchaseRequests.decidedAt),
        sql`${purchaseRequests.decidedAt} > now() - make_interval(days => ${days})`,
      ),
    )
    .orderBy(desc(purchaseRequests.decidedAt))
    .limit(limit);
}

/** The attempts placed under these keys: a purchase's own key, or a renewal's batch key. */
export async function attemptsOfKeys(keys: string[]): Promise<PurchaseAttemptRow[]> {
  if (keys.length === 0) return [];
  const db = await getDb();
  return db
    .select()
    .from(purchaseAttempts)
    .where(or(inArray(purchaseAttempts.key, keys), inArray(purchaseAttempts.batchKey, keys)));
}
