import { z } from "zod";
import { EMAIL_ADDRESS_PATTERN, MAX_SIZE, userNameProblem } from "./enom-rules";

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

export { CATCH_ALL_HINT } from "./catch-all-hint";

/** A mailbox name of the domain, a full address, or empty (mail to unknown addresses bounces). */
export const catchAllTargetSchema = z
  .string()
  .trim()
  .max(MAX_SIZE.forwardTo, `At most ${MAX_SIZE.forwardTo} characters.`)
  .refine(
    (value) =>
      value === "" ||
      (value.includes("@") ? EMAIL_ADDRESS_PATTERN.test(value) : userNameProblem(value) === null),
    "Enter a mailbox name such as info, a full address such as someone@example.com, or leave it empty.",
  );

export const setCatchAllSchema = z.object({ domain: domainNameSchema, catchAll: catchAllTargetSchema });
export type SetCatchAllInput = z.infer<typeof setCatchAllSchema>;
