import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import { ApiProblem, problem } from "./problem";
import { statusOfActionFailure } from "./router-status";

/**
 * A server action's answer for the API: its data, or a problem with the action's own message and
 * field errors, under the status its envelope settled on (404 someone else's domain, 403 not
 * allowed, 422 bad input or refused by the email service).
 */
export function fromAction<T>(result: ActionResult<T>): T {
  if (result.ok) return result.data;
  throw new ApiProblem(
    problem(
      statusOfActionFailure(),
      result.message,
      result.fieldErrors ? { errors: result.fieldErrors } : {},
    ),
  );
}
