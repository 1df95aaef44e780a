import "server-only";
import { and, asc, inArray, isNotNull, min, sql, type Column, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import {
  mirrorDomains,
  mirrorExpirations,
  mirrorPaks,
  type MirrorExpirationRow,
  type MirrorPakRow,
} from "@/lib/db/schema";
import { isStale, refreshInBackground, writeRefreshOf } from "./freshness";
import { readMirroredDomain, type MirroredDomain } from "./queries";
import { refreshDomain } from "./sync";
import { keptUntilMirrorChanges } from "./version";

/**
 * Reads of the account mirror for pages and GET routes. None of them waits on eNom, with one
 * exception: a domain the mirror has never read (bought a second ago on another instance, or
 * viewed before the first sync reached it) is read once, synchronously, so its page opens with its
 * email instead of an empty one; that is one GetPOP3 (0.05–0.08 s at eNom, docs/enom.md) and
 * happens once per domain. A domain read longer ago than MIRROR_FRESH_MS is read again behind the
 * view, which shows what the mirror has; the browser's next GET picks up the newer read. A view
 * of a domain whose write-back read (after a write of this instance) is under way waits for it.
 */

/** `visible`: the only domains the caller may see (a customer's), or null for the whole account. */
function scopeFilter(
  visible: readonly string[] | null,
  column: Column = mirrorDomains.domain,
): SQL | undefined {
  return visible ? inArray(column, visible.length ? [...visible] : [""]) : undefined;
}

/**
 * One domain for its page: read synchronously only when the mirror has never read it.
 * `refreshing`: the read was old, and a new one is under way behind this answer (the browser asks
 * again shortly).
 */
export async function readDomainForView(
  domain: string,
  now = new Date(),
): Promise<MirroredDomain & { refreshing: boolean }> {
  const name = domain.toLowerCase();
  // A write of this panel is being read back: show the write, not the read before it.
  await writeRefreshOf(name);
  // Kept until the mirror changes (lib/mirror/version): views of one domain share one read.
  const mirrored = await keptUntilMirrorChanges(`domain:${name}`, () => readMirroredDomain(name));
  if (!mirrored?.domain.emailReadAt) {
    await refreshDomain(name);
    const read = await readMirroredDomain(name);
    if (!read) throw new Error(`The mirror lost ${name} right after reading it.`);
    return { ...read, refreshing: false };
  }
  // A failed read counts as a read, so a failing eNom is asked again once per interval, not per view.
  const { emailReadAt, readErrorAt } = mirrored.domain;
  const lastTried = readErrorAt && readErrorAt > emailReadAt ? readErrorAt : emailReadAt;
  const refreshing = isStale(lastTried, now);
  if (refreshing) void refreshInBackground(name);
  return { ...mirrored, refreshing };
}

/** Every pak in scope, soonest expiry first. */
export async function listMirrorPaks(visible: readonly string[] | null): Promise<MirrorPakRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(mirrorPaks)
    .where(scopeFilter(visible, mirrorPaks.domain))
    .orderBy(asc(mirrorPaks.expires), asc(mirrorPaks.domain), asc(mirrorPaks.bundleId));
}

export interface MirrorFreshness {
  /** The oldest read among the domains in scope (what a list shows is at least this new); null: none read. */
  readAt: string | null;
  /** Domains in scope whose latest read failed (they show their previous read). */
  failedDomains: number;
}

/** How fresh the mirror is over these domains. */
export async function mirrorFreshness(visible: readonly string[] | null): Promise<MirrorFreshness> {
  const db = await getDb();
  const [row] = await db
    .select({
      oldest: min(mirrorDomains.emailReadAt),
      failed: sql<number>`count(*) filter (where ${mirrorDomains.readError} is not null)`.mapWith(Number),
    })
    .from(mirrorDomains)
    .where(and(scopeFilter(visible), isNotNull(mirrorDomains.emailReadAt)));
  return { readAt: row?.oldest ? row.oldest.toISOString() : null, failedDomains: row?.failed ?? 0 };
}

/** Every domain name the mirror holds, sorted. */
export async function listMirrorDomainNames(): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ domain: mirrorDomains.domain })
    .from(mirrorDomains)
    .orderBy(asc(mirrorDomains.domain));
  return rows.map((row) => row.domain);
}

/**
 * Paks the account's expiry list names whose domain's own read has not listed them (its GetPOP3
 * failed): their expiry is known, their size and mailboxes are not.
 */
export async function listExpirationsWithoutPak(
  visible: readonly string[] | null,
): Promise<MirrorExpirationRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(mirrorExpirations)
    .where(
      and(
        scopeFilter(visible, mirrorExpirations.domain),
        sql`not exists (select 1 from ${mirrorPaks} where ${mirrorPaks.domain} = ${mirrorExpirations.domain} and ${mirrorPaks.bundleId} = ${mirrorExpirations.bundleId})`,
      ),
    )
    .orderBy(asc(mirrorExpirations.expires), asc(mirrorExpirations.domain), asc(mirrorExpirations.bundleId));
}
