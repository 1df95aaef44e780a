import { z } from "zod";
import { EMAIL_ADDRESS_PATTERN, MAX_SIZE, userNameProblem } from "./enom-rules";

/**
 * The fields of a mailbox as zod schemas, defined once: the eNom client checks its input with
 * them and the panel's forms and actions build on them (lib/validation/mailboxes.ts).
 */
export const userNameSchema = z
  .string("Enter a mailbox name.")
  .trim()
  .superRefine((value, ctx) => {
    const problem = userNameProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Display names go into webmail's From; no line breaks (they would split eNom's Text format). */
export const displayNameSchema = z
  .string()
  .trim()
  .max(MAX_SIZE.displayName, `A display name has at most ${MAX_SIZE.displayName} characters.`)
  .regex(/^[^\p{Cc}]*$/u, "A display name cannot contain line breaks or control characters.");

export const emailAddressSchema = z
  .string()
  .trim()
  .max(MAX_SIZE.forwardTo, `An address has at most ${MAX_SIZE.forwardTo} characters.`)
  .regex(EMAIL_ADDRESS_PATTERN, "Enter an address such as someone@example.com.");
