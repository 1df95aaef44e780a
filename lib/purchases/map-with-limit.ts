/**
 * Runs `work` on every item with at most `limit` at once; results keep the items' order. Used
 * for per-domain GetPOP3 reads and per-pak writes, so a large selection is quick without piling
 * onto eNom (the client caps its own concurrency too).
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}

/** Concurrent GetPOP3 reads when several domains are read for one request. */
export const DOMAIN_READS_IN_FLIGHT = 4;
