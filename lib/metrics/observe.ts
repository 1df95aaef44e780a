import "server-only";
import { noteActionStatus } from "@/lib/auth/api-caller";
import { ForbiddenError, NotFoundError, NotSignedInError, RuleError } from "@/lib/auth/errors";
import { logger } from "@/lib/logger";
import { inRequestScope } from "@/lib/request-context";
import { recordHttpRequest } from "./registry";

/**
 * Wrappers that time a route handler or a server action, record it in the metrics and run it in
 * the request's log scope, so every line it writes carries the request id.
 */

/** For route handlers: `export const GET = observeRoute("/api/health", async () => …)`. */
export function observeRoute<Args extends [Request, ...unknown[]]>(
  route: string,
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return (...args) =>
    inRequestScope(async () => {
      const started = performance.now();
      let status = 500;
      try {
        const response = await handler(...args);
        status = response.status;
        return response;
      } finally {
        recordHttpRequest({ route, method: args[0].method, status, seconds: elapsedSeconds(started) });
      }
    });
}

/** The HTTP status a failure of the action envelope stands for. */
export function actionErrorStatus(error: unknown): number {
  if (error instanceof NotSignedInError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof RuleError) return 409;
  return 500;
}

/**
 * For the server action envelope. `run` may set the status (invalid input, a refusal); else it is
 * 200 for `ok: true` and 422 for a result that reports a failure. One log line per action.
 */
export function observeAction<T extends { ok: boolean }>(
  name: string,
  run: (setStatus: (status: number) => void) => Promise<T>,
): Promise<T> {
  return inRequestScope(async () => {
    const started = performance.now();
    let status: number | undefined;
    let result: T | undefined;
    try {
      result = await run((value) => (status = value));
      return result;
    } finally {
      status ??= result ? (result.ok ? 200 : 422) : 500;
      noteActionStatus(status);
      const seconds = elapsedSeconds(started);
      recordHttpRequest({ route: `action:${name}`, method: "POST", status, seconds });
      logger.info({ action: name, status, durationMs: Math.round(seconds * 1000) }, "server action");
    }
  });
}

function elapsedSeconds(started: number): number {
  return (performance.now() - started) / 1000;
}
