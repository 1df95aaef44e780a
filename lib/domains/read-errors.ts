import "server-only";
import { ForbiddenError, NotFoundError, NotSignedInError } from "@/lib/auth/errors";
import { isEnomError, isEnomUnavailable, isEnomValidationError } from "@/lib/enom";
import { logger } from "@/lib/logger";
import { MirrorNotReadError } from "@/lib/mirror/errors";
import { inServiceWords } from "@/lib/white-label";

/**
 * A failed read of a domain, as the GET routes answer it: a status and a message written for the
 * user. Someone else's domain is 404 "not found", exactly like a domain that does not exist, and
 * the upstream provider is never named (the customer portal uses the same routes).
 */
export function readFailure(error: unknown, what: string): { status: number; message: string } {
  if (error instanceof NotSignedInError) return { status: 401, message: error.message };
  if (error instanceof NotFoundError) return { status: 404, message: "That domain was not found." };
  if (error instanceof ForbiddenError) return { status: 403, message: error.message };
  // Never read, and the reads so far failed: the reason recorded is already in the user's words.
  if (error instanceof MirrorNotReadError)
    return {
      status: 503,
      message: `${capitalised(what)} could not be loaded${error.reason ? `: ${error.reason}` : ". Please try again in a moment."}`,
    };
  if (isEnomUnavailable(error) && error.reason === "unrecognised")
    return {
      status: 502,
      message: `The email service answered in a form we do not understand, so ${what} could not be loaded; nothing was changed.`,
    };
  if (isEnomUnavailable(error))
    return {
      status: 503,
      message: `The email service is not answering right now, so ${what} could not be loaded. Please try again in a moment.`,
    };
  if (isEnomError(error))
    return {
      status: 502,
      message: `The email service could not show ${what}: ${inServiceWords(error.errors.join(" ").trim() || "no reason given")}`,
    };
  if (isEnomValidationError(error)) return { status: 404, message: "That domain was not found." };
  const reference = crypto.randomUUID().slice(0, 8);
  logger.error({ err: error, reference }, `reading ${what} failed`);
  return { status: 500, message: `Something went wrong on our side. (Reference ${reference})` };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const NO_STORE = { "Cache-Control": "no-store" } as const;

/** eNom could not be read (refused, down, or an answer that cannot be trusted): pages show a retry. */
export function isUpstreamFailure(error: unknown): boolean {
  return isEnomError(error) || isEnomUnavailable(error) || error instanceof MirrorNotReadError;
}
