import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { mirrorMailboxes, storageAlerts } from "@/lib/db/schema";
import { ALERT_PERCENT, type NearlyFullMailbox } from "./model";

/**
 * The storage alerts' SQL. The SQL only narrows (mailboxes at or over the threshold, alerts on
 * record); whether a mailbox alerts or clears is decided by `alertStep` (model.ts), in one place.
 */

const nearlyFull = sql`${mirrorMailboxes.quotaMb} > 0 and ${mirrorMailboxes.quotaUsedMb} * 100 >= ${mirrorMailboxes.quotaMb} * ${ALERT_PERCENT}::int`;

export interface AlertKey {
  domain: string;
  userName: string;
}

export interface AlertWithUsage extends AlertKey {
  /** Whether the mirror still holds the mailbox (a deleted one clears its alert). */
  exists: boolean;
  quotaUsedMb: number | null;
  quotaMb: number | null;
}

/** Every alert on record with the mailbox's usage as the mirror now holds it. */
export async function listAlertsWithUsage(): Promise<AlertWithUsage[]> {
  const db = await getDb();
  const rows = await db
    .select({
      domain: storageAlerts.domain,
      userName: storageAlerts.userName,
      mirrored: mirrorMailboxes.userName,
      quotaUsedMb: mirrorMailboxes.quotaUsedMb,
      quotaMb: mirrorMailboxes.quotaMb,
    })
    .from(storageAlerts)
    .leftJoin(
      mirrorMailboxes,
      and(
        eq(mirrorMailboxes.domain, storageAlerts.domain),
        eq(mirrorMailboxes.userName, storageAlerts.userName),
      ),
    );
  return rows.map(({ mirrored, ...row }) => ({ ...row, exists: mirrored !== null }));
}

export async function deleteAlerts(keys: readonly AlertKey[]): Promise<void> {
  if (keys.length === 0) return;
  const db = await getDb();
  for (const [domain, userNames] of byDomain(keys))
    await db
      .delete(storageAlerts)
      .where(and(eq(storageAlerts.domain, domain), inArray(storageAlerts.userName, userNames)));
}

export interface MirrorUsageRow extends AlertKey {
  address: string;
  bundleId: number | null;
  quotaUsedMb: number | null;
  quotaMb: number | null;
}

/** Mailboxes at or over the threshold that have no alert on record: the candidates for a crossing. */
export async function listUnalertedNearlyFull(): Promise<MirrorUsageRow[]> {
  const db = await getDb();
  return db
    .select({
      domain: mirrorMailboxes.domain,
      userName: mirrorMailboxes.userName,
      address: mirrorMailboxes.address,
      bundleId: mirrorMailboxes.bundleId,
      quotaUsedMb: mirrorMailboxes.quotaUsedMb,
      quotaMb: mirrorMailboxes.quotaMb,
    })
    .from(mirrorMailboxes)
    .leftJoin(
      storageAlerts,
      and(
        eq(storageAlerts.domain, mirrorMailboxes.domain),
        eq(storageAlerts.userName, mirrorMailboxes.userName),
      ),
    )
    .where(and(nearlyFull, isNull(storageAlerts.domain)))
    .orderBy(asc(mirrorMailboxes.domain), asc(mirrorMailboxes.address));
}

export interface NewAlert extends AlertKey {
  address: string;
  percent: number;
  quotaUsedMb: number;
  quotaMb: number;
}

/**
 * Records crossings; returns those this call recorded (another run, or another panel instance,
 * that recorded one first keeps it: the primary key decides).
 */
export async function recordCrossings(alerts: readonly NewAlert[], at: Date): Promise<AlertKey[]> {
  if (alerts.length === 0) return [];
  const db = await getDb();
  return db
    .insert(storageAlerts)
    .values(alerts.map((alert) => ({ ...alert, crossedAt: at })))
    .onConflictDoNothing()
    .returning({ domain: storageAlerts.domain, userName: storageAlerts.userName });
}

