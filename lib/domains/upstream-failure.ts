import "server-only";
import { isEnomError, isEnomUnavailable } from "@/lib/enom";

/**
 * Why an account-wide read of eNom failed, in three kinds a reseller acts on differently:
 * - `not-understood`: eNom answered, but in a form Mailpak does not understand (a list or field
 *   missing, a count that does not match): retrying will not help, and nothing was changed;
 * - `not-answering`: eNom could not be reached or did not answer in time: try again in a moment;
 * - `refused`: eNom answered with an error (a bad login, a server IP it does not allow, …).
 * Null for anything else (a bug, the database), which callers let through to the error page.
 */
export type UpstreamFailureKind = "not-understood" | "not-answering" | "refused";

/**
 * The client's reason for "eNom answered in a form Mailpak does not understand": a whole reply
 * whose list or count is missing or not in eNom's documented shape (issue 13: never read as an
 * empty list). Retrying will not help, unlike every other EnomUnavailable.
 */
const NOT_UNDERSTOOD: ReadonlySet<string> = new Set(["unrecognised"]);

export function upstreamFailureKind(error: unknown): UpstreamFailureKind | null {
  if (isEnomError(error)) return "refused";
  if (isEnomUnavailable(error)) return NOT_UNDERSTOOD.has(error.reason) ? "not-understood" : "not-answering";
  return null;
}

/**
 * A failure that stops every further read of this kind from working too: eNom not answering, or
 * refusing the panel's login or server address. Queued reads are given up at once instead of each
 * waiting out its own timeout.
 */
export function failsEveryRead(error: unknown): boolean {
  if (upstreamFailureKind(error) === "not-answering") return true;
  return isEnomError(error) && error.accessProblem !== null;
}

export interface UpstreamFailureText {
  kind: UpstreamFailureKind;
  title: string;
  message: string;
}

/**
 * What a page says when `what` (e.g. "the domains") could not be read. `service` is how the page
 * names eNom: staff pages say "eNom", pages a customer may see say "The email service".
 */
export function describeUpstreamFailure(
  error: unknown,
  what: string,
  service: "eNom" | "The email service" = "eNom",
): UpstreamFailureText | null {
  const kind = upstreamFailureKind(error);
  const lower = service === "eNom" ? "eNom" : "the email service";
  const panel = service === "eNom" ? "Mailpak" : "this panel";
  switch (kind) {
    case null:
      return null;
    case "not-understood":
      return {
        kind,
        title: `${capitalise(what)} could not be read`,
        message: `${service} answered${service === "eNom" && isEnomUnavailable(error) ? ` ${error.command}` : ""} in a form ${panel} does not understand, so ${what} cannot be shown. Nothing was changed. Trying again will not help until this is fixed${service === "eNom" ? "" : ": please tell support"}.`,
      };
    case "not-answering":
      return {
        kind,
        title: `${capitalise(what)} could not be loaded`,
        message: `${service} is not answering right now, so ${what} cannot be shown. Nothing has changed. Try again in a moment.`,
      };
    case "refused":
      return {
        kind,
        title: `${capitalise(what)} could not be loaded`,
        message: refusalText(error, what, lower),
      };
  }
}

function refusalText(error: unknown, what: string, service: string): string {
  // Customers are not told about the reseller's account or its provider.
  if (service !== "eNom")
    return `${capitalise(service)} refused to list ${what}. Try again later; if this persists, contact support.`;
  // Bad login or IP not allowed: the client words exactly what to fix (lib/enom/errors.ts).
  const fix = isEnomError(error) ? error.accessProblem?.fix : undefined;
  if (fix) return `${capitalise(what)} cannot be shown: ${fix}.`;
  const said = isEnomError(error) ? error.errors.join(" ").trim() : "";
  return `${capitalise(service)} refused to list ${what}${said ? `: ${said}` : "."}`;
}

/** The first letter upper-case; eNom keeps its own spelling. */
function capitalise(text: string): string {
  return text.startsWith("eNom") ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
