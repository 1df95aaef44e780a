import "server-only";
import type { EnomParams } from "./types";

/** What a layer may know about the read it is given: eNom's command and the parameters sent. */
export type ReadRequest = { command: string; params: EnomParams };

/**
 * A layer on the read path: given a key (command + parameters) and a loader, return the value.
 * Single-flight is one; the short-lived read cache (read-cache.ts) is another, slotted in before
 * it. `invalidate` is called by the transport when a write is sent and again when it settles, so
 * that no read begun after a write can be answered from before it.
 */
export type ReadLayer = (<T>(key: string, load: () => Promise<T>, request: ReadRequest) => Promise<T>) & {
  invalidate?: (write: ReadRequest) => void;
};

/**
 * Identical reads already in flight share one request: ten tabs opening the same domain make one
 * GetPOP3, not ten. Each joiner gets its own copy, so no caller can change another's result.
 * Never used for writes: two identical writes are two intentions. A write forgets the flights
 * under way: a read that starts after it asks eNom afresh instead of joining an older question.
 */
export function singleFlight(): ReadLayer & { readonly inFlight: number } {
  const flights = new Map<string, Promise<unknown>>();
  const layer = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const existing = flights.get(key) as Promise<T> | undefined;
    if (existing) return existing.then((value) => structuredClone(value));
    const flight: Promise<T> = load().finally(() => {
      if (flights.get(key) === flight) flights.delete(key);
    });
    flights.set(key, flight);
    return flight;
  };
  const invalidate = () => flights.clear();
  return Object.defineProperties(layer, {
    inFlight: { get: () => flights.size },
    invalidate: { value: invalidate },
  }) as unknown as ReadLayer & { readonly inFlight: number };
}
