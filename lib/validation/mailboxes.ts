import { z } from "zod";
import { passwordProblem } from "./enom-rules";
import { displayNameSchema, emailAddressSchema, userNameSchema } from "./mailbox-fields";
import { MAILBOXES_PER_ACTION_MAX } from "./mailbox-rules";

// The limits, results and password helpers, kept zod-free for the grid (see mailbox-rules.ts).
export * from "./mailbox-rules";

/**
 * The mailbox grid's inputs: the same schemas check the dialogs in the browser and the server
 * actions' input (lib/actions/mailboxes.ts). Built on eNom's rules in enom-rules.ts: every
 * password is checked with eNom's current rule against its mailbox's name and its domain. Browser
 * code imports this file, so it holds no server code.
 */

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

const isAdminSchema = z.boolean("Choose administrator or regular.");
const passwordSchema = z.string("Enter a password or generate one.");

/** The password against its mailbox's name: what a row can check on its own. */
function checkPassword(password: string, userName: string, ctx: z.RefinementCtx, path: PropertyKey[]) {
  const problem = passwordProblem(password, { userName });
  if (problem) ctx.addIssue({ code: "custom", path, message: problem });
}

/**
 * The password against the domain too, once the row's own check passed (so a password is never
 * reported twice): eNom refuses one containing the domain (error 48).
 */
function checkPasswordOnDomain(
  password: string,
  userName: string,
  domain: string,
  ctx: z.RefinementCtx,
  path: PropertyKey[],
) {
  if (passwordProblem(password, { userName }) !== null) return;
  const problem = passwordProblem(password, { userName, domain });
  if (problem) ctx.addIssue({ code: "custom", path, message: problem });
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

/**
 * One new mailbox (SetUpPOP3User: UserNameX, PasswordX, IsAdminX, DisplayNameX). Forwarding is set
 * per mailbox afterwards: SetUpPOP3User documents no forwarding parameter.
 */
export const newMailboxSchema = z
  .object({
    userName: mailboxUserNameSchema,
    password: passwordSchema,
    displayName: displayNameSchema.default(""),
    isAdmin: isAdminSchema.default(false),
  })
  .superRefine((mailbox, ctx) => checkPassword(mailbox.password, mailbox.userName, ctx, ["password"]));
export type NewMailbox = z.infer<typeof newMailboxSchema>;
export type NewMailboxInput = z.input<typeof newMailboxSchema>;

/** One new mailbox of `domain`, checked as the create action checks it (for the CSV preview). */
export function newMailboxOnDomainSchema(domain: string) {
  return newMailboxSchema.superRefine((mailbox, ctx) =>
    checkPasswordOnDomain(mailbox.password, mailbox.userName, domain, ctx, ["password"]),
  );
}

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
      checkPasswordOnDomain(mailbox.password, mailbox.userName, input.domain, ctx, [
        "mailboxes",
        index,
        "password",
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

/** ModifyPOP3 IsAdminX: no pak is named (modify-pop-3.md has no BundleID). */
export const setMailboxAdminSchema = z.object({
  domain: mailboxDomainSchema,
  userNames: userNamesSchema,
  isAdmin: isAdminSchema,
});
export type SetMailboxAdminInput = z.input<typeof setMailboxAdminSchema>;

export const passwordResetItemSchema = z
  .object({ userName: mailboxUserNameSchema, password: passwordSchema })
  .superRefine((item, ctx) => checkPassword(item.password, item.userName, ctx, ["password"]));

/** One new password for a mailbox of `domain`, checked as the reset action checks it. */
export function passwordResetOnDomainSchema(domain: string) {
  return passwordResetItemSchema.superRefine((item, ctx) =>
    checkPasswordOnDomain(item.password, item.userName, domain, ctx, ["password"]),
  );
}

/** ModifyPOP3 PasswordX: works on an expired pak too (modify-pop-3.md). */
export const resetMailboxPasswordsSchema = z
  .object({
    domain: mailboxDomainSchema,
    items: z
      .array(passwordResetItemSchema, "Choose at least one mailbox.")
      .min(1, "Choose at least one mailbox.")
      .max(MAILBOXES_PER_ACTION_MAX, `Choose at most ${MAILBOXES_PER_ACTION_MAX} mailboxes at once.`),
  })
  .superRefine((input, ctx) => {
    checkUnique(
      input.items.map((item) => item.userName),
      ctx,
      (index) => ["items", index, "userName"],
    );
    input.items.forEach((item, index) =>
      checkPasswordOnDomain(item.password, item.userName, input.domain, ctx, ["items", index, "password"]),
    );
  });
export type ResetMailboxPasswordsInput = z.input<typeof resetMailboxPasswordsSchema>;

export const deleteMailboxesSchema = z.object({ domain: mailboxDomainSchema, userNames: userNamesSchema });
export type DeleteMailboxesInput = z.input<typeof deleteMailboxesSchema>;

// ── Forwarding ──────────────────────────────────────────────────────────────────────────────

/**
 * SetPOPForwarding with Enable=1: where a mailbox's mail goes, and whether a copy stays in the
 * mailbox (StatusFlags; what eNom really does with it is not confirmed, see docs/enom.md).
 */
export const setMailboxForwardingSchema = z
  .object({
    domain: mailboxDomainSchema,
    userName: mailboxUserNameSchema,
    forwardTo: emailAddressSchema,
    keepCopy: z.boolean("Choose whether to keep a copy.").default(true),
  })
  .superRefine((input, ctx) => {
    if (input.forwardTo.toLowerCase() === `${input.userName}@${input.domain}`.toLowerCase())
      ctx.addIssue({
        code: "custom",
        path: ["forwardTo"],
        message: "A mailbox cannot forward to its own address.",
      });
  });
export type SetMailboxForwardingInput = z.input<typeof setMailboxForwardingSchema>;

/** SetPOPForwarding with Enable=0: the action reads the forward being removed first. */
export const removeMailboxForwardingSchema = z.object({
  domain: mailboxDomainSchema,
  userName: mailboxUserNameSchema,
});
export type RemoveMailboxForwardingInput = z.input<typeof removeMailboxForwardingSchema>;
