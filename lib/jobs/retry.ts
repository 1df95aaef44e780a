import "server-only";
import { isEnomUnavailable } from "@/lib/enom";

/** A read's waits between tries when eNom does not answer: 1 s, then 4 s (three tries in all). */
export const READ_RETRY_DELAYS_MS: readonly number[] = [1_000, 4_000];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs a read again while eNom is unavailable (no answer, a timeout, its own "try later"), with a
 * growing wait. Only reads: a write whose answer was lost is never sent again (see runner.ts).
 * Any other failure, and the last unavailability, is thrown to the caller.
 */
export async function retryRead<T>(
  read: () => Promise<T>,
  delays: readonly number[] = READ_RETRY_DELAYS_MS,
  onRetry?: (attempt: number, error: unknown) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !isEnomUnavailable(error)) throw error;
      onRetry?.(attempt + 1, error);
      await sleep(delay);
    }
  }
}
