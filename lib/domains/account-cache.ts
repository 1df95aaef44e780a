/**
 * A short-lived, in-memory copy of one expensive read (the account-wide domain list takes seconds
 * for a large account). Concurrent readers share one load (single-flight); a write in the panel
 * calls `invalidate()` so the next reader loads afresh; when a load fails, the last good copy is
 * still served for a while, marked stale, so the page can say so instead of going blank.
 *
 * Past its time-to-live, a copy can also be served at once while a new one loads in the background
 * (`refreshInBackgroundMs`), so that readers rarely wait for the slow read; a copy invalidated by a
 * write is never served that way.
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
  /** After the time-to-live, how long the value is still served while a new one loads (default 0: readers wait). */
  refreshInBackgroundMs?: number;
  /** How long the last good value may stand in when a load fails (default: 1 hour). */
  staleForMs?: number;
  now?: () => number;
}

export interface SnapshotCache<T> {
  get(): Promise<CachedRead<T>>;
  /**
   * The last good value, whatever its age, without loading anything; undefined when there is none
   * or a write invalidated it since (a copy that may predate the write is never shown as current).
   */
  peek(): CachedRead<T> | undefined;
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
  const refreshInBackgroundMs = options.refreshInBackgroundMs ?? 0;
  let generation = 0;
  let last: Entry<T> | undefined;
  /** The latest load of this generation failed (cleared by the next success). */
  let failure: { error: unknown } | undefined;
  let inFlight: Promise<Entry<T>> | undefined;

  function startLoad(): Promise<Entry<T>> {
    const started = generation;
    const loading: Promise<Entry<T>> = load().then(
      (value) => {
        const entry = { value, at: now(), generation: started };
        // A write happened while this was loading: it may predate the write, so it is not kept.
        if (started === generation) {
          last = entry;
          failure = undefined;
        }
        return entry;
      },
      (error: unknown) => {
        if (started === generation) failure = { error };
        throw error;
      },
    );
    const settle = () => {
      if (inFlight === loading) inFlight = undefined;
    };
    loading.then(settle, settle);
    inFlight = loading;
    return loading;
  }

  const served = (entry: Entry<T>): CachedRead<T> =>
    failure
      ? { value: entry.value, fetchedAt: new Date(entry.at), stale: true, error: failure.error }
      : { value: entry.value, fetchedAt: new Date(entry.at), stale: false };

  return {
    async get() {
      const current = last;
      const age = current ? now() - current.at : Infinity;
      if (current && current.generation === generation) {
        if (age < options.ttlMs) return served(current);
        if (age < options.ttlMs + refreshInBackgroundMs) {
          // Readers get the copy now; the next ones get the new one. A failure is reported as stale.
          if (!inFlight) startLoad().catch(() => undefined);
          return served(current);
        }
      }
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
    peek() {
      return last && last.generation === generation ? served(last) : undefined;
    },
    invalidate() {
      generation += 1;
      inFlight = undefined;
      failure = undefined;
    },
  };
}
