import "server-only";
import { lastActionStatus } from "@/lib/auth/api-caller";

/** The status of a failed action result, from its envelope: a refusal keeps its own. */
export function statusOfActionFailure(): number {
  const status = lastActionStatus();
  if (status === 400) return 422;
  if (status && status >= 400) return status;
  return 422;
}