/** Alerts not emailed yet on these domains, with the mailbox's current usage. */
export async function listUnemailedAlerts(domains: readonly string[]): Promise<MirrorUsageRow[]> {
  if (domains.length === 0) return [];
  const db = await getDb();
  return db
    .select({
      domain: mirrorMailboxes.domain,
      userName: mirrorMailboxes.userName,
      address: mirrorMailboxes.address,
      bundleId: mirrorMailboxes.bundleId,
      quotaUsedMb: mirrorMailboxes.quotaUsedMb,
      quotaMb: mirrorMailboxes.quotaMb,
    })
    .from(storageAlerts)
    .innerJoin(
      mirrorMailboxes,
      and(
        eq(mirrorMailboxes.domain, storageAlerts.domain),
        eq(mirrorMailboxes.userName, storageAlerts.userName),
      ),
    )
    .where(and(isNull(storageAlerts.emailedAt), inArray(storageAlerts.domain, [...domains])))
    .orderBy(asc(mirrorMailboxes.domain), asc(mirrorMailboxes.address));
}

/**
 * Claims a domain's alerts for one email before it is sent: returns the names this call claimed
 * (an alert another run is emailing, or has emailed, is not claimed twice).
 */
export async function claimAlerts(
  domain: string,
  userNames: readonly string[],
  values: { customerId: string; recipients: string[]; at: Date },
): Promise<string[]> {
  if (userNames.length === 0) return [];
  const db = await getDb();
  const claimed = await db
    .update(storageAlerts)
    .set({ emailedAt: values.at, customerId: values.customerId, recipients: values.recipients })
    .where(
      and(
        eq(storageAlerts.domain, domain),
        inArray(storageAlerts.userName, [...userNames]),
        isNull(storageAlerts.emailedAt),
      ),
    )
    .returning({ userName: storageAlerts.userName });
  return claimed.map((row) => row.userName);
}

/** Gives claimed alerts back (their email failed), so the next run tries again. */
export async function releaseAlerts(domain: string, userNames: readonly string[], at: Date): Promise<void> {
  if (userNames.length === 0) return;
  const db = await getDb();
  await db
    .update(storageAlerts)
    .set({ emailedAt: null, customerId: null, recipients: [] })
    .where(
      and(
        eq(storageAlerts.domain, domain),
        inArray(storageAlerts.userName, [...userNames]),
        eq(storageAlerts.emailedAt, at),
      ),
    );
}

/** Nearly full mailboxes of these domains, fullest first: how many, and the first `limit`. */
export async function findNearlyFullOn(
  domains: readonly string[] | "all",
  limit: number,
): Promise<{ total: number; first: NearlyFullMailbox[] }> {
  if (domains !== "all" && domains.length === 0) return { total: 0, first: [] };
  const db = await getDb();
  const where =
    domains === "all" ? nearlyFull : and(nearlyFull, inArray(mirrorMailboxes.domain, [...domains]));
  const [counted] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(mirrorMailboxes)
    .where(where);
  const total = counted?.total ?? 0;
  if (total === 0) return { total, first: [] };
  const share = sql<number>`${mirrorMailboxes.quotaUsedMb}::float / ${mirrorMailboxes.quotaMb}`;
  const rows = await db
    .select({
      domain: mirrorMailboxes.domain,
      address: mirrorMailboxes.address,
      bundleId: mirrorMailboxes.bundleId,
      quotaUsedMb: mirrorMailboxes.quotaUsedMb,
      quotaMb: mirrorMailboxes.quotaMb,
    })
    .from(mirrorMailboxes)
    .where(where)
    .orderBy(desc(share), asc(mirrorMailboxes.address))
    .limit(limit);
  const first: NearlyFullMailbox[] = [];
  for (const row of rows) {
    // The SQL let through only rows with both reported; the types do not know it.
    if (row.quotaUsedMb === null || row.quotaMb === null) continue;
    first.push({
      ...row,
      quotaUsedMb: row.quotaUsedMb,
      quotaMb: row.quotaMb,
      percent: Math.floor((row.quotaUsedMb * 100) / row.quotaMb),
    });
  }
  return { total, first };
}

function byDomain(keys: readonly AlertKey[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const key of keys) grouped.set(key.domain, [...(grouped.get(key.domain) ?? []), key.userName]);
  return grouped;
}
