import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";

/**
 * The upstream provider's own words (its error texts), made fit for whoever reads them. The
 * reseller's staff read them with the provider's name made neutral; a customer of the white-label
 * portal never reads them at all, only the portal's own wording (the audit log keeps the original).
 */

interface Reader {
  customer: boolean;
}

const readers = ((globalThis as { mailpakReaders?: AsyncLocalStorage<Reader> }).mailpakReaders ??=
  new AsyncLocalStorage<Reader>());

/** One request's scope (lib/request-context.ts): who reads its messages is noted once known. */
export function withReaderScope<T>(work: () => T): T {
  return readers.run({ customer: false }, work);
}

/** A page render has no such scope; React's per-request cache holds its reader instead. */
const renderReader = cache((): Reader => ({ customer: false }));

function currentReader(): Reader {
  return readers.getStore() ?? renderReader();
}

/** Called when the request's user is known (lib/auth/guards.ts `requireUser`, `requirePageUser`). */
export function noteReaderRole(role: string): void {
  currentReader().customer = role === "customer";
}

/** The portal's own wording for what the provider said; never the provider's text itself. */
const PORTAL_WORDING: ReadonlyArray<readonly [RegExp, string]> = [
  [/password/i, "the password was not accepted; choose a different one"],
  [/invalid item|already exists|duplicate/i, "a mailbox with this name may already exist"],
  [/insufficient funds|balance|credit/i, "the order could not be placed; please contact support"],
  [/lock/i, "this is locked for changes right now; please try again later"],
  [/busy|maintenance|try (again )?later|unavailable|down/i, "the service is busy; please try again later"],
  [/not found|does not exist|no such/i, "it could not find what this refers to"],
];
const PORTAL_FALLBACK = "please try again later, or contact support if this persists";

export function portalWording(text: string): string {
  return PORTAL_WORDING.find(([pattern]) => pattern.test(text))?.[1] ?? PORTAL_FALLBACK;
}

export function inServiceWords(text: string): string {
  if (currentReader().customer) return portalWording(text);
  return text.replace(/\beNom\b/gi, "the email service");
}
