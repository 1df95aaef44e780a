"use server";

import { NotFoundError } from "@/lib/auth/errors";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/password";
import { getSignInLimiters } from "@/lib/auth/rate-limit";
import { bumpSessionVersion, updateUser, updateUserKeepingAnAdmin } from "@/lib/users/queries";
import type { UserRow } from "@/lib/db/schema";
import { withdrawInvitationsOf } from "@/lib/team/withdraw";
import {
  changeUserRoleSchema,
  createStaffUserSchema,
  userTargetSchema,
  type StaffRole,
  type TemporaryPasswordResult,
} from "@/lib/validation/users";
import { requireUserManager } from "@/lib/auth/guards";
import {
  actorOf,
  createLogin,
  describeUser,
  LAST_ADMIN,
  loadManagedUser,
  refuse,
  revalidateUserPages,
} from "./logins";
import type { ActionResult } from "./result";
import { userAction } from "./builder";

/**
 * Server actions of the Users page, also used for customers' logins on a customer's page.
 * Admins manage everyone; staff manage customers' logins only (see `loadManagedUser`). Every
 * change is audited; refused attempts too (by the envelope, or by `refuse` for the panel's rules).
 */

/** Adds an admin or staff user (admins only). */
export const createStaffUserAction = userAction(
  { name: "user.create", schema: createStaffUserSchema },
  async (data, { user: actor, audit }): Promise<ActionResult<TemporaryPasswordResult>> => {
    requireUserManager(actor);
    return createLogin({ ...data, customer: null }, audit);
  },
);

export const disableUserAction = userAction(
  { name: "user.disable", schema: userTargetSchema },
  async ({ userId }, { user: actor, audit }): Promise<ActionResult> => {
    const target = await loadManagedUser(actor, userId);
    const about = aboutUser(target);
    if (target.id === actor.id)
      return refuse(audit, about, "You cannot disable your own account; ask another admin.");
    const outcome = await updateUserKeepingAnAdmin(target.id, { disabled: true });
    if (outcome === "not-found") throw new NotFoundError("That user");
    if (outcome === "last-admin") return refuse(audit, about, LAST_ADMIN);
    await audit({ ...about, outcome: "ok", summary: `Disabled ${describeUser(target)}` });
    await withdrawInvitationsOf(actorOf(actor), target, "disabled");
    revalidateUserPages(target);
    return {
      ok: true,
      data: undefined,
      message: `${target.email} is disabled: they are signed out and cannot sign in.`,
    };
  },
);

export const enableUserAction = userAction(
  { name: "user.enable", schema: userTargetSchema },
  async ({ userId }, { user: actor, audit }): Promise<ActionResult> => {
    const target = await loadManagedUser(actor, userId);
    // Sessions from before the user was disabled stay ended (a new session version).
    await bumpSessionVersion(target.id, { disabled: false });
    await audit({ ...aboutUser(target), outcome: "ok", summary: `Enabled ${describeUser(target)}` });
    revalidateUserPages(target);
    return { ok: true, data: undefined, message: `${target.email} can sign in again.` };
  },
);

/** A new temporary password, shown once; every session of the user ends. */
export const resetUserPasswordAction = userAction(
  { name: "user.reset-password", schema: userTargetSchema },
  async ({ userId }, { user: actor, audit }): Promise<ActionResult<TemporaryPasswordResult>> => {
    const target = await loadManagedUser(actor, userId);
    const about = aboutUser(target);
    // Your own password is changed on My account, where the current one is asked for first.
    if (target.id === actor.id) return refuse(audit, about, "To change your own password, use My account.");
    const temporaryPassword = generateTemporaryPassword();
    await bumpSessionVersion(target.id, { passwordHash: await hashPassword(temporaryPassword) });
    await audit({
      ...about,
      outcome: "ok",
      summary: `Reset the password of ${describeUser(target)} to a generated temporary one and signed them out everywhere`,
    });
    await withdrawInvitationsOf(actorOf(actor), target, "password reset");
    revalidateUserPages(target);
    return {
      ok: true,
      data: { userId: target.id, email: target.email, temporaryPassword },
      message: `${target.email} is signed out everywhere. Give them the temporary password below; it is shown only this once.`,
    };
  },
);

/** Who a user action is about, for its audit entry. */
function aboutUser(target: Pick<UserRow, "id" | "customerId">) {
  return { targetUserId: target.id, targetCustomerId: target.customerId };
}

/** Admin or staff, between staff users only (admins only); the last active admin stays an admin. */
const ROLE_PHRASES: Record<StaffRole, string> = {
  admin: "an admin",
  staff: "staff",
  support: "support (read-only)",
};

export const changeUserRoleAction = userAction(
  { name: "user.change-role", schema: changeUserRoleSchema },
  async ({ userId, role }, { user: actor, audit }): Promise<ActionResult> => {
    requireUserManager(actor);
    const target = await loadManagedUser(actor, userId);
    const about = aboutUser(target);
    if (target.role === "customer") {
      return refuse(audit, about, "A customer's login cannot have a staff role; add a staff user instead.");
    }
    if (target.role === role)
      return {
        ok: true,
        data: undefined,
        message: `${target.email} is already ${ROLE_PHRASES[role]}.`,
      };
    const outcome = await updateUserKeepingAnAdmin(target.id, { role });
    if (outcome === "not-found") throw new NotFoundError("That user");
    if (outcome === "last-admin") return refuse(audit, about, LAST_ADMIN);
    await audit({
      ...about,
      outcome: "ok",
      summary: `Changed the role of ${describeUser(target)} from ${target.role} to ${role}`,
      details: { from: target.role, to: role },
    });
    revalidateUserPages(target);
    return {
      ok: true,
      data: undefined,
      message: `${target.email} is now ${ROLE_PHRASES[role]}.`,
    };
  },
);

/** Ends every session of the user at their next request; their password stays the same. */
export const signOutEverywhereAction = userAction(
  { name: "user.sign-out-everywhere", schema: userTargetSchema },
  async ({ userId }, { user: actor, audit }): Promise<ActionResult> => {
    const target = await loadManagedUser(actor, userId);
    await bumpSessionVersion(target.id);
    await audit({
      outcome: "ok",
      summary: `Signed ${describeUser(target)} out everywhere`,
      targetUserId: target.id,
      targetCustomerId: target.customerId,
    });
    revalidateUserPages(target);
    const self = target.id === actor.id ? " That includes this session." : "";
    return { ok: true, data: undefined, message: `${target.email} is signed out on every device.${self}` };
  },
);

/** Lifts a lockout after repeated failed sign-ins, in the database and in the sign-in limiter. */
export const unlockUserAction = userAction(
  { name: "user.unlock", schema: userTargetSchema },
  async ({ userId }, { user: actor, audit }): Promise<ActionResult> => {
    const target = await loadManagedUser(actor, userId);
    await updateUser(target.id, { failedSignIns: 0, lockedUntil: null });
    // The limiter, keyed by email, is what actually refuses the sign-in.
    await getSignInLimiters().account.delete(target.email);
    await audit({
      outcome: "ok",
      summary: `Unlocked ${describeUser(target)} after failed sign-ins`,
      targetUserId: target.id,
      targetCustomerId: target.customerId,
    });
    revalidateUserPages(target);
    return { ok: true, data: undefined, message: `${target.email} can try to sign in again.` };
  },
);
