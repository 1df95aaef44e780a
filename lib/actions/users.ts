"use server";

import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/auth/errors";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/password";
import { getSignInLimiters } from "@/lib/auth/rate-limit";
import { bumpSessionVersion, updateUser, updateUserKeepingAnAdmin } from "@/lib/db/queries/users";
import { withdrawInvitationsOf } from "@/lib/team/withdraw";
import {
  changeUserRoleSchema,
  createStaffUserSchema,
  userTargetSchema,
  type StaffRole,
  type TemporaryPasswordResult,
} from "@/lib/validation/users";
import {
  actorOf,
  createLogin,
  describeUser,
  LAST_ADMIN,
  loadManagedUser,
  refuse,
  requireUserManager,
  revalidateUserPages,
} from "./logins";
import type { ActionResult } from "./result";
import { runAction } from "./safe-action";

/**
 * Server actions of the Users page, also used for customers' logins on a customer's page.
 * Admins manage everyone; staff manage customers' logins only (see `loadManagedUser`). Every
 * change is audited; refused attempts too (by the envelope, or by `refuse` for the panel's rules).
 */

/** Adds an admin or staff user (admins only). */
export async function createStaffUserAction(input: unknown): Promise<ActionResult<TemporaryPasswordResult>> {
  return runAction({ name: "user.create", schema: createStaffUserSchema }, input, async (data, actor) => {
    requireUserManager(actor);
    return createLogin(actor, { ...data, customer: null }, "user.create");
  });
}

export async function disableUserAction(input: unknown): Promise<ActionResult> {
  return runAction({ name: "user.disable", schema: userTargetSchema }, input, async ({ userId }, actor) => {
    const target = await loadManagedUser(actor, userId);
    const audit = { action: "user.disable", targetUserId: target.id, targetCustomerId: target.customerId };
    if (target.id === actor.id)
      return refuse(actor, audit, "You cannot disable your own account; ask another admin.");
    const outcome = await updateUserKeepingAnAdmin(target.id, { disabled: true });
    if (outcome === "not-found") throw new NotFoundError("That user");
    if (outcome === "last-admin") return refuse(actor, audit, LAST_ADMIN);
    await recordAudit({
      ...audit,
      actor: actorOf(actor),
      outcome: "ok",
      summary: `Disabled ${describeUser(target)}`,
    });
    await withdrawInvitationsOf(actorOf(actor), target, "disabled");
    revalidateUserPages(target);
    return {
      ok: true,
      data: undefined,
      message: `${target.email} is disabled: they are signed out and cannot sign in.`,
    };
  });
}

export async function enableUserAction(input: unknown): Promise<ActionResult> {
  return runAction({ name: "user.enable", schema: userTargetSchema }, input, async ({ userId }, actor) => {
    const target = await loadManagedUser(actor, userId);
    // Sessions from before the user was disabled stay ended (a new session version).
    await bumpSessionVersion(target.id, { disabled: false });
    await recordAudit({
      actor: actorOf(actor),
      action: "user.enable",
      outcome: "ok",
      summary: `Enabled ${describeUser(target)}`,
      targetUserId: target.id,
      targetCustomerId: target.customerId,
    });
    revalidateUserPages(target);
    return { ok: true, data: undefined, message: `${target.email} can sign in again.` };
  });
}

/** A new temporary password, shown once; every session of the user ends. */
export async function resetUserPasswordAction(
  input: unknown,
): Promise<ActionResult<TemporaryPasswordResult>> {
  return runAction(
    { name: "user.reset-password", schema: userTargetSchema },
    input,
    async ({ userId }, actor) => {
      const target = await loadManagedUser(actor, userId);
      const audit = {
        action: "user.reset-password",
        targetUserId: target.id,
        targetCustomerId: target.customerId,
      };
      // Your own password is changed on My account, where the current one is asked for first.
      if (target.id === actor.id) return refuse(actor, audit, "To change your own password, use My account.");
      const temporaryPassword = generateTemporaryPassword();
      await bumpSessionVersion(target.id, { passwordHash: await hashPassword(temporaryPassword) });
      await recordAudit({
        ...audit,
        actor: actorOf(actor),
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
}

/** Admin or staff, between staff users only (admins only); the last active admin stays an admin. */
const ROLE_PHRASES: Record<StaffRole, string> = {
  admin: "an admin",
  staff: "staff",
  support: "support (read-only)",
};

export async function changeUserRoleAction(input: unknown): Promise<ActionResult> {
  return runAction(
    { name: "user.change-role", schema: changeUserRoleSchema },
    input,
    async ({ userId, role }, actor) => {
      requireUserManager(actor);
      const target = await loadManagedUser(actor, userId);
      const audit = {
        action: "user.change-role",
        targetUserId: target.id,
        targetCustomerId: target.customerId,
      };
      if (target.role === "customer") {
        return refuse(actor, audit, "A customer's login cannot have a staff role; add a staff user instead.");
      }
      if (target.role === role)
        return {
          ok: true,
          data: undefined,
          message: `${target.email} is already ${ROLE_PHRASES[role]}.`,
        };
      const outcome = await updateUserKeepingAnAdmin(target.id, { role });
      if (outcome === "not-found") throw new NotFoundError("That user");
      if (outcome === "last-admin") return refuse(actor, audit, LAST_ADMIN);
      await recordAudit({
        ...audit,
        actor: actorOf(actor),
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
}

/** Ends every session of the user at their next request; their password stays the same. */
export async function signOutEverywhereAction(input: unknown): Promise<ActionResult> {
  return runAction(
    { name: "user.sign-out-everywhere", schema: userTargetSchema },
    input,
    async ({ userId }, actor) => {
      const target = await loadManagedUser(actor, userId);
      await bumpSessionVersion(target.id);
      await recordAudit({
        actor: actorOf(actor),
        action: "user.sign-out-everywhere",
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
}

/** Lifts a lockout after repeated failed sign-ins, in the database and in the sign-in limiter. */
export async function unlockUserAction(input: unknown): Promise<ActionResult> {
  return runAction({ name: "user.unlock", schema: userTargetSchema }, input, async ({ userId }, actor) => {
    const target = await loadManagedUser(actor, userId);
    await updateUser(target.id, { failedSignIns: 0, lockedUntil: null });
    // The limiter, keyed by email, is what actually refuses the sign-in.
    await getSignInLimiters().account.delete(target.email);
    await recordAudit({
      actor: actorOf(actor),
      action: "user.unlock",
      outcome: "ok",
      summary: `Unlocked ${describeUser(target)} after failed sign-ins`,
      targetUserId: target.id,
      targetCustomerId: target.customerId,
    });
    revalidateUserPages(target);
    return { ok: true, data: undefined, message: `${target.email} can try to sign in again.` };
  });
}
