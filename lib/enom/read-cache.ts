import "server-only";
import type { ReadLayer, ReadRequest } from "./single-flight";

/**
 * A short-lived copy of eNom's answers to the reads the panel repeats most: a domain's GetPOP3
 * (the mailbox grid refetches it on every focus) and the account-wide lists (GetDomains,
 * GetPOPExpirations, GetBalance). It spares eNom the same question asked many times a second,
 * and the panel the wait; it never hides the panel's own changes: every write sent through the
 * client drops that domain's copies and every account-wide list, when it is sent and again when
 * it settles, and a read begun before a write is not kept after it.
 *
 * Other people's changes at eNom (its own website, another tool) show within `ttlMs`.
 */
export type ReadCacheOptions = {
  /** How long a copy is served. */
  ttlMs: number;
  /** The most copies kept (the oldest go first); default 5,000. */
  maxEntries?: number;
  now?: () => number;
};

export type ReadCache = ReadLayer & {
  invalidate: (write: ReadRequest) => void;
  /** Drops every copy. */
  clear: () => void;
  readonly size: number;
};

/** The reads worth keeping, by eNom command (lower case), and what they are about. */
const CACHED_READS: Record<string, "domain" | "account"> = {
  getpop3: "domain",
  getpopexpirations: "account",
  getdomains: "account",
  getbalance: "account",
};

type Entry = { value: unknown; expiresAt: number; domain: string | null };

function paramOf(params: ReadRequest["params"], name: string): string | undefined {
  for (const [key, value] of Object.entries(params)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** `sld.tld`, lower-cased, when the request names a domain. */
function domainOf(request: ReadRequest): string | null {
  const sld = paramOf(request.params, "sld");
  const tld = paramOf(request.params, "tld");
  return sld && tld ? `${sld}.${tld}`.toLowerCase() : null;
}

export function readCache(options: ReadCacheOptions): ReadCache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 5_000;
  const entries = new Map<string, Entry>();
  /** Bumped by every invalidation: a load that began under an older generation is not kept. */
  let generation = 0;

  const layer = async <T>(key: string, load: () => Promise<T>, request: ReadRequest): Promise<T> => {
    const scope = CACHED_READS[request.command.toLowerCase()];
    if (scope === undefined || options.ttlMs <= 0) return load();
    const hit = entries.get(key);
    if (hit && hit.expiresAt > now()) return structuredClone(hit.value as T);
    if (hit) entries.delete(key);

    const startedIn = generation;
    const value = await load();
    if (startedIn === generation) {
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      // Kept as its own copy: the caller may change the value it is given.
      entries.set(key, {
        value: structuredClone(value),
        expiresAt: now() + options.ttlMs,
        domain: scope === "domain" ? domainOf(request) : null,
      });
    }
    return value;
  };

  function invalidate(write: ReadRequest): void {
    generation += 1;
    const domain = domainOf(write);
    for (const [key, entry] of entries)
      if (domain === null || entry.domain === null || entry.domain === domain) entries.delete(key);
  }

  function clear(): void {
    generation += 1;
    entries.clear();
  }

  return Object.defineProperties(layer, {
    invalidate: { value: invalidate },
    clear: { value: clear },
    size: { get: () => entries.size },
  }) as ReadCache;
}
