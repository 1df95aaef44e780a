import "server-only";
import { and, asc, eq, gt, gte, lt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { customers, ledgerEntries } from "@/lib/db/schema";
import type { LedgerRecord } from "./model";

/**
 * The ledger's SQL. Rows are written by the database (migration 0018's trigger on
 * purchase_attempts), never here: Mailpak only reads them. Every read names its customer or is
 * the staff's whole-account read; callers check who may make it (statements.ts).
 */

const record = {
  id: ledgerEntries.id,
  occurredAt: ledgerEntries.occurredAt,
  domain: ledgerEntries.domain,
  kind: ledgerEntries.kind,
  description: ledgerEntries.description,
  enomOrderId: ledgerEntries.enomOrderId,
  enomTrackingKey: ledgerEntries.enomTrackingKey,
  costCents: ledgerEntries.costCents,
  retailCents: ledgerEntries.retailCents,
};

/** A customer's rows in [from, to), oldest first. */
export async function selectCustomerEntries(
  customerId: string,
  from: Date,
  to: Date,
): Promise<LedgerRecord[]> {
  const db = await getDb();
  return db
    .select(record)
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.customerId, customerId),
        gte(ledgerEntries.occurredAt, from),
        lt(ledgerEntries.occurredAt, to),
      ),
    )
    .orderBy(asc(ledgerEntries.occurredAt), asc(ledgerEntries.id));
}

export interface AccountingRecord extends LedgerRecord {
  attemptKey: string;
  customerId: string | null;
  customerName: string | null;
}

/**
 * One page of every row in [from, to) after the row `afterId`, in the order they were written
 * (the id: exact for paging, where a timestamp read into JavaScript loses its microseconds).
 */
export async function selectEntriesPage(
  from: Date,
  to: Date,
  afterId: number | null,
  limit: number,
): Promise<AccountingRecord[]> {
  const db = await getDb();
  return db
    .select({
      ...record,
      attemptKey: ledgerEntries.attemptKey,
      customerId: ledgerEntries.customerId,
      customerName: customers.name,
    })
    .from(ledgerEntries)
    .leftJoin(customers, eq(customers.id, ledgerEntries.customerId))
    .where(
      and(
        gte(ledgerEntries.occurredAt, from),
        lt(ledgerEntries.occurredAt, to),
        afterId === null ? undefined : gt(ledgerEntries.id, afterId),
      ),
    )
    .orderBy(asc(ledgerEntries.id))
    .limit(limit);
}

/** Sums per UTC month from `from` on (every customer and the reseller's own domains). */
export async function selectMonthlySums(
  from: Date,
): Promise<{ month: string; retailCents: number; costCents: number; count: number }[]> {
  const db = await getDb();
  const month = sql<string>`to_char(${ledgerEntries.occurredAt} at time zone 'UTC', 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      retailCents: sql<string>`sum(${ledgerEntries.retailCents})`,
      costCents: sql<string>`sum(${ledgerEntries.costCents})`,
      count: sql<string>`count(*)`,
    })
    .from(ledgerEntries)
    .where(gte(ledgerEntries.occurredAt, from))
    .groupBy(month);
  return rows.map((row) => ({
    month: row.month,
    retailCents: Number(row.retailCents),
    costCents: Number(row.costCents),
    count: Number(row.count),
  }));
}

/** Months (UTC, newest first) in which the customer has rows, for the statement's month picker. */
export async function selectCustomerMonths(customerId: string): Promise<string[]> {
  const db = await getDb();
  const month = sql<string>`to_char(${ledgerEntries.occurredAt} at time zone 'UTC', 'YYYY-MM')`;
  const rows = await db
    .selectDistinct({ month })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.customerId, customerId))
    .orderBy(sql`1 desc`);
  return rows.map((row) => row.month);
}

/** Cost and retail per customer (null: the reseller's own domains), for reconciling with eNom. */
export async function selectTotalsByCustomer(): Promise<
  { customerId: string | null; costCents: number; retailCents: number; count: number }[]
> {
  const db = await getDb();
  const rows = await db
    .select({
      customerId: ledgerEntries.customerId,
      costCents: sql<string>`sum(${ledgerEntries.costCents})`,
      retailCents: sql<string>`sum(${ledgerEntries.retailCents})`,
      count: sql<string>`count(*)`,
    })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.customerId);
  return rows.map((row) => ({
    customerId: row.customerId,
    costCents: Number(row.costCents),
    retailCents: Number(row.retailCents),
    count: Number(row.count),
  }));
}
