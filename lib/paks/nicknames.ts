import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { mirrorPaks, pakNicknames } from "@/lib/db/schema";
import { mirrorChanged } from "@/lib/mirror/version";

/**
 * The nicknames staff give paks ("Sales team"): panel-side only, never sent to eNom. Keyed by the
 * domain (lower case) and eNom's BundleID. The callers check who may read or set them (the domain
 * page's read, setPakNicknameAction); these only store. A change also tells the pages that keep
 * their reads (the table's trigger, and `mirrorChanged` for this instance at once).
 */

/** A domain's nicknames by BundleID. */
export async function listPakNicknames(domain: string): Promise<Map<number, string>> {
  const db = await getDb();
  const rows = await db
    .select({ bundleId: pakNicknames.bundleId, nickname: pakNicknames.nickname })
    .from(pakNicknames)
    .where(eq(pakNicknames.domain, domain.toLowerCase()));
  return new Map(rows.map((row) => [row.bundleId, row.nickname]));
}

/** Many domains' nicknames at once (lists, search), keyed `domain` → BundleID → nickname. */
export async function listPakNicknamesOf(
  domains: readonly string[],
): Promise<Map<string, Map<number, string>>> {
  const byDomain = new Map<string, Map<number, string>>();
  const keys = [...new Set(domains.map((domain) => domain.toLowerCase()))];
  if (keys.length === 0) return byDomain;
  const db = await getDb();
  const rows = await db
    .select({ domain: pakNicknames.domain, bundleId: pakNicknames.bundleId, nickname: pakNicknames.nickname })
    .from(pakNicknames)
    .where(inArray(pakNicknames.domain, keys));
  for (const row of rows) {
    const named = byDomain.get(row.domain) ?? new Map<number, string>();
    named.set(row.bundleId, row.nickname);
    byDomain.set(row.domain, named);
  }
  return byDomain;
}

/** Paks with the nickname each has (null when none): for the views built from the mirror. */
export function withNicknames<P extends { bundleId: number }>(
  paks: readonly P[],
  nicknames: ReadonlyMap<number, string>,
): (P & { nickname: string | null })[] {
  return paks.map((pak) => ({ ...pak, nickname: nicknames.get(pak.bundleId) ?? null }));
}

/** Whether the account mirror lists this pak under this domain (a nickname names a real pak). */
export async function mirrorListsPak(domain: string, bundleId: number): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ found: sql<number>`1` })
    .from(mirrorPaks)
    .where(and(eq(mirrorPaks.domain, domain.toLowerCase()), eq(mirrorPaks.bundleId, bundleId)))
    .limit(1);
  return Boolean(row);
}

/** The pak's nickname now, or null. */
export async function findPakNickname(domain: string, bundleId: number): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ nickname: pakNicknames.nickname })
    .from(pakNicknames)
    .where(and(eq(pakNicknames.domain, domain.toLowerCase()), eq(pakNicknames.bundleId, bundleId)))
    .limit(1);
  return row?.nickname ?? null;
}

/** Gives the pak this nickname (the caller checked it with pakNicknameSchema), replacing any. */
export async function setPakNickname(
  domain: string,
  bundleId: number,
  nickname: string,
  setBy: string | null,
): Promise<void> {
  const db = await getDb();
  await db
    .insert(pakNicknames)
    .values({ domain: domain.toLowerCase(), bundleId, nickname, setBy })
    .onConflictDoUpdate({
      target: [pakNicknames.domain, pakNicknames.bundleId],
      set: { nickname, setBy, updatedAt: sql`now()` },
    });
  mirrorChanged();
}

/** Removes the pak's nickname; returns whether it had one. */
export async function clearPakNickname(domain: string, bundleId: number): Promise<boolean> {
  const db = await getDb();
  const removed = await db
    .delete(pakNicknames)
    .where(and(eq(pakNicknames.domain, domain.toLowerCase()), eq(pakNicknames.bundleId, bundleId)))
    .returning({ bundleId: pakNicknames.bundleId });
  mirrorChanged();
  return removed.length > 0;
}
