import { z } from "zod";
import { emailSchema } from "@/lib/validation/account";
import { INVITATION_DAYS } from "@/lib/validation/team";

/**
 * Staff invite a customer's login by email from the customer's page, instead of typing a
 * temporary password: the invitee chooses their own password from the emailed link and joins as
 * an administrator of the customer's team (as a login staff add by hand does). The same schema
 * checks the form in the browser and the action's input. Browser-safe: no server imports.
 */
export const inviteCustomerLoginSchema = z.object({
  customerId: z.uuid("That customer was not found."),
  email: emailSchema,
  /** Optional: the invitee confirms or corrects it when accepting. */
  name: z.string().trim().max(100, "A name has at most 100 characters.").optional().default(""),
});
export type InviteCustomerLoginInput = z.input<typeof inviteCustomerLoginSchema>;

export const CUSTOMER_INVITE_EXPLAINED = `They get an email with a link to choose their own password; it works once, for ${INVITATION_DAYS} days. They join as an administrator of the customer's team.`;
