import { z } from "zod";
import { emailSchema } from "./account";
import { linkTokenSchema, newPasswordFields, passwordsMatch, PASSWORDS_DIFFER } from "./team";

/** "Forgot your password?": the request form and the new-password form behind the emailed link. */

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 60;

/** The request's one answer, whether or not the address has an account. */
export const REQUEST_ANSWER =
  "If an account uses that address, we have sent it a link to choose a new password. The link works for 1 hour; check your spam folder if it does not arrive.";

export const requestPasswordResetSchema = z.object({ email: emailSchema });
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetSchema>;

export const resetPasswordSchema = z
  .object({ token: linkTokenSchema, ...newPasswordFields })
  .refine(passwordsMatch, PASSWORDS_DIFFER);
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
