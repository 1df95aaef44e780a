/**
 * A domain's email as the panel shows it: plain data that crosses from server to browser.
 * Built from eNom's GetPOP3 (and Mailpak's own display names) by lib/domains/email.ts; read in the
 * browser through GET /api/domains/[domain]/email and `useDomainEmail`. Forwarding comes from its
 * own command (GetPOPForwarding) and route, so a slow or failed forwarding read never hides the
 * mailboxes.
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
  /**
   * GetPOP3's `ProdType`: 2011 a Mailbox pak (PROD_TYPE_MAILBOX), 38 a classic 10-pak, to which
   * mailboxes cannot be added; null when eNom sent none.
   */
  prodType: number | null;
}

export interface MailboxView {
  userName: string;
  /** userName@domain */
  address: string;
  /**
   * The name Mailpak gave the mailbox when it created it. eNom takes a display name on create but
   * never returns one, so null means "not known", not "none".
   */
  displayName: string | null;
  bundleId: number | null;
  isAdmin: boolean;
  /** Storage, MB, as GetPOP3 reports it (`quota`, `quotaused`); null when eNom did not say. */
  quotaMb: number | null;
  quotaUsedMb: number | null;
  /** The mailbox's expiry as GetPOP3 lists it (ISO date), or null. */
  expires: string | null;
}

export interface DomainEmailView {
  domain: string;
  paks: PakView[];
  mailboxes: MailboxView[];
  /** When eNom was read (ISO instant), so a stale view can say so. */
  fetchedAt: string;
}

/** One forwarding record of GetPOPForwarding. */
export interface ForwardView {
  userName: string;
  forwardTo: string;
  /** eNom's `active`: 1 when the forward is in effect. */
  active: boolean;
}

export interface DomainForwardingView {
  domain: string;
  forwards: ForwardView[];
  fetchedAt: string;
}

/** What the signed-in user may do on this domain; the server checks again on every action. */
export interface DomainCapabilities {
  /** Add mailboxes (one by one or from CSV). */
  createMailboxes: boolean;
  /** Reset passwords, delete, make administrators, forwarding and catch-all. */
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

/** The JSON of GET /api/domains/[domain]/forwarding. */
export type DomainForwardingResponse =
  { ok: true; data: DomainForwardingView } | { ok: false; message: string };

/** The JSON of GET /api/domains/[domain]/catch-all: the address, or null when none is set. */
export type DomainCatchAllResponse =
  { ok: true; data: { catchAll: string | null } } | { ok: false; message: string };
