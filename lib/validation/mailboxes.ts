import { z } from "zod";
import {
  EMAIL_ADDRESS_PATTERN,
  MAX_SIZE,
  PASSWORD_CHARSET,
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordProblem,
  PURCHASE_QUANTITY_MAX,
} from "./enom-rules";
import { displayNameSchema, userNameSchema } from "./mailbox-fields";

/**
 * The mailbox grid's inputs: the same schemas check the dialogs in the browser and the server
 * actions' input (lib/actions/mailboxes.ts). Built on eNom's rules in enom-rules.ts, with
 * Mailpak's stricter password rule (`strict: true`). Browser code imports this file, so it holds
 * no server code.
 */

/** Mailboxes in one eNom call: ModifyPOP3's EmailCount has two digits, and the other batch commands share the cap. */
export const MAILBOX_BATCH_MAX = 99;
/** Mailboxes in one action: the largest pak eNom sells. Larger lists are sent 99 at a time. */
export const MAILBOXES_PER_ACTION_MAX = PURCHASE_QUANTITY_MAX;

export const mailboxDomainSchema = z
  .string("Choose a domain.")
  .trim()
  .toLowerCase()
  .min(1, "Choose a domain.")
  .max(253, "That is not a domain name.");

/** A pak's BundleID, as a number or as the digits a <select> sends. */
export const bundleIdSchema = z
  .union(
    [
      z.number(),
      z
        .string()
        .trim()
        .regex(/^\d{1,10}$/, "Choose a pak.")
        .transform(Number),
    ],
    "Choose a pak.",
  )
  .pipe(
    z
      .number("Choose a pak.")
      .int("Choose a pak.")
      .min(1, "Choose a pak.")
      .max(9_999_999_999, "Choose a pak."),
  );

export const mailboxUserNameSchema = userNameSchema;
export { displayNameSchema };

/** Where a mailbox's mail is also sent: an address, or empty for none. */
export const forwardToSchema = z
  .string()
  .trim()
  .max(MAX_SIZE.forwardTo, `An address has at most ${MAX_SIZE.forwardTo} characters.`)
  .refine((value) => value === "" || EMAIL_ADDRESS_PATTERN.test(value), {
    message: "Enter an address such as someone@example.com, or leave it empty.",
  });

const isAdminSchema = z.boolean("Choose administrator or regular.");

function checkPassword(password: string, userName: string, ctx: z.RefinementCtx, path: PropertyKey[]) {
  const problem = passwordProblem(password, { userName, strict: true });
  if (problem) ctx.addIssue({ code: "custom", path, message: problem });
}

function checkForwarding(
  forwardTo: string,
  userName: string,
  domain: string,
  ctx: z.RefinementCtx,
  path: PropertyKey[],
) {
  if (forwardTo !== "" && forwardTo.toLowerCase() === `${userName}@${domain}`.toLowerCase())
    ctx.addIssue({ code: "custom", path, message: "A mailbox cannot forward to its own address." });
}

/** eNom compares mailbox names case-insensitively, so `Info` and `info` are the same mailbox. */
function checkUnique(
  names: readonly string[],
  ctx: z.RefinementCtx,
  pathOf: (index: number) => PropertyKey[],
) {
  const seen = new Set<string>();
  names.forEach((name, index) => {
    const key = name.toLowerCase();
    if (seen.has(key))
      ctx.addIssue({ code: "custom", path: pathOf(index), message: "This mailbox is listed twice." });
    seen.add(key);
  });
}

// ── Create ──────────────────────────────────────────────────────────────────────────────────

export const newMailboxSchema = z
  .object({
    userName: mailboxUserNameSchema,
    password: z.string("Enter a password or generate one."),
    displayName: displayNameSchema.default(""),
    isAdmin: isAdminSchema.default(false),
    forwardTo: forwardToSchema.default(""),
  })
  .superRefine((mailbox, ctx) => checkPassword(mailbox.password, mailbox.userName, ctx, ["password"]));
export type NewMailbox = z.infer<typeof newMailboxSchema>;
export type NewMailboxInput = z.input<typeof newMailboxSchema>;

export const createMailboxesSchema = z
  .object({
    domain: mailboxDomainSchema,
    bundleId: bundleIdSchema,
    mailboxes: z
      .array(newMailboxSchema)
      .min(1, "Add at least one mailbox.")
      .max(MAILBOXES_PER_ACTION_MAX, `Add at most ${MAILBOXES_PER_ACTION_MAX} mailboxes at once.`),
  })
  .superRefine((input, ctx) => {
    checkUnique(
      input.mailboxes.map((mailbox) => mailbox.userName),
      ctx,
      (index) => ["mailboxes", index, "userName"],
    );
    input.mailboxes.forEach((mailbox, index) =>
      checkForwarding(mailbox.forwardTo, mailbox.userName, input.domain, ctx, [
        "mailboxes",
        index,
        "forwardTo",
      ]),
    );
  });
export type CreateMailboxesInput = z.input<typeof createMailboxesSchema>;

// ── Change ──────────────────────────────────────────────────────────────────────────────────

const userNamesSchema = z
  .array(mailboxUserNameSchema, "Choose at least one mailbox.")
  .min(1, "Choose at least one mailbox.")
  .max(MAILBOXES_PER_ACTION_MAX, `Choose at most ${MAILBOXES_PER_ACTION_MAX} mailboxes at once.`)
  .superRefine((names, ctx) => checkUnique(names, ctx, (index) => [index]));

export const setMailboxAdminSchema = z.object({
  domain: mailboxDomainSchema,
  /** A pak of the domain: ModifyPOP3 needs one, and finds each mailbox in any of the domain's paks. */
  bundleId: bundleIdSchema,
  userNames: userNamesSchema,
  isAdmin: isAdminSchema,
});
export type SetMailboxAdminInput = z.input<typeof setMailboxAdminSchema>;

export const passwordResetItemSchema = z
  .object({ userName: mailboxUserNameSchema, password: z.string("Enter a password or generate one.") })
  .superRefine((item, ctx) => checkPassword(item.password, item.userName, ctx, ["password"]));

export const resetMailboxPasswordsSchema = z
  .object({
    domain: mailboxDomainSchema,
    bundleId: bundleIdSchema,
    items: z
      .array(passwordResetItemSchema, "Choose at least one mailbox.")
      .min(1, "Choose at least one mailbox.")
      .max(MAILBOXES_PER_ACTION_MAX, `Choose at most ${MAILBOXES_PER_ACTION_MAX} mailboxes at once.`),
  })
  .superRefine((input, ctx) =>
    checkUnique(
      input.items.map((item) => item.userName),
      ctx,
      (index) => ["items", index, "userName"],
    ),
  );
export type ResetMailboxPasswordsInput = z.input<typeof resetMailboxPasswordsSchema>;

export const deleteMailboxesSchema = z.object({ domain: mailboxDomainSchema, userNames: userNamesSchema });
export type DeleteMailboxesInput = z.input<typeof deleteMailboxesSchema>;

export const setMailboxForwardingSchema = z
  .object({ domain: mailboxDomainSchema, userName: mailboxUserNameSchema, forwardTo: forwardToSchema })
  .superRefine((input, ctx) =>
    checkForwarding(input.forwardTo, input.userName, input.domain, ctx, ["forwardTo"]),
  );
export type SetMailboxForwardingInput = z.input<typeof setMailboxForwardingSchema>;

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
