import { z } from "zod";
import { EMAIL_ADDRESS_PATTERN, MAX_SIZE } from "./enom-rules";

/**
 * Inputs of the pak and catch-all actions (lib/actions/paks.ts), checked with the same schema in
 * the browser (before sending) and on the server (always).
 */

const DOMAIN_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export const domainNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/\.$/, ""))
  .pipe(z.string().max(253).regex(DOMAIN_PATTERN, "Enter a domain name such as example.com."));

/** eNom's BundleID: a whole number of at most 10 digits; forms send it as text. */
export const bundleIdSchema = z.coerce
  .number("Choose a pak.")
  .int("Choose a pak.")
  .min(1, "Choose a pak.")
  .max(9_999_999_999, "Choose a pak.");

export const setPakAutoRenewSchema = z.object({
  domain: domainNameSchema,
  bundleId: bundleIdSchema,
  autoRenew: z.boolean(),
});
export type SetPakAutoRenewInput = z.infer<typeof setPakAutoRenewSchema>;

/** Deleting a pak asks for the domain's name, typed out: nothing deleted can be brought back. */
export const deletePakSchema = z
  .object({
    domain: domainNameSchema,
    bundleId: bundleIdSchema,
    confirmation: z.string().max(300),
  })
  .superRefine((input, ctx) => {
    if (input.confirmation.trim().toLowerCase() !== input.domain)
      ctx.addIssue({
        code: "custom",
        path: ["confirmation"],
        message: `Type the domain name, ${input.domain}, to confirm.`,
      });
  });
export type DeletePakInput = z.infer<typeof deletePakSchema>;

/**
 * Why a pak cannot be deleted from the panel, said before anything is sent; null when it can.
 * eNom refuses DeletePOPPak while the pak has mailboxes (delete-pop-pak.md), so they are deleted
 * first with DeletePOP3, which takes user names of at most 16 characters and only from a pak whose
 * subscription is current (delete-pop-3.md). A pak without mailboxes needs neither.
 */
export function pakDeletionProblem(
  pak: { bundleId: number; expires: string },
  userNames: readonly string[],
  today: string,
): string | null {
  if (userNames.length === 0) return null;
  const tooLong = userNames.filter((name) => name.length > MAX_SIZE.deleteUserName);
  if (tooLong.length > 0)
    return `Pak ${pak.bundleId} cannot be deleted here: the email service deletes only mailboxes whose names have at most ${MAX_SIZE.deleteUserName} characters, and ${tooLong.join(", ")} ${tooLong.length === 1 ? "has" : "have"} more. An administrator mailbox can delete ${tooLong.length === 1 ? "it" : "them"} in webmail; then delete the pak here. Nothing was deleted.`;
  if (pak.expires < today)
    return `Pak ${pak.bundleId} expired on ${pak.expires}, and the email service deletes mailboxes only from a pak that is current. Renew the pak first, or ask the email service's support to delete it. Nothing was deleted.`;
  return null;
}

export { CATCH_ALL_HINT } from "./catch-all-hint";

/**
 * The catch-all: a full address, a mailbox of this domain or an outside one (SetCatchAll's
 * `ForwardTo`, required, at most 130: set-catch-all.md). eNom documents no way to turn it off.
 */
export const catchAllTargetSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const message =
      value === ""
        ? "Enter the address that receives mail for unknown addresses, such as info@example.com."
        : value.length > MAX_SIZE.forwardTo
          ? `At most ${MAX_SIZE.forwardTo} characters.`
          : EMAIL_ADDRESS_PATTERN.test(value)
            ? null
            : "Enter a full address, such as info@example.com: a mailbox of this domain or an outside address.";
    if (message) ctx.addIssue({ code: "custom", message });
  });

export const setCatchAllSchema = z.object({ domain: domainNameSchema, catchAll: catchAllTargetSchema });
export type SetCatchAllInput = z.infer<typeof setCatchAllSchema>;
