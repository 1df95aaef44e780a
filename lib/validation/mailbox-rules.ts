import {
  PASSWORD_CHARSET,
  PASSWORD_MAX,
  PASSWORD_MIN,
  PASSWORD_SYMBOLS,
  passwordProblem,
  PURCHASE_QUANTITY_MAX,
} from "./enom-rules";

/**
 * The mailbox grid's limits, results and password helpers: no zod here, so the grid loads without
 * it (the schemas in mailboxes.ts load with the dialogs that check input). Re-exported by mailboxes.ts.
 */

/** Mailboxes in one eNom call: ModifyPOP3's EmailCount has two digits, and the other batch commands share the cap. */
export const MAILBOX_BATCH_MAX = 99;
/** Mailboxes in one action: the largest pak eNom sells. Larger lists are sent 99 at a time. */
export const MAILBOXES_PER_ACTION_MAX = PURCHASE_QUANTITY_MAX;
/** DeletePOP3's UserNameX is at most 16 characters (delete-pop-3.md): longer names cannot be deleted by the API. */
export const DELETE_USER_NAME_MAX = 16;
/**
 * Storage use (per cent of the quota) from which a mailbox is nearly full: THE threshold of the
 * grid's flag, the dashboard, the portal home, the search filter and the storage alert emails.
 */
export const NEARLY_FULL_PERCENT = 90;
export const NEARLY_FULL_SHARE = NEARLY_FULL_PERCENT / 100;

// ── Results ─────────────────────────────────────────────────────────────────────────────────

/**
 * What happened to one mailbox: done, refused (nothing changed for it), or unknown (the answer
 * was lost and could not be settled by reading eNom again, so it may or may not have changed).
 */
export type MailboxOutcome = "ok" | "failed" | "unknown";

export interface MailboxResult {
  userName: string;
  outcome: MailboxOutcome;
  /** Why it failed or is unknown, written for the user; null when it worked. */
  message: string | null;
}

/** What the mailbox actions return once a change was sent: one result per mailbox, in the order asked. */
export interface MailboxBatchResult {
  results: MailboxResult[];
  /** Calls made to the email service (one per 99 mailboxes). */
  requests: number;
}

export function countOutcomes(results: readonly MailboxResult[]): Record<MailboxOutcome, number> {
  const counts: Record<MailboxOutcome, number> = { ok: 0, failed: 0, unknown: 0 };
  for (const result of results) counts[result.outcome]++;
  return counts;
}

// ── What eNom lets the panel do with a mailbox ──────────────────────────────────────────────

/**
 * Why eNom's API cannot delete this mailbox, or null: DeletePOP3 takes user names of at most 16
 * characters and only mailboxes of a pak whose subscription is current (delete-pop-3.md).
 */
export function deleteBlocker(userName: string, pakExpired: boolean): string | null {
  if (userName.length > DELETE_USER_NAME_MAX)
    return `The email service's API deletes only mailboxes whose name has at most ${DELETE_USER_NAME_MAX} characters; this one has ${userName.length}. Its support can delete it.`;
  if (pakExpired)
    return "Its pak has expired, and the email service deletes mailboxes only in a current pak: renew the pak first.";
  return null;
}

/** eNom documents password changes on an expired pak (modify-pop-3.md), not administrator changes. */
export const EXPIRED_ADMIN_CHANGE =
  "Its pak has expired: the email service documents only password changes for an expired pak, so renew the pak to change administrators.";

/** Storage used as a share of the quota, or null when eNom did not report both. */
export function storageShare(quotaUsedMb: number | null, quotaMb: number | null): number | null {
  if (quotaUsedMb === null || quotaMb === null || quotaMb <= 0) return null;
  return quotaUsedMb / quotaMb;
}

/**
 * Whether a mailbox is at NEARLY_FULL_PERCENT of its quota or more; compared in whole numbers as
 * the SQL of the dashboard, the search and the alerts does (`used * 100 >= quota * 90`).
 */
export function isNearlyFull(quotaUsedMb: number | null, quotaMb: number | null): boolean {
  if (storageShare(quotaUsedMb, quotaMb) === null || quotaUsedMb === null || quotaMb === null) return false;
  return quotaUsedMb * 100 >= quotaMb * NEARLY_FULL_PERCENT;
}

