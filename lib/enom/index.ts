import "server-only";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { recordEnomRequest } from "@/lib/metrics/registry";
import { recordEnomAccess } from "./access";
import { createEnomClient, type EnomClient } from "./client";

/**
 * lib/enom: the only door to eNom. Everything else in Mailpak imports from here.
 * docs/enom.md, "How Mailpak's client uses it", says how it behaves.
 */
export { createEnomClient, type EnomClient, type EnomClientConfig } from "./client";
export {
  EnomError,
  EnomUnavailable,
  EnomValidationError,
  isEnomError,
  isEnomUnavailable,
  isEnomValidationError,
  type EnomAccessProblem,
  type EnomErrorCode,
  type EnomResponse,
  type UnavailableOutcome,
  type UnavailableReason,
  type ValidationIssue,
} from "./errors";
export { enomAccessStatus, recordEnomAccess, type EnomAccessStatus } from "./access";
export { CHECKED_COMMANDS, checkReplyShape, type ReplyShapeCheck } from "./check";
export { withoutMailboxPasswords } from "./redact";
export { formatEnomDate, parseEnomDate } from "./dates";
export { formatMoney, parseMoney } from "./money";
export { HOST_RECORD_TYPES, SET_HOSTS_MAX } from "./schemas";
export type * from "./types";

// On globalThis, so that every route bundle of this process (pages, route handlers, server
// actions) shares one client: one concurrency cap, one single-flight, one read cache.
const CLIENT = Symbol.for("mailpak.enomClient");
type ClientHolder = { [CLIENT]?: EnomClient };

/** The app's client, configured from the environment (ENOM_BASE_URL, ENOM_UID, ENOM_PW, …). */
export function getEnomClient(): EnomClient {
  const holder = globalThis as ClientHolder;
  let client = holder[CLIENT];
  if (!client) {
    const env = getEnv();
    client = holder[CLIENT] = createEnomClient({
      baseUrl: env.ENOM_BASE_URL,
      uid: env.ENOM_UID,
      pw: env.ENOM_PW,
      timeoutMs: env.ENOM_TIMEOUT_MS,
      maxConcurrency: env.ENOM_MAX_CONCURRENCY,
      readCacheTtlMs: env.ENOM_READ_CACHE_MS,
      logger: logger.child({ module: "enom" }),
      onMetric: (metric) => {
        recordEnomRequest(metric);
        // Any answer eNom gave means it accepted Mailpak's login and address.
        if (metric.outcome === "ok") recordEnomAccess(null);
      },
      onEnomError: (error) => recordEnomAccess(error.accessProblem),
    });
  }
  return client;
}
