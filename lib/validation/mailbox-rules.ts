import {
  PASSWORD_CHARSET,
  PASSWORD_MAX,
  PASSWORD_MIN,
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

// ── Results ─────────────────────────────────────────────────────────────────────────────────

/**
 * What happened to one mailbox: done, refused (nothing changed for it), or unknown (the answer
 * was lost, so it may or may not have changed: read the domain again before retrying).
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

// ── Passwords in the dialogs ────────────────────────────────────────────────────────────────

export interface PasswordRuleCheck {
  id: "length" | "charset" | "lower" | "upper" | "digit" | "not-name";
  label: string;
  met: boolean;
}

/**
 * The password rules as a checklist the dialogs tick off while the user types. Every check met
 * exactly when `passwordProblem(password, { userName, strict: true })` finds nothing (tested).
 */
export function passwordRuleChecks(password: string, userName = ""): PasswordRuleCheck[] {
  const name = userName.trim();
  return [
    {
      id: "length",
      label: `${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
      met: password.length >= PASSWORD_MIN && password.length <= PASSWORD_MAX,
    },
    { id: "charset", label: "Letters and digits only", met: PASSWORD_CHARSET.test(password) },
    { id: "lower", label: "A lower-case letter", met: /[a-z]/.test(password) },
    { id: "upper", label: "An upper-case letter", met: /[A-Z]/.test(password) },
    { id: "digit", label: "A digit", met: /[0-9]/.test(password) },
    {
      id: "not-name",
      label: "Not the mailbox name",
      met: password !== "" && (name === "" || password.toLowerCase() !== name.toLowerCase()),
    },
  ];
}

/** Letters and digits that cannot be mistaken for one another when read out (no 0/O, 1/l/I). */
const GENERATOR_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
export const GENERATED_PASSWORD_LENGTH = 16;

/**
 * A random password that meets every rule, made in the browser with the platform's CSPRNG, so the
 * server never has to send one back. 16 characters from 57 give about 93 bits.
 */
export function generateMailboxPassword(userName = "", length = GENERATED_PASSWORD_LENGTH): string {
  const size = GENERATOR_ALPHABET.length;
  // Bytes at or above the largest multiple of the alphabet's size are redrawn, so no letter is likelier.
  const limit = 256 - (256 % size);
  for (;;) {
    let password = "";
    while (password.length < length) {
      const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
      for (const byte of bytes) {
        if (byte < limit && password.length < length) password += GENERATOR_ALPHABET[byte % size];
      }
    }
    if (passwordProblem(password, { userName, strict: true }) === null) return password;
  }
}