/** Storage used in whole per cent, rounded down (a flagged mailbox never reads "89 %"); null when not reported. */
export function storagePercent(quotaUsedMb: number | null, quotaMb: number | null): number | null {
  const share = storageShare(quotaUsedMb, quotaMb);
  return share === null ? null : Math.floor(share * 100 + 1e-9);
}

// ── Passwords in the dialogs ────────────────────────────────────────────────────────────────

export interface PasswordRuleCheck {
  id: "length" | "upper" | "digit" | "symbol" | "charset" | "not-name" | "not-domain";
  label: string;
  met: boolean;
}

/** What a password is checked against: the mailbox's name and its domain (eNom's error 48). */
export interface PasswordFor {
  userName?: string;
  domain?: string;
}

const SYMBOL = /[*@\-_/.]/;
const SYMBOLS_SPACED = PASSWORD_SYMBOLS.split("").join(" ");

/** The domain test of `passwordProblem`: the full name, or its SLD when that has 3 characters or more. */
function containsDomain(lowerPassword: string, domain: string): boolean {
  const name = domain.trim().toLowerCase();
  if (!name) return false;
  const sld = name.split(".")[0] ?? "";
  return lowerPassword.includes(name) || (sld.length >= 3 && lowerPassword.includes(sld));
}

/**
 * eNom's current password rule as a checklist the dialogs tick off while the user types. Every
 * check is met exactly when `passwordProblem(password, { userName, domain })` finds nothing (tested).
 */
export function passwordRuleChecks(password: string, context: PasswordFor = {}): PasswordRuleCheck[] {
  const lower = password.toLowerCase();
  const name = context.userName?.trim().toLowerCase() ?? "";
  return [
    {
      id: "length",
      label: `${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
      met: password.length >= PASSWORD_MIN && password.length <= PASSWORD_MAX,
    },
    { id: "upper", label: "An upper-case letter", met: /[A-Z]/.test(password) },
    { id: "digit", label: "A number", met: /[0-9]/.test(password) },
    { id: "symbol", label: `One of ${SYMBOLS_SPACED}`, met: SYMBOL.test(password) },
    {
      id: "charset",
      label: "Only letters, digits and those symbols",
      met: PASSWORD_CHARSET.test(password),
    },
    {
      id: "not-name",
      label: "Not containing the mailbox name",
      met: password !== "" && !(name !== "" && lower.includes(name)),
    },
    {
      id: "not-domain",
      label: "Not containing the domain",
      met: password !== "" && !containsDomain(lower, context.domain ?? ""),
    },
  ];
}

/** The rule in one sentence, for hints. */
export const PASSWORD_RULE_SUMMARY = `${PASSWORD_MIN} to ${PASSWORD_MAX} letters, digits and ${SYMBOLS_SPACED}, with an upper-case letter, a number and one of those symbols; not containing the mailbox name or the domain.`;

/**
 * Letters and digits that cannot be mistaken for one another when read out (no 0/O, 1/l/I), and
 * eNom's six symbols, which its rule needs at least one of.
 */
const GENERATOR_ALPHABET = `ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789${PASSWORD_SYMBOLS}`;
export const GENERATED_PASSWORD_LENGTH = 16;

/**
 * A random password that meets eNom's rule for this mailbox (never containing its name or its
 * domain), made in the browser with the platform's CSPRNG, so the server never has to send one
 * back. 16 characters from 63 give about 95 bits; candidates that miss a rule are drawn again.
 */
export function generateMailboxPassword(
  context: PasswordFor = {},
  length = GENERATED_PASSWORD_LENGTH,
): string {
  const size = GENERATOR_ALPHABET.length;
  // Bytes at or above the largest multiple of the alphabet's size are redrawn, so no character is likelier.
  const limit = 256 - (256 % size);
  for (;;) {
    let password = "";
    while (password.length < length) {
      const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
      for (const byte of bytes) {
        if (byte < limit && password.length < length) password += GENERATOR_ALPHABET[byte % size];
      }
    }
    if (passwordProblem(password, context) === null) return password;
  }
}
