import type { ActionResult } from "@/lib/actions/result";

/** A refused or failed server action, thrown inside React Query mutations so `onError` rolls back. */
export class ActionError extends Error {}

/** The action's result, or an ActionError with its message; a lost connection gets a message too. */
export async function unwrapAction<T>(
  call: () => Promise<ActionResult<T>>,
): Promise<Extract<ActionResult<T>, { ok: true }>> {
  let result: ActionResult<T>;
  try {
    result = await call();
  } catch {
    throw new ActionError(
      "The panel did not answer, so the change may not have been made. The page now shows the current state.",
    );
  }
  if (!result.ok) throw new ActionError(result.message);
  return result;
}
