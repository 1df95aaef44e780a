import "server-only";
import type { AccountSnapshotRow } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import type { GrowthPoint } from "./model";
import { hasAccountSnapshot, insertAccountSnapshot, listAccountSnapshots } from "./queries";

/**
 * The account's size once a day (account_snapshots), for the dashboard's "over time" chart. Taken
 * from the mirror right after the nightly full sync, and by the dashboard when the day has none
 * yet (a panel that was down at night); the first of a day stands, later ones are skipped.
 */

function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Records today's snapshot unless the day has one. Never throws: a snapshot is worth less than the
 * sync or the page that takes it, so a failure is logged and the caller carries on. Returns
 * whether a snapshot was taken now (null when it failed).
 */
export async function recordAccountSnapshot(now: Date = new Date()): Promise<boolean | null> {
  try {
    return await insertAccountSnapshot(dayOf(now));
  } catch (error) {
    logger.warn({ err: error }, "the account snapshot could not be recorded");
    return null;
  }
}

/** The dashboard's check: a day without a snapshot gets one (one cheap read when it has). */
export async function ensureTodaysSnapshot(now: Date = new Date()): Promise<void> {
  try {
    if (await hasAccountSnapshot(dayOf(now))) return;
  } catch (error) {
    logger.warn({ err: error }, "the account snapshots could not be read");
    return;
  }
  await recordAccountSnapshot(now);
}

/** How far back the chart looks. */
export const GROWTH_DAYS = 365;

/** The last year of snapshots, oldest first, as chart points. */
export async function loadGrowthPoints(now: Date = new Date()): Promise<GrowthPoint[]> {
  const since = dayOf(new Date(now.getTime() - GROWTH_DAYS * 86_400_000));
  return (await listAccountSnapshots(since)).map(toGrowthPoint);
}

function toGrowthPoint(row: AccountSnapshotRow): GrowthPoint {
  return {
    day: row.day,
    paks: row.paks,
    mailboxes: row.mailboxes,
    mailboxesPurchased: row.mailboxesPurchased,
    domainsWithEmail: row.domainsWithEmail,
  };
}
