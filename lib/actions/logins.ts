import "server-only";
import { getBranding } from "@/lib/branding/settings";
import { checkPasswordAgainst } from "@/lib/validation/password-policy";
import { revalidatePath } from "next/cache";
import type { AuditEntry } from "@/lib/audit";
import { isDemoEmail } from "@/lib/auth/demo";
import { NotFoundError } from "@/lib/auth/errors";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/password";
import { isStaffRole } from "@/lib/auth/permissions";
import { requireCustomerManager, requireUserManager } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { findCustomer } from "@/lib/customers/queries";
import { findUserById, findUserByEmail, insertUserUnlessEmailTaken } from "@/lib/users/queries";
import type { CustomerRow, Role, UserRow } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import type { PasswordMode, TemporaryPasswordResult } from "@/lib/validation/users";
import type { BoundAudit } from "./builder";
import type { ActionResult } from "./result";

/** The failing half of ActionResult, so that returning it leaves the success type to the action. */
export type ActionFailure = Extract<ActionResult, { ok: false }>;

/**
 * What the user and customer actions share. Not a "use server" file: nothing here may be called
 * from the browser. Who manages whom:
 *   - admins manage everyone: staff users, other admins and customers' logins;
 *   - staff manage customers and their logins, never staff users or admins;
 *   - a customer's login manages none of this, and is told "not found", as for any staff area.
 */

export const DUPLICATE_EMAIL = "A user with this email already exists.";
export const LAST_ADMIN =
  "This is the last active admin. Make another user an admin first, so that someone can still manage users and settings.";

export function actorOf(user: SessionUser): AuditEntry["actor"] {
  return { id: user.id, email: user.email, role: user.role };
}

export async function loadManagedCustomer(actor: SessionUser, customerId: string): Promise<CustomerRow> {
  requireCustomerManager(actor);
  const customer = await findCustomer(customerId);
  if (!customer) throw new NotFoundError("That customer");
  return customer;
}

/**
 * The user an action is about, if the actor may manage them: a customer's login needs
 * `customers.manage` (admins and staff), a staff user or admin needs `users.manage` (admins).
 */
export async function loadManagedUser(actor: SessionUser, userId: string): Promise<UserRow> {
  if (!isStaffRole(actor.role)) throw new NotFoundError("That user");
  const target = await findUserById(userId);
  if (!target) throw new NotFoundError("That user");
  if (target.role === "customer") requireCustomerManager(actor);
  else requireUserManager(actor);
  return target;
}

/** The pages that show a user: the Users page, or their customer's page and the customer list. */
export function revalidateUserPages(user: Pick<UserRow, "role" | "customerId">): void {
  if (user.customerId) {
    revalidatePath(`/customers/${user.customerId}`);
    revalidatePath("/customers");
  } else {
    revalidatePath("/users");
  }
}

/** A change the panel's own rules forbid: recorded as a failed attempt, explained to the user. */
export async function refuse(
  audit: BoundAudit,
  entry: Omit<AuditEntry, "actor" | "action" | "outcome" | "summary"> & { action?: string },
  message: string,
): Promise<ActionFailure> {
  await audit({ ...entry, outcome: "failed", summary: `Refused: ${message}` });
  return { ok: false, message };
}

export function describeUser(user: Pick<UserRow, "name" | "email">): string {
  return `${user.name} (${user.email})`;
}

const ROLE_WORDS: Record<Role, string> = {
  admin: "admin",
  staff: "staff user",
  support: "support user",
  customer: "customer login",
};

/**
 * Adds a login with a temporary password: generated (and handed back once, to show to whoever
 * made it) or chosen by them. The password goes nowhere else: not in the audit log, not in logs.
 */
export async function createLogin(
  input: {
    email: string;
    name: string;
    role: Role;
    customer: CustomerRow | null;
    passwordMode: PasswordMode;
    password: string;
  },
  /** The creating action's audit (user.create, customer.create-login). */
  audit: BoundAudit,
): Promise<ActionResult<TemporaryPasswordResult>> {
  const invalid = (message: string): ActionFailure => ({
    ok: false,
    message: "Please correct the highlighted fields.",
    fieldErrors: { email: [message] },
  });
  // The demo's addresses sign in only on a demo panel; creating one elsewhere would be a dead login.
  if (isDemoEmail(input.email) && getEnv().MAILPAK_DEMO !== "1") {
    return invalid("Addresses at demo.test work only on a demo panel; use a real address.");
  }
  if (await findUserByEmail(input.email)) return invalid(DUPLICATE_EMAIL);
  if (input.passwordMode === "choose") {
    const weakness = await checkPasswordAgainst(input.password, [
      input.email,
      input.name,
      input.customer?.name,
      (await getBranding()).productName,
    ]);
    if (weakness)
      return {
        ok: false,
        message: "Please correct the highlighted fields.",
        fieldErrors: { password: [weakness] },
      };
  }

  const temporaryPassword = input.passwordMode === "generate" ? generateTemporaryPassword() : null;
  const row = await insertUserUnlessEmailTaken({
    email: input.email,
    name: input.name,
    role: input.role,
    customerId: input.customer?.id ?? null,
    passwordHash: await hashPassword(temporaryPassword ?? input.password),
    // Logins the reseller makes for a customer run that customer's team; colleagues join by invitation.
    customerAdmin: input.role === "customer",
  });
  if (!row) return invalid(DUPLICATE_EMAIL);

  const forCustomer = input.customer ? ` for ${input.customer.name}` : "";
  await audit({
    outcome: "ok",
    summary: `Added ${ROLE_WORDS[input.role]} ${describeUser(row)}${forCustomer}, with a temporary password ${temporaryPassword ? "generated by Mailpak" : "chosen by the creator"}`,
    targetUserId: row.id,
    targetCustomerId: input.customer?.id ?? null,
    details: { email: row.email, role: row.role },
  });
  revalidateUserPages(row);
  return {
    ok: true,
    data: { userId: row.id, email: row.email, temporaryPassword },
    message: temporaryPassword
      ? `${row.email} can now sign in with the temporary password below. It is shown only this once.`
      : `${row.email} can now sign in with the password you chose.`,
  };
}
