import "server-only";
import type { AuditOutcome } from "@/lib/db/schema";
import { isEnomError, isEnomUnavailable, isEnomValidationError } from "@/lib/enom";
import { inServiceWords } from "@/lib/white-label";

/**
 * What an eNom failure means for the user and for the audit log. Messages never name the
 * upstream provider: the same components serve the white-labelled customer portal.
 */
export interface EnomFailure {
  outcome: AuditOutcome;
  /** For the person who clicked. */
  message: string;
  /** eNom's own words, for the audit log only. */
  enomError: string;
  trackingKey: string | null;
}

export function describeEnomFailure(error: unknown): EnomFailure | null {
  if (isEnomError(error)) {
    const said = error.errors.join(" ").trim() || "no reason given";
    return {
      outcome: "failed",
      message: `The email service refused this: ${inServiceWords(said)}`,
      enomError: said,
      trackingKey: error.trackingKey,
    };
  }
  if (isEnomUnavailable(error)) {
    if (error.outcome === "not-sent") {
      return {
        outcome: "failed",
        message:
          "The email service could not be reached, so nothing was changed. Please try again in a moment.",
        enomError: error.message,
        trackingKey: error.trackingKey,
      };
    }
    if (error.kind === "write") {
      return {
        outcome: "unknown",
        message:
          "The email service did not confirm this change, so it may or may not have been made. The page now shows the current state; check it before trying again.",
        enomError: error.message,
        trackingKey: error.trackingKey,
      };
    }
    return {
      outcome: "failed",
      message: "The email service is not answering right now. Please try again in a moment.",
      enomError: error.message,
      trackingKey: error.trackingKey,
    };
  }
  if (isEnomValidationError(error)) {
    return {
      outcome: "failed",
      // The issues without the command's name, which would name the upstream provider's API.
      message: `This was not sent: ${inServiceWords(error.issues.map((issue) => issue.message).join("; "))}`,
      enomError: error.message,
      trackingKey: null,
    };
  }
  return null;
}
