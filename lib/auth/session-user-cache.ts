import "server-only";

/**
 * The user row behind a session, kept for a moment so that a burst of requests does not read the
 * same row again and again (on embedded PGlite the query runs on the panel's own thread).
 *
 * Revocation: this process forgets a user the moment it writes to them (disable, role change,
 * removal, new password, session version), so on one panel — always the case with PGlite — a
 * revoked session ends at once. Another panel process on the same PostgreSQL database sees such a
 * change within TTL_MS at most.
 */
export const SESSION_USER_TTL_MS = 2_000;
const MAX_ENTRIES = 5_000;

interface Entry {
  expires: number;
  row: Promise<unknown>;
}

const entries = new Map<string, Entry>();

export function cachedSessionUser<T>(id: string, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(id);
  if (hit && hit.expires > now) return hit.row as Promise<T>;

  const row = load();
  const entry: Entry = { expires: now + SESSION_USER_TTL_MS, row };
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(id, entry);
  // A failed read is not kept.
  row.catch(() => {
    if (entries.get(id) === entry) entries.delete(id);
  });
  return row;
}

/** After a write to a user (or, without an id, to anything a session depends on, such as a customer). */
export function forgetSessionUser(id?: string): void {
  if (id === undefined) entries.clear();
  else entries.delete(id);
}
