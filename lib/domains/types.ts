/**
 * A domain's email as the panel shows it: plain data that crosses from server to browser.
 * Built from the account mirror (GetPOP3 as last read, and Mailpak's own display names) by
 * lib/domains/email.ts; read in the
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
  /**
   * The name staff gave the pak ("Sales team", lib/paks/nicknames.ts), shown beside its BundleID
   * to staff and first in the portal's name of it; null or absent when it has none.
   */
  nickname?: string | null;
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
  /** When eNom was read (ISO instant): the account mirror's read of this domain. */
  fetchedAt: string;
  /** The latest read of this domain failed (the rows are the previous read's); for the user. */
  readError?: string | null;
  /** The read is old and a new one is under way behind this answer: ask again shortly. */
  refreshing?: boolean;
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
  /** The latest read of the forwarding failed: these forwards are from `fetchedAt`; for the user. */
  readError?: string | null;
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
  /**
   * How the pages name the email provider: "eNom" for staff, never in the portal. Sent as data
   * from the server, so no script the portal loads holds the name.
   */
  serviceName: "eNom" | "the email service";
}

/** The JSON of GET /api/domains/[domain]/email; `readAt` is when eNom was read (the mirror's read). */
export type DomainEmailResponse =
  { ok: true; data: DomainEmailView; readAt: string } | { ok: false; message: string };

/** The JSON of GET /api/domains/[domain]/forwarding. */
export type DomainForwardingResponse =
  { ok: true; data: DomainForwardingView } | { ok: false; message: string };

/** The JSON of GET /api/domains/[domain]/catch-all: the address, or null when none is set. */
export type DomainCatchAllResponse =
  { ok: true; data: { catchAll: string | null } } | { ok: false; message: string };

/** The JSON of POST /api/domains/[domain]/refresh: when eNom was read, or why it could not be. */
export type DomainRefreshResponse = { ok: true; readAt: string } | { ok: false; message: string };
