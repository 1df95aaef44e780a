import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { mirrorChanged } from "./version";
import {
  mirrorExpirations,
  mirrorDomains,
  mirrorForwards,
  mirrorMailboxes,
  mirrorPaks,
  mirrorSyncs,
  type MirrorDomainRow,
  type MirrorForwardRow,
  type MirrorMailboxRow,
  type MirrorPakRow,
} from "@/lib/db/schema";

/**
 * Every SQL statement of the account mirror. A domain's paks, mailboxes and forwards are only
 * ever replaced whole, from one eNom read, inside one transaction: a reader sees the old read or
 * the new one, never half of each.
 */

/** What one read of a domain (GetPOP3, and when it has email GetPOPForwarding and GetCatchAll) gave. */
export interface DomainRead {
  domain: string;
  readAt: Date;
  paks: Omit<MirrorPakRow, "domain" | "readAt">[];
  mailboxes: Omit<MirrorMailboxRow, "domain" | "readAt">[];
  /** Null when GetPOPForwarding was not read (or failed): the old forwards stay. */
  forwards: Omit<MirrorForwardRow, "domain" | "readAt">[] | null;
  /** Undefined when GetCatchAll was not read (or failed): the old value stays. */
  catchAll?: string | null;
  /** What failed of this read, for the user; null when every part succeeded. */
  readError: string | null;
}

/** A domain's figures for the domains list, from the read that is written with them. */
function summaryOf(read: Pick<DomainRead, "paks" | "mailboxes">) {
  const { paks, mailboxes } = read;
  const has = paks.length > 0;
  return {
    pakCount: paks.length,
    pakExpiries: paks.map((pak) => pak.expires).sort(),
    mailboxesPurchased: has ? paks.reduce((sum, pak) => sum + pak.purchased, 0) : null,
    mailboxesUsed: has
      ? paks.reduce((sum, pak) => sum + Math.max(0, pak.purchased - pak.available), 0)
      : null,
    fullPaks: has ? paks.filter((pak) => pak.purchased > 0 && pak.available === 0).length : null,
    quotasMb: has
      ? [...new Set(paks.flatMap((pak) => (pak.quotaMb === null ? [] : [pak.quotaMb])))].sort((a, b) => a - b)
      : null,
    autoRenewOn: has ? paks.filter((pak) => pak.autoRenew).length : null,
    storageUsedMb: has ? mailboxes.reduce((sum, mailbox) => sum + (mailbox.quotaUsedMb ?? 0), 0) : null,
    storageKnown: has ? mailboxes.every((mailbox) => mailbox.quotaUsedMb !== null) : null,
  };
}

/** Rewrites one domain from a read, creating its row when the mirror did not know it. */
export async function writeDomainRead(read: DomainRead): Promise<void> {
  const db = await getDb();
  const { domain, readAt } = read;
  await db.transaction(async (tx) => {
    const common = {
      ...summaryOf(read),
      hasEmail: read.paks.length > 0,
      emailReadAt: readAt,
      readError: read.readError,
      readErrorAt: read.readError ? readAt : null,
      ...(read.forwards ? { forwardingReadAt: readAt } : {}),
      ...(read.catchAll !== undefined ? { catchAll: read.catchAll, catchAllReadAt: readAt } : {}),
    };
    await tx
      .insert(mirrorDomains)
      .values({ domain, ...common })
      .onConflictDoUpdate({ target: mirrorDomains.domain, set: common });
    await tx.delete(mirrorPaks).where(eq(mirrorPaks.domain, domain));
    await tx.delete(mirrorMailboxes).where(eq(mirrorMailboxes.domain, domain));
    if (read.paks.length)
      await tx.insert(mirrorPaks).values(read.paks.map((pak) => ({ ...pak, domain, readAt })));
    if (read.mailboxes.length)
      await tx
        .insert(mirrorMailboxes)
        .values(read.mailboxes.map((mailbox) => ({ ...mailbox, domain, readAt })));
    // A domain without paks has no forwards either (eNom keeps none without mailboxes).
    const forwards = read.paks.length ? read.forwards : [];
    if (forwards) {
      await tx.delete(mirrorForwards).where(eq(mirrorForwards.domain, domain));
      if (forwards.length)
        await tx.insert(mirrorForwards).values(forwards.map((forward) => ({ ...forward, domain, readAt })));
    }
  });
  mirrorChanged();
}

