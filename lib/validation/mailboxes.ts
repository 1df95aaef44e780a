import { z } from "zod";
import { EMAIL_ADDRESS_PATTERN, MAX_SIZE, passwordProblem } from "./enom-rules";
import { displayNameSchema, userNameSchema } from "./mailbox-fields";
import { MAILBOXES_PER_ACTION_MAX } from "./mailbox-rules";

// The limits, results and password helpers, kept zod-free for the grid (see mailbox-rules.ts).
export * from "./mailbox-rules";

/**
 * The mailbox grid's inputs: the same schemas check the dialogs in the browser and the server
 * actions' input (lib/actions/mailboxes.ts). Built on eNom's rules in enom-rules.ts, with
 * Mailpak's stricter password rule (`strict: true`). Browser code imports this file, so it holds
 * no server code.
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
