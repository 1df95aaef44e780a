import "server-only";

/**
 * A layer on the read path: given a key (command + parameters) and a loader, return the value.
 * Single-flight is one; a short-lived read cache (a later issue) is another, slotted in before it.
 */
export type ReadLayer = <T>(key: string, load: () => Promise<T>) => Promise<T>;

/**
 * Identical reads already in flight share one request: ten tabs opening the same domain make one
 * GetPOP3, not ten. Each joiner gets its own copy, so no caller can change another's result.
 * Never used for writes: two identical writes are two intentions.
 */
export function singleFlight(): ReadLayer & { readonly inFlight: number } {
  const flights = new Map<string, Promise<unknown>>();
  const layer = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const existing = flights.get(key) as Promise<T> | undefined;
    if (existing) return existing.then((value) => structuredClone(value));
    const flight = load().finally(() => flights.delete(key));
    flights.set(key, flight);
    return flight;
  };
  return Object.defineProperty(layer, "inFlight", { get: () => flights.size }) as ReadLayer & {
    readonly inFlight: number;
  };
}
