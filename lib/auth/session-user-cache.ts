import "server-only";

/**
 * The user row behind a session, kept for a moment so that a burst of requests does not read the
 * same row again and again (on embedded PGlite the query runs on the panel's own thread).
 *
 * Revocation: this process forgets a user the moment it writes to them (disable, role change,
 * removal, new password, session version, sign-out), so on one panel — always the case with
 * PGlite — a revoked session ends at once. Another panel process on the same PostgreSQL database
 * sees such a change within TTL_MS at most.
 */
export const SESSION_USER_TTL_MS = 2_000;
const MAX_ENTRIES = 5_000;

interface Entry {
  expires: number;
  row: Promise<unknown>;
}

// On globalThis, so that every route bundle of this process (pages, GET routes, server actions,
// next-auth's route) shares one cache: a revocation written by an action is seen by a GET route
// at once, not when that bundle's own copy expires.
const CACHE = Symbol.for("mailpak.sessionUserCache");
type CacheHolder = { [CACHE]?: Map<string, Entry> };

function entries(): Map<string, Entry> {
  const holder = globalThis as CacheHolder;
  holder[CACHE] ??= new Map();
  return holder[CACHE];
}

/** Entries are keyed by user and session (a session may be ended alone), `<user id> <session id>`. */
function keyOf(id: string, sessionId: string): string {
  return `${id} ${sessionId}`;
}

export function cachedSessionUser<T>(id: string, load: () => Promise<T>, sessionId = ""): Promise<T> {
  const cache = entries();
  const key = keyOf(id, sessionId);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.row as Promise<T>;

  const row = load();
  const entry: Entry = { expires: now + SESSION_USER_TTL_MS, row };
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, entry);
  // A failed read is not kept.
  row.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return row;
}

/** After a write to a user (or, without an id, to anything a session depends on, such as a customer). */
export function forgetSessionUser(id?: string): void {
  const cache = entries();
  if (id === undefined) {
    cache.clear();
    return;
  }
  const prefix = keyOf(id, "");
  for (const key of cache.keys()) if (key.startsWith(prefix)) cache.delete(key);
}
