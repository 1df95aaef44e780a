import { z } from "zod";
import { emailSchema, PANEL_PASSWORD_MAX, panelPasswordSchema, personNameSchema } from "./account";

/**
 * The portal's Team page and the invitation page: the same schemas check the forms in the browser
 * and the server actions' input. Browser code imports this file, so it holds no server code.
 */

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

export const inviteColleagueSchema = z.object({
  email: emailSchema,
  /** Optional: the colleague confirms or corrects it when accepting. */
  name: z.string().trim().max(100, "A name has at most 100 characters.").optional().default(""),
  /** A checkbox ("on" when ticked): the colleague joins as an administrator of the team. */
  admin: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
});
export type InviteColleagueInput = z.infer<typeof inviteColleagueSchema>;

export const invitationTargetSchema = z.object({ invitationId: z.uuid("That invitation was not found.") });
export const colleagueTargetSchema = z.object({ userId: z.uuid("That colleague was not found.") });
/** Make a colleague an administrator of the team (true) or a member (false). */
export const colleagueAdminSchema = z.object({
  userId: z.uuid("That colleague was not found."),
  admin: z.boolean(),
});
/** Staff withdraw a customer's invitation from the customer's page. */
export const customerInvitationTargetSchema = z.object({
  customerId: z.uuid("That customer was not found."),
  invitationId: z.uuid("That invitation was not found."),
});

/** A new password, typed twice (accepting an invitation, resetting a forgotten password). */
export const newPasswordFields = {
  password: panelPasswordSchema,
  confirm: z.string().max(PANEL_PASSWORD_MAX),
};

export function passwordsMatch(value: { password: string; confirm: string }): boolean {
  return value.password === value.confirm;
}
export const PASSWORDS_DIFFER = { path: ["confirm"], message: "The two passwords do not match." };

/** Links carry 43 base64url characters; anything else is refused before any lookup. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid.");

export const acceptInvitationSchema = z
  .object({ token: linkTokenSchema, name: personNameSchema, ...newPasswordFields })
  .refine(passwordsMatch, PASSWORDS_DIFFER);
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;
