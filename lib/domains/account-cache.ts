/**
 * A short-lived, in-memory copy of one expensive read (the account-wide domain list takes seconds
 * for a large account). Concurrent readers share one load (single-flight); a write in the panel
 * calls `invalidate()` so the next reader loads afresh; when a load fails, the last good copy is
 * still served for a while, marked stale, so the page can say so instead of going blank.
 *
 * Per process: several panel instances each keep their own copy (each sees its own writes at once,
 * the others' within the time-to-live).
 */
export interface CachedRead<T> {
  value: T;
  /** When this value was read. */
  fetchedAt: Date;
  /** The latest load failed and this is the last good value. */
  stale: boolean;
  /** Why the latest load failed, when `stale`. */
  error?: unknown;
}

export interface SnapshotCacheOptions {
  /** How long a value is served without loading again. */
  ttlMs: number;
  /** How long the last good value may stand in when a load fails (default: 1 hour). */
  staleForMs?: number;
  now?: () => number;
}

export interface SnapshotCache<T> {
  get(): Promise<CachedRead<T>>;
  /** The next `get()` loads afresh; a load already under way is not stored when it ends. */
  invalidate(): void;
}

interface Entry<T> {
  value: T;
  at: number;
  generation: number;
}

export function createSnapshotCache<T>(
  load: () => Promise<T>,
  options: SnapshotCacheOptions,
): SnapshotCache<T> {
  const now = options.now ?? Date.now;
  const staleForMs = options.staleForMs ?? 60 * 60 * 1000;
  let generation = 0;
  let last: Entry<T> | undefined;
  let inFlight: Promise<Entry<T>> | undefined;

  function startLoad(): Promise<Entry<T>> {
    const started = generation;
    const loading: Promise<Entry<T>> = load().then((value) => {
      const entry = { value, at: now(), generation: started };
      // A write happened while this was loading: it may predate the write, so it is not kept.
      if (started === generation) last = entry;
      return entry;
    });
    const settle = () => {
      if (inFlight === loading) inFlight = undefined;
    };
    loading.then(settle, settle);
    inFlight = loading;
    return loading;
  }

  return {
    async get() {
      const current = last;
      if (current && current.generation === generation && now() - current.at < options.ttlMs)
        return { value: current.value, fetchedAt: new Date(current.at), stale: false };
      try {
        const entry = await (inFlight ?? startLoad());
        return { value: entry.value, fetchedAt: new Date(entry.at), stale: false };
      } catch (error) {
        const fallback = last;
        if (fallback && now() - fallback.at < staleForMs)
          return { value: fallback.value, fetchedAt: new Date(fallback.at), stale: true, error };
        throw error;
      }
    },
    invalidate() {
      generation += 1;
      inFlight = undefined;
    },
  };
}
