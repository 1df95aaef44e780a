import "server-only";
import { getAttemptAction, getRenewalBatchAction } from "@/lib/actions/purchases";
import type { PurchaseResultProps } from "./purchase-result";
import type { WizardSearchParams } from "./wizard-choices";

/**
 * The result page's first read: `/purchases/<key>` is one purchase or growth, or a renewal (one
 * pak or several) by the wizard's key. The read actions check that this user may see each attempt;
 * anything else reads as "not found".
 */
export async function loadPurchaseResult(
  resultKey: string,
  search: WizardSearchParams = {},
): Promise<Omit<PurchaseResultProps, "audience" | "basePath">> {
  // Set by the wizard when the server answered a repeated submission with the first result.
  const replayed = search.replayed === "1";
  const single = await getAttemptAction({ key: resultKey });
  if (single.ok)
    return {
      resultKey,
      attempts: [{ key: resultKey, view: { ...single.data, replayed }, problem: null }],
      isBatch: false,
    };
  const batch = /^[0-9a-f-]{36}$/i.test(resultKey) ? await getRenewalBatchAction({ key: resultKey }) : null;
  if (batch?.ok)
    return {
      resultKey,
      attempts: batch.data.attempts.map((view) => ({
        key: view.key,
        view: { ...view, replayed },
        problem: null,
      })),
      isBatch: true,
    };
  return { resultKey, attempts: [{ key: resultKey, view: null, problem: single.message }], isBatch: false };
}
