/**
 * A domain's email as the panel shows it: plain data that crosses from server to browser.
 * Built from eNom's GetPOP3 by lib/domains/email.ts; read in the browser through
 * GET /api/domains/[domain]/email and `useDomainEmail`.
 */
export interface PakView {
  bundleId: number;
  /** 1, 3, 5 or 10; null for a quota eNom does not sell. */
  capacityGb: number | null;
  quotaMb: number | null;
  purchased: number;
  available: number;
  used: number;
  /** ISO calendar date, e.g. "2027-03-01". */
  expires: string;
  autoRenew: boolean;
}

export interface MailboxView {
  userName: string;
  /** userName@domain */
  address: string;
  displayName: string;
  bundleId: number | null;
  isAdmin: boolean;
  forwardTo: string | null;
}

export interface DomainEmailView {
  domain: string;
  paks: PakView[];
  mailboxes: MailboxView[];
  /** When eNom was read (ISO instant), so a stale view can say so. */
  fetchedAt: string;
}

/** What the signed-in user may do on this domain; the server checks again on every action. */
export interface DomainCapabilities {
  manageMailboxes: boolean;
  toggleAutoRenew: boolean;
  purchase: boolean;
  renew: boolean;
  deletePaks: boolean;
  /** Where this user's pages live: "" for staff, "/portal" for customers (links to wizards). */
  basePath: "" | "/portal";
}

/** The JSON of GET /api/domains/[domain]/email. */
export type DomainEmailResponse = { ok: true; data: DomainEmailView } | { ok: false; message: string };

/** The JSON of GET /api/domains/[domain]/catch-all: a mailbox name, an address, or null (off). */
export type DomainCatchAllResponse =
  { ok: true; data: { catchAll: string | null } } | { ok: false; message: string };
