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
  /** eNom's own words (and its error numbers), for the audit log only. */
  enomError: string;
  trackingKey: string | null;
}

/** eNom's words and numbers together, for the audit: `Domain name not found [316153]`. */
function enomWords(errors: readonly string[], numbers: readonly (number | null)[]): string {
  const said = errors.join(" ").trim() || "no reason given";
  const known = numbers.filter((n): n is number => n !== null);
  return known.length > 0 ? `${said} [${known.join(", ")}]` : said;
}

export function describeEnomFailure(error: unknown): EnomFailure | null {
  if (isEnomError(error)) {
    const said = inServiceWords(error.errors.join(" ").trim() || "no reason given");
    const enomError = enomWords(
      error.errors,
      error.responses.map((r) => r.number),
    );
    const failed = (message: string): EnomFailure => ({
      outcome: "failed",
      message,
      enomError,
      trackingKey: error.trackingKey,
    });
    switch (error.code) {
      // The panel's own login or address: nothing the user can fix; staff see a banner saying what to change.
      case "bad-login":
      case "ip-not-allowed":
        return failed(
          "The email service did not accept this panel's connection, so nothing was changed. The administrators have been told; please try again later.",
        );
      case "transient":
        return failed(
          "The email service is busy, so nothing was changed. Please try again in a few minutes.",
        );
      case "password-rejected":
        return failed(
          "The email service refused this password because it contains the mailbox name, the domain or other account details. Choose a different password.",
        );
      case "domain-not-found":
        return failed(`The email service does not know this domain, so nothing was changed: ${said}`);
      default:
        return failed(`The email service refused this: ${said}`);
    }
  }
  if (isEnomUnavailable(error)) {
    if (error.reason === "unrecognised") {
      // eNom answered, but not in a shape this panel reads: distinct from "not answering".
      return error.kind === "write"
        ? {
            outcome: "unknown",
            message:
              "The email service answered in a form this panel does not understand, so this change may or may not have been made. The page now shows the current state; check it before trying again.",
            enomError: error.message,
            trackingKey: error.trackingKey,
          }
        : {
            outcome: "failed",
            message:
              "The email service answered in a form this panel does not understand; nothing was changed.",
            enomError: error.message,
            trackingKey: error.trackingKey,
          };
    }
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
