/**
 * The portal address as proxy.ts needs it on every request, kept per process for a short while so
 * a page view costs no database read. The instance that saves the branding knows the new value at
 * once (`rememberPortalHost`); the others within KEEP_MS. Kept on globalThis, so the proxy's module
 * copy and the app's share it. The database is asked only inside the panel's server (Next sets
 * NEXT_RUNTIME); unit tests and scripts get what was remembered, and nothing starts a database.
 */

export const PORTAL_HOST_KEEP_MS = 30_000;
/** After a failed read, try again this much sooner than a full keep. */
const RETRY_AFTER_FAILURE_MS = 5_000;

interface Kept {
  host: string | null;
  /** When this value stops being fresh. */
  until: number;
  reading?: Promise<string | null>;
}

const store = globalThis as unknown as { mailpakPortalHost?: Kept };

/** Records the portal address just saved (or read), fresh for KEEP_MS from `now`. */
export function rememberPortalHost(host: string | null, now: number = Date.now()): void {
  store.mailpakPortalHost = { host: host || null, until: now + PORTAL_HOST_KEEP_MS };
}

/** Forgets the kept value (tests). */
export function forgetPortalHost(): void {
  delete store.mailpakPortalHost;
}

async function readFromDatabase(): Promise<string | null> {
  if (!process.env.NEXT_RUNTIME) return store.mailpakPortalHost?.host ?? null;
  const { readPortalHost } = await import("./portal-host-store");
  return readPortalHost();
}

/**
 * The saved portal address, or null when none is set. Never throws: while the database cannot be
 * read, the last known value holds (or none), so the panel keeps answering on its own address.
 */
export async function currentPortalHost(
  read: () => Promise<string | null> = readFromDatabase,
  now: number = Date.now(),
): Promise<string | null> {
  const kept = store.mailpakPortalHost;
  if (kept && now < kept.until) return kept.host;
  if (kept?.reading) return kept.reading;
  const previous = kept?.host ?? null;
  const reading = read().then(
    (host) => {
      rememberPortalHost(host, Date.now());
      return host || null;
    },
    () => {
      store.mailpakPortalHost = { host: previous, until: Date.now() + RETRY_AFTER_FAILURE_MS };
      return previous;
    },
  );
  store.mailpakPortalHost = { host: previous, until: kept?.until ?? 0, reading };
  return reading;
}