/** The next view of these domains reads them from eNom first (their read is dropped, not their rows). */
export async function markForReread(domains: readonly string[]): Promise<void> {
  if (domains.length === 0) return;
  const db = await getDb();
  await db
    .update(mirrorDomains)
    .set({ emailReadAt: null })
    .where(inArray(mirrorDomains.domain, [...domains]));
  mirrorChanged();
}

/** A read of a known domain failed: its rows stay as they were, the failure is noted. */
export async function recordDomainReadError(domain: string, message: string, at: Date): Promise<void> {
  const db = await getDb();
  await db
    .update(mirrorDomains)
    .set({ readError: message, readErrorAt: at })
    .where(eq(mirrorDomains.domain, domain));
  mirrorChanged();
}

export async function findMirrorDomain(domain: string): Promise<MirrorDomainRow | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(mirrorDomains).where(eq(mirrorDomains.domain, domain)).limit(1);
  return row;
}

export interface MirroredDomain {
  domain: MirrorDomainRow;
  paks: MirrorPakRow[];
  mailboxes: MirrorMailboxRow[];
  forwards: MirrorForwardRow[];
}

/** One domain with everything the mirror holds of it; undefined when it is not in the mirror. */
export async function readMirroredDomain(domain: string): Promise<MirroredDomain | undefined> {
  const db = await getDb();
  const row = await findMirrorDomain(domain);
  if (!row) return undefined;
  const [paks, mailboxes, forwards] = await Promise.all([
    db.select().from(mirrorPaks).where(eq(mirrorPaks.domain, domain)).orderBy(asc(mirrorPaks.bundleId)),
    db
      .select()
      .from(mirrorMailboxes)
      .where(eq(mirrorMailboxes.domain, domain))
      .orderBy(asc(mirrorMailboxes.userName)),
    db
      .select()
      .from(mirrorForwards)
      .where(eq(mirrorForwards.domain, domain))
      .orderBy(asc(mirrorForwards.userName)),
  ]);
  return { domain: row, paks, mailboxes, forwards };
}

// ── Full syncs ──────────────────────────────────────────────────────────────────────────────

/** A sync that has not finished within this long is taken as dead (its instance stopped). */
export const SYNC_STALE_AFTER_MS = 30 * 60_000;

export type MirrorSyncRow = typeof mirrorSyncs.$inferSelect;

/** Starts a sync: its generation and start time. */
export async function startSyncRow(): Promise<MirrorSyncRow> {
  const db = await getDb();
  const [row] = await db.insert(mirrorSyncs).values({}).returning();
  mirrorChanged();
  if (!row) throw new Error("The mirror sync could not be recorded.");
  return row;
}

export async function updateSyncRow(
  generation: number,
  values: Partial<Omit<MirrorSyncRow, "generation" | "startedAt">>,
): Promise<void> {
  const db = await getDb();
  await db.update(mirrorSyncs).set(values).where(eq(mirrorSyncs.generation, generation));
  mirrorChanged();
}

/** The newest sync that finished without an error, if any. */
export async function lastCompletedSync(): Promise<MirrorSyncRow | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(mirrorSyncs)
    .where(and(isNotNull(mirrorSyncs.finishedAt), isNull(mirrorSyncs.error)))
    .orderBy(desc(mirrorSyncs.generation))
    .limit(1);
  return row;
}

