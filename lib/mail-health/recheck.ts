import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { domainMailHealth, mirrorDomains } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { checkMailHealth } from "./check";

/**
 * The scheduled re-check of every domain with email (pg-boss `mail-health-check`, lib/jobs/engine.ts):
 * hourly, each pass checks the domains not checked for a day (never-checked first), a few at a
 * time, so DNS that changes outside the panel shows within a day and a large account's checks
 * spread over the day instead of all at once.
 */
export const MAIL_HEALTH_SCHEDULE = "15 * * * *";
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** One pass's share: at 10,000 domains, about 420 an hour covers the account each day. */
const PER_PASS = 500;
const AT_ONCE = 4;

export interface RecheckResult {
  checked: number;
  failed: number;
  /** Domains whose status changed in this pass. */
  changed: number;
}

export async function recheckMailHealth(now = new Date()): Promise<RecheckResult> {
  const db = await getDb();
  const due = await db
    .select({ domain: mirrorDomains.domain })
    .from(mirrorDomains)
    .leftJoin(domainMailHealth, eq(domainMailHealth.domain, mirrorDomains.domain))
    .where(
      and(
        eq(mirrorDomains.hasEmail, true),
        or(
          isNull(domainMailHealth.checkedAt),
          lt(domainMailHealth.checkedAt, new Date(now.getTime() - MAX_AGE_MS)),
        ),
      ),
    )
    .orderBy(domainMailHealth.checkedAt, mirrorDomains.domain)
    .limit(PER_PASS);
  const result: RecheckResult = { checked: 0, failed: 0, changed: 0 };
  const queue = due.map((row) => row.domain);
  async function worker() {
    for (let domain = queue.shift(); domain !== undefined; domain = queue.shift()) {
      try {
        const stored = await checkMailHealth(domain);
        result.checked += 1;
        if (stored.previousStatus !== null && stored.previousStatus !== stored.status) result.changed += 1;
      } catch (error) {
        result.failed += 1;
        logger.warn({ err: error, domain }, "mail health: a scheduled check failed");
      }
    }
  }
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  return result;
}
