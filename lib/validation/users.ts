import { z } from "zod";
import { emailSchema, PANEL_PASSWORD_MAX, panelPasswordSchema, personNameSchema } from "./account";

/**
 * The Users page and the logins of a customer: the same schemas check the forms in the browser
 * and the server actions' input. Browser code imports this file, so it holds no server code.
 */

export const STAFF_ROLES = ["admin", "staff", "support"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  admin: "Admin: everything, including users and settings",
  staff: "Staff: domains, mailboxes, customers and the audit log",
  support: "Support: sees what staff see and previews portals, changes nothing",
};

/** The short name of a staff role, for tables and messages. */
export const STAFF_ROLE_NAMES: Record<StaffRole, string> = {
  admin: "Admin",
  staff: "Staff",
  support: "Support",
};

export const userIdSchema = z.uuid("That user was not found.");

/** A form that names one user and nothing else (disable, enable, reset, unlock, sign out). */
export const userTargetSchema = z.object({ userId: userIdSchema });
export type UserTargetInput = z.infer<typeof userTargetSchema>;

/**
 * How a new login gets its first password: generated and shown once to whoever creates it, or
 * chosen by them (to read out over the phone, say). Either way it is a temporary password.
 */
export const PASSWORD_MODES = ["generate", "choose"] as const;
export type PasswordMode = (typeof PASSWORD_MODES)[number];

const newLoginFields = {
  email: emailSchema,
  name: personNameSchema,
  passwordMode: z.enum(PASSWORD_MODES, "Choose how the password is set.").default("generate"),
  password: z
    .string()
    .max(PANEL_PASSWORD_MAX, `Use at most ${PANEL_PASSWORD_MAX} characters.`)
    .optional()
    .default(""),
};

/** The chosen password is checked only when the person chose one; a generated one needs nothing. */
function checkChosenPassword(
  value: { passwordMode: PasswordMode; password: string },
  context: z.RefinementCtx,
): void {
  if (value.passwordMode !== "choose") return;
  const checked = panelPasswordSchema.safeParse(value.password);
  if (!checked.success) {
    for (const issue of checked.error.issues)
      context.addIssue({ code: "custom", path: ["password"], message: issue.message });
  }
}

export const createStaffUserSchema = z
  .object({ ...newLoginFields, role: z.enum(STAFF_ROLES, "Choose admin, staff or support.") })
  .superRefine(checkChosenPassword);
export type CreateStaffUserInput = z.infer<typeof createStaffUserSchema>;

export const createCustomerLoginSchema = z
  .object({ ...newLoginFields, customerId: z.uuid("That customer was not found.") })
  .superRefine(checkChosenPassword);
export type CreateCustomerLoginInput = z.infer<typeof createCustomerLoginSchema>;

export const changeUserRoleSchema = z.object({
  userId: userIdSchema,
  role: z.enum(STAFF_ROLES, "Choose admin, staff or support."),
});
export type ChangeUserRoleInput = z.infer<typeof changeUserRoleSchema>;

/** What a new login or a reset hands back once: the password, never stored or logged in clear. */
export interface TemporaryPasswordResult {
  userId: string;
  email: string;
  /** Present only when Mailpak generated it; a chosen password is not sent back. */
  temporaryPassword: string | null;
}