/** The newest sync still under way (on any instance), if any. */
export async function runningSync(now: Date): Promise<MirrorSyncRow | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(mirrorSyncs)
    .where(
      and(
        isNull(mirrorSyncs.finishedAt),
        sql`${mirrorSyncs.startedAt} > ${new Date(now.getTime() - SYNC_STALE_AFTER_MS)}`,
      ),
    )
    .orderBy(desc(mirrorSyncs.generation))
    .limit(1);
  return row;
}

/** The newest sync of any outcome, if any. */
export async function latestSync(): Promise<MirrorSyncRow | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(mirrorSyncs).orderBy(desc(mirrorSyncs.generation)).limit(1);
  return row;
}

const CHUNK = 1_000;

/** Marks these domains as listed by sync `generation`, adding the ones the mirror did not know. */
export async function markListed(
  domains: readonly string[],
  generation: number,
  at: Date,
  hostingOf: (domain: string) => "Registered" | "DNSHosted" | null = () => null,
): Promise<void> {
  const db = await getDb();
  for (let index = 0; index < domains.length; index += CHUNK) {
    const chunk = domains.slice(index, index + CHUNK);
    await db
      .insert(mirrorDomains)
      .values(
        chunk.map((domain) => ({
          domain,
          listedAt: at,
          syncGeneration: generation,
          hosting: hostingOf(domain),
        })),
      )
      .onConflictDoUpdate({
        target: mirrorDomains.domain,
        set: { listedAt: at, syncGeneration: generation, hosting: sql`excluded.hosting` },
      });
  }
  mirrorChanged();
}

/** Domains the mirror believes have email (so a sync reads them again even when no pak lists them). */
export async function domainsWithEmail(): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ domain: mirrorDomains.domain })
    .from(mirrorDomains)
    .where(eq(mirrorDomains.hasEmail, true));
  return rows.map((row) => row.domain);
}

/** Domains without a pak and without email in the mirror: nothing to read, known to have no email. */
export async function markWithoutEmail(domains: readonly string[], at: Date): Promise<void> {
  const db = await getDb();
  for (let index = 0; index < domains.length; index += CHUNK) {
    const chunk = domains.slice(index, index + CHUNK);
    await db
      .update(mirrorDomains)
      .set({ hasEmail: false, emailReadAt: at, readError: null, readErrorAt: null })
      .where(
        and(
          inArray(mirrorDomains.domain, chunk),
          or(isNull(mirrorDomains.hasEmail), eq(mirrorDomains.hasEmail, false)),
        ),
      );
  }
  mirrorChanged();
}

/**
 * After a complete listing: domains it did not list are gone from the account. A domain the
 * mirror learnt of while the sync ran (bought, then read after the write) is kept.
 */
export async function removeUnlisted(generation: number, syncStartedAt: Date): Promise<number> {
  const db = await getDb();
  const removed = await db
    .delete(mirrorDomains)
    .where(
      or(
        lt(mirrorDomains.syncGeneration, generation),
        and(
          isNull(mirrorDomains.syncGeneration),
          or(isNull(mirrorDomains.emailReadAt), lt(mirrorDomains.emailReadAt, syncStartedAt)),
        ),
      ),
    )
    .returning({ domain: mirrorDomains.domain });
  mirrorChanged();
  return removed.length;
}

/** Replaces the account-wide expiry list with this sync's (domains must be in the mirror already). */
export async function replaceExpirations(
  paks: readonly { domain: string; bundleId: number; expires: string; autoRenew: boolean | null }[],
  readAt: Date,
): Promise<void> {
  const db = await getDb();
  const unique = new Map(paks.map((pak) => [`${pak.domain}/${pak.bundleId}`, pak]));
  await db.transaction(async (tx) => {
    await tx.delete(mirrorExpirations);
    const rows = [...unique.values()];
    for (let index = 0; index < rows.length; index += CHUNK)
      await tx
        .insert(mirrorExpirations)
        .values(rows.slice(index, index + CHUNK).map((pak) => ({ ...pak, readAt })));
  });
  mirrorChanged();
}
