import { z } from "zod";
import { PANEL_PASSWORD_MAX, PANEL_PASSWORD_MIN } from "./password-policy";

/**
 * Sign-in and account forms: the same schemas run in the browser and in the server actions.
 * Panel passwords (for Mailpak's own users) are not mailbox passwords; those rules are in
 * enom-rules.ts. The panel password policy is in password-policy.ts.
 */
export { PANEL_PASSWORD_MAX, PANEL_PASSWORD_MIN };

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter a valid email address."))
  .transform((value) => value.toLowerCase());

/**
 * A new panel password's length, checked in the browser and by the action's schema. The rest of
 * the policy (not guessable, not the person's email, name or the product's name) needs zxcvbn and
 * the person's details: the action calls `checkPasswordAgainst(password, inputs)` after parsing.
 */
export const panelPasswordSchema = z
  .string()
  .min(PANEL_PASSWORD_MIN, `Use at least ${PANEL_PASSWORD_MIN} characters.`)
  .max(PANEL_PASSWORD_MAX, `Use at most ${PANEL_PASSWORD_MAX} characters.`);

export const personNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name.")
  .max(100, "A name has at most 100 characters.");

// Apps show the code as "123 456"; people copy it with the space.
export const totpCodeSchema = z
  .string()
  .max(20, "Enter the 6-digit code from your authenticator app.")
  .transform((value) => value.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."));

export const recoveryCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/, "Enter a recovery code like ABCDE-12345.");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(PANEL_PASSWORD_MAX),
  // The second step of a two-factor sign-in: either an app code or a recovery code.
  otp: z.string().trim().max(20).optional().default(""),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** Checking the current password: the same cap as sign-in, so nobody hashes a megabyte. */
const currentPasswordSchema = z.string().min(1, "Enter your current password.").max(PANEL_PASSWORD_MAX);

export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: panelPasswordSchema,
    confirmPassword: z.string().max(PANEL_PASSWORD_MAX),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match.",
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const confirmTotpSchema = z.object({ code: totpCodeSchema });
export type ConfirmTotpInput = z.infer<typeof confirmTotpSchema>;

export const regenerateRecoveryCodesSchema = z.object({ code: totpCodeSchema });
export type RegenerateRecoveryCodesInput = z.infer<typeof regenerateRecoveryCodesSchema>;

export const disableTotpSchema = z.object({ currentPassword: currentPasswordSchema });
export type DisableTotpInput = z.infer<typeof disableTotpSchema>;

/** Turning two-factor sign-in on starts with the current password, as turning it off does. */
export const startTotpEnrollmentSchema = z.object({ currentPassword: currentPasswordSchema });
export type StartTotpEnrollmentInput = z.infer<typeof startTotpEnrollmentSchema>;
