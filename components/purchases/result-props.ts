import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { getPurchaseResult } from "@/lib/purchases/reads";
import { attemptKeySchema } from "@/lib/validation/purchases";
import type { PurchaseResultProps } from "./purchase-result";
import type { WizardSearchParams } from "./wizard-choices";

/**
 * The result page's first read: `/purchases/<key>` is one purchase or growth, or a renewal (one
 * pak or several) by the wizard's key. The read checks that this user may see each attempt;
 * anything else reads as "not found". A read: it writes nothing, not even a refusal to the audit log.
 */
export async function loadPurchaseResult(
  user: SessionUser,
  resultKey: string,
  search: WizardSearchParams = {},
): Promise<Omit<PurchaseResultProps, "audience" | "basePath">> {
  // Set by the wizard when the server answered a repeated submission with the first result.
  const replayed = search.replayed === "1";
  const found = attemptKeySchema.safeParse({ key: resultKey }).success
    ? await getPurchaseResult(user, resultKey)
    : null;
  if (!found)
    return {
      resultKey,
      attempts: [{ key: resultKey, view: null, problem: "That purchase was not found." }],
      isBatch: false,
    };
  return {
    resultKey,
    attempts: found.attempts.map((view) => ({ key: view.key, view: { ...view, replayed }, problem: null })),
    isBatch: found.isBatch,
    runId: found.runId ?? null,
  };
}
