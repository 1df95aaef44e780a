import "server-only";
import { asc, desc, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import {
  accountSnapshots,
  customers,
  mirrorDomains,
  mirrorMailboxes,
  mirrorPaks,
  purchaseAttempts,
  purchaseRequests,
  type AccountSnapshotRow,
} from "@/lib/db/schema";
import type { NearFullMailbox, UnknownOrder, WaitingRequest } from "./model";

/**
 * The morning page's SQL beyond the paks list (which comes through lib/domains): counts and the
 * first few of each kind, each one statement over an index, so the page stays quick on a
 * 50,000-mailbox account. Staff-wide: the callers check the caller's rights first.
 */

const nearFull = (percent: number) =>
  sql`${mirrorMailboxes.quotaMb} > 0 and ${mirrorMailboxes.quotaUsedMb} * 100 >= ${mirrorMailboxes.quotaMb} * ${percent}::int`;

/** Mailboxes at `percent` of their quota or more: how many, and the fullest first. */
export async function findNearFullMailboxes(
  percent: number,
  limit: number,
): Promise<{ total: number; first: NearFullMailbox[] }> {
  const db = await getDb();
  const [counted] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(mirrorMailboxes)
    .where(nearFull(percent));
  const total = counted?.total ?? 0;
  if (total === 0) return { total, first: [] };
  const share =
    sql<number>`floor(${mirrorMailboxes.quotaUsedMb} * 100.0 / ${mirrorMailboxes.quotaMb})`.mapWith(Number);
  const rows = await db
    .select({ address: mirrorMailboxes.address, domain: mirrorMailboxes.domain, percent: share })
    .from(mirrorMailboxes)
    .where(nearFull(percent))
    .orderBy(desc(share), asc(mirrorMailboxes.address))
    .limit(limit);
  return { total, first: rows };
}

/** Orders whose answer was lost (`unknown`): each must be checked with eNom before anything else. */
export async function findUnknownOrders(limit: number): Promise<{ total: number; first: UnknownOrder[] }> {
  const db = await getDb();
  const [counted] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(purchaseAttempts)
    .where(eq(purchaseAttempts.status, "unknown"));
  const total = counted?.total ?? 0;
  if (total === 0) return { total, first: [] };
  const rows = await db
    .select({
      key: purchaseAttempts.key,
      domain: purchaseAttempts.domain,
      kind: purchaseAttempts.kind,
      createdAt: purchaseAttempts.createdAt,
    })
    .from(purchaseAttempts)
    .where(eq(purchaseAttempts.status, "unknown"))
    .orderBy(asc(purchaseAttempts.createdAt))
    .limit(limit);
  return { total, first: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
}

/** Customers' purchases waiting for staff approval, oldest first. */
export async function findWaitingRequests(
  limit: number,
): Promise<{ total: number; first: WaitingRequest[] }> {
  const db = await getDb();
  const [counted] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(purchaseRequests)
    .where(eq(purchaseRequests.status, "waiting"));
  const total = counted?.total ?? 0;
  if (total === 0) return { total, first: [] };
  const rows = await db
    .select({
      id: purchaseRequests.id,
      domain: purchaseRequests.domain,
      kind: purchaseRequests.kind,
      customerName: customers.name,
      createdAt: purchaseRequests.createdAt,
    })
    .from(purchaseRequests)
    .innerJoin(customers, eq(customers.id, purchaseRequests.customerId))
    .where(eq(purchaseRequests.status, "waiting"))
    .orderBy(asc(purchaseRequests.createdAt))
    .limit(limit);
  return { total, first: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
}

/**
 * Takes today's snapshot of the account's size from the mirror, in one statement; a day already
 * taken is kept (the first snapshot after the nightly sync stands for the day). True when taken now.
 */
export async function insertAccountSnapshot(day: string): Promise<boolean> {
  const db = await getDb();
  const result = await db.execute(sql`
    insert into ${accountSnapshots} (day, domains, domains_with_email, paks, mailboxes, mailboxes_purchased, storage_used_mb)
    select ${day},
      (select count(*) from ${mirrorDomains})::int,
      (select count(*) from ${mirrorDomains} where ${mirrorDomains.pakCount} > 0)::int,
      (select count(*) from ${mirrorPaks})::int,
      (select count(*) from ${mirrorMailboxes})::int,
      (select coalesce(sum(${mirrorPaks.purchased}), 0) from ${mirrorPaks})::int,
      (select coalesce(sum(${mirrorMailboxes.quotaUsedMb}), 0) from ${mirrorMailboxes})::bigint
    on conflict (day) do nothing
    returning day`);
  return rowsOf(result).length > 0;
}

function rowsOf(result: unknown): unknown[] {
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows))
    return result.rows as unknown[];
  throw new Error("The database answered a query without rows.");
}

export async function hasAccountSnapshot(day: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ day: accountSnapshots.day })
    .from(accountSnapshots)
    .where(eq(accountSnapshots.day, day))
    .limit(1);
  return Boolean(row);
}

/** Snapshots from `sinceDay` on, oldest first. */
export async function listAccountSnapshots(sinceDay: string): Promise<AccountSnapshotRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(accountSnapshots)
    .where(gte(accountSnapshots.day, sinceDay))
    .orderBy(asc(accountSnapshots.day));
}
