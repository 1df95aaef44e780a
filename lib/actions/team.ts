"use server";

import { revalidatePath } from "next/cache";
import { getBranding } from "@/lib/branding/settings";
import { checkPasswordAgainst } from "@/lib/validation/password-policy";
import { recordAudit } from "@/lib/audit";
import { isDemoEmail } from "@/lib/auth/demo";
import { NotFoundError } from "@/lib/auth/errors";
import { hashPassword } from "@/lib/auth/password";
import { findUserByEmail } from "@/lib/users/queries";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { requireTeamAdmin, type TeamAdmin } from "@/lib/auth/guards";
import { sendInvitationEmail } from "@/lib/team/emails";
import {
  acceptInvitation,
  createInvitation,
  deleteInvitation,
  findLiveInvitation,
  findOpenInvitation,
  lookUpInvitation,
  renewInvitation,
  restoreInvitation,
  revokeInvitation,
} from "@/lib/team/invitations";
import { takeInvitePoint } from "@/lib/team/invite-limits";
import { removeColleague, setColleagueAdmin } from "@/lib/team/members";
import { inviteCustomerLoginSchema } from "@/lib/team/customer-invite-model";
import type { CustomerRow } from "@/lib/db/schema";
import {
  acceptInvitationSchema,
  colleagueAdminSchema,
  colleagueTargetSchema,
  customerInvitationTargetSchema,
  invitationTargetSchema,
  inviteColleagueSchema,
} from "@/lib/validation/team";
import { publicAction, userAction, type BoundAudit } from "./builder";
import { DUPLICATE_EMAIL, loadManagedCustomer } from "./logins";
import type { ActionResult } from "./result";

/**
 * The portal's Team page: a customer's administrator invites colleagues of the same customer
 * (an emailed link with an expiry), makes them administrators or members, and removes them. Every action re-reads the caller's rights
 * (`requireTeamAdmin`) and touches only rows of the caller's own customer; anything else is
 * "not found", refused and audited by the envelope.
 */

const TEAM_PATH = "/portal/team";

export type InvitationSent = { invitationId: string; email: string; expiresAt: string };

export const inviteColleagueAction = userAction(
  { name: "team.invite", schema: inviteColleagueSchema },
  async (data, { user, audit }): Promise<ActionResult<InvitationSent>> => {
    const team = await requireTeamAdmin(user);
    const { problem: emailProblem, hasSignIn } = await emailProblemOf(team, data.email);
    if (emailProblem) {
      return {
        ok: false,
        message: "Please correct the highlighted fields.",
        fieldErrors: { email: [emailProblem] },
      };
    }
    const limited = await takeInvitePoint(team.admin.id, data.email);
    if (limited) return refuseLimited(audit, team, data.email, limited);
    // An address that already signs in somewhere gets the same answer, and an email of the same
    // weight: the form must not tell a customer who has an account here.
    const { invitation, token } = await createInvitation({
      customerId: team.customer.id,
      email: data.email,
      name: data.name,
      invitedBy: team.admin.id,
      asAdmin: data.admin,
    });
    const about = teamTarget(team);
    try {
      await sendInvitationEmail(invitation, token, {
        inviterName: team.admin.name,
        customerName: team.customer.name,
        addressHasSignIn: hasSignIn,
      });
    } catch (error) {
      // Without its email the invitation is useless; keep nothing the admin cannot see working.
      await deleteInvitation(invitation.id);
      logger.error({ err: error, action: "team.invite" }, "invitation email failed");
      await audit({
        ...about,
        outcome: "failed",
        summary: `Invitation of ${data.email} not made: the email could not be sent`,
        details: { email: data.email },
      });
      return {
        ok: false,
        message: "The invitation email could not be sent, so nobody was invited. Try again in a moment.",
      };
    }
    await audit({
      ...about,
      outcome: "ok",
      summary: `Invited ${data.email} to the portal of ${team.customer.name}${data.admin ? " as an administrator" : ""}`,
      details: {
        email: data.email,
        invitationId: invitation.id,
        asAdmin: data.admin,
        expiresAt: invitation.expiresAt.toISOString(),
        // For the reseller's eyes only: the customer is told the same either way.
        ...(hasSignIn ? { addressHasSignIn: true } : {}),
      },
    });
    revalidatePath(TEAM_PATH);
    return {
      ok: true,
      data: {
        invitationId: invitation.id,
        email: invitation.email,
        expiresAt: invitation.expiresAt.toISOString(),
      },
      message: `Invitation sent to ${invitation.email}.`,
    };
  },
);

/** A new link for an open invitation (also one that expired); the previous link stops working. */
export const resendInvitationAction = userAction(
  { name: "team.invite-resend", schema: invitationTargetSchema },
  async ({ invitationId }, { user, audit }): Promise<ActionResult<InvitationSent>> => {
    const team = await requireTeamAdmin(user);
    const before = await findOpenInvitation(team.customer.id, invitationId);
    if (!before) throw new NotFoundError("That invitation");
    const limited = await takeInvitePoint(team.admin.id, before.email);
    if (limited) return refuseLimited(audit, team, before.email, limited);
    // As when inviting: the same answer whether or not the address has a sign-in by now.
    const hasSignIn = Boolean(await findUserByEmail(before.email));
    const renewed = await renewInvitation(team.customer.id, invitationId, team.admin.id);
    if (!renewed) throw new NotFoundError("That invitation");
    const about = teamTarget(team);
    try {
      await sendInvitationEmail(renewed.invitation, renewed.token, {
        inviterName: team.admin.name,
        customerName: team.customer.name,
        addressHasSignIn: hasSignIn,
      });
    } catch (error) {
      await restoreInvitation(before);
      logger.error({ err: error, action: "team.invite-resend" }, "invitation email failed");
      await audit({
        ...about,
        outcome: "failed",
        summary: `Invitation of ${before.email} not resent: the email could not be sent`,
        details: { email: before.email, invitationId },
      });
      return {
        ok: false,
        message: "The email could not be sent; the invitation is unchanged. Try again in a moment.",
      };
    }
    await audit({
      ...about,
      outcome: "ok",
      summary: `Sent the invitation of ${before.email} again, with a new link`,
      details: { email: before.email, invitationId, expiresAt: renewed.invitation.expiresAt.toISOString() },
    });
    revalidatePath(TEAM_PATH);
    return {
      ok: true,
      data: {
        invitationId,
        email: renewed.invitation.email,
        expiresAt: renewed.invitation.expiresAt.toISOString(),
      },
      message: `A new invitation was sent to ${renewed.invitation.email}; the earlier link no longer works.`,
    };
  },
);

export const revokeInvitationAction = userAction(
  { name: "team.invite-revoke", schema: invitationTargetSchema },
  async ({ invitationId }, { user, audit }): Promise<ActionResult> => {
    const team = await requireTeamAdmin(user);
    const invitation = await findOpenInvitation(team.customer.id, invitationId);
    if (!invitation || !(await revokeInvitation(team.customer.id, invitationId)))
      throw new NotFoundError("That invitation");
    await audit({
      ...teamTarget(team),
      outcome: "ok",
      summary: `Withdrew the invitation of ${invitation.email}`,
      details: { email: invitation.email, invitationId },
    });
    revalidatePath(TEAM_PATH);
    return { ok: true, data: undefined, message: `The invitation of ${invitation.email} was withdrawn.` };
  },
);

/** Deletes a colleague's login; their sessions end at their next request. */
export const removeColleagueAction = userAction(
  { name: "team.remove", schema: colleagueTargetSchema },
  async ({ userId }, { user, audit }): Promise<ActionResult> => {
    const team = await requireTeamAdmin(user);
    const outcome = await removeColleague(team.customer.id, team.admin.id, userId);
    if (outcome.kind === "not-found") throw new NotFoundError("That colleague");
    const about = { ...teamTarget(team), targetUserId: userId };
    if (outcome.kind === "self" || outcome.kind === "last-admin") {
      const message =
        outcome.kind === "self"
          ? "You cannot remove yourself. Ask another administrator of your team."
          : "This is your team's last administrator; it cannot be removed.";
      await audit({ ...about, outcome: "failed", summary: `Refused: ${message}` });
      return { ok: false, message };
    }
    const removed = outcome.user;
    await audit({
      ...about,
      outcome: "ok",
      summary: `Removed ${removed.name} (${removed.email}) from the portal of ${team.customer.name}; their sessions ended${withdrawnText(outcome.withdrawn)}`,
      details: {
        email: removed.email,
        name: removed.name,
        wasAdmin: removed.customerAdmin,
        withdrawnInvitations: outcome.withdrawn.map((invitation) => invitation.id),
      },
    });
    revalidatePath(TEAM_PATH);
    return {
      ok: true,
      data: undefined,
      message: `${removed.name} (${removed.email}) was removed and signed out.`,
    };
  },
);

/**
 * Makes a colleague an administrator of the team, or takes the role away (also from yourself,
 * while another administrator remains). The customer always keeps an active administrator.
 */
export const setColleagueAdminAction = userAction(
  { name: "team.set-admin", schema: colleagueAdminSchema },
  async ({ userId, admin }, { user, audit }): Promise<ActionResult> => {
    const team = await requireTeamAdmin(user);
    const outcome = await setColleagueAdmin(team.customer.id, userId, admin);
    if (outcome.kind === "not-found") throw new NotFoundError("That colleague");
    const action = admin ? "team.promote" : "team.demote";
    const about = { ...teamTarget(team), action, targetUserId: userId };
    if (outcome.kind === "last-admin" || outcome.kind === "disabled") {
      const message =
        outcome.kind === "last-admin"
          ? "Your team needs at least one administrator. Make someone else an administrator first."
          : "This colleague's sign-in is disabled by your provider; ask them to enable it first.";
      await audit({ ...about, outcome: "failed", summary: `Refused: ${message}` });
      return { ok: false, message };
    }
    const target = outcome.user;
    const self = target.id === team.admin.id;
    if (outcome.kind === "unchanged")
      return {
        ok: true,
        data: undefined,
        message: `${target.name} is already ${admin ? "an administrator" : "a member"}.`,
      };
    await audit({
      ...about,
      outcome: "ok",
      summary: admin
        ? `Made ${target.name} (${target.email}) an administrator of ${team.customer.name}'s team`
        : `Made ${target.name} (${target.email}) a member (no longer an administrator) of ${team.customer.name}'s team${withdrawnText(outcome.withdrawn)}`,
      details: {
        email: target.email,
        customerAdmin: admin,
        withdrawnInvitations: outcome.withdrawn.map((invitation) => invitation.id),
      },
    });
    revalidatePath(TEAM_PATH);
    return {
      ok: true,
      data: undefined,
      message: admin
        ? `${target.name} is now an administrator: they can invite, remove and promote colleagues.`
        : self
          ? "You are no longer an administrator of your team."
          : `${target.name} is no longer an administrator${outcome.withdrawn.length ? "; the invitations they sent were withdrawn" : ""}.`,
    };
  },
);

function withdrawnText(withdrawn: { email: string }[]): string {
  if (withdrawn.length === 0) return "";
  return `; withdrew the invitations they sent (${withdrawn.map((invitation) => invitation.email).join(", ")})`;
}

export type InvitationAccepted = { email: string };

/**
 * The invitee sets their name and password from the emailed link. Public (the invitee has no
 * session yet): the link's token is the only credential, checked and used up here.
 */
export const acceptInvitationAction = publicAction(
  {
    name: "team.invite-accept",
    schema: acceptInvitationSchema,
    // A broken link's token is nothing the invitee can correct: the link is not valid.
    invalid: (fieldErrors) => (fieldErrors.token ? INVALID_LINK : null),
  },
  async ({ token, name, password }): Promise<ActionResult<InvitationAccepted>> => {
    // A dead link costs no password hash: the public endpoint cannot be used to burn CPU.
    const lookup = await lookUpInvitation(token);
    const { state } = lookup;
    if (state === "pending") {
      const weakness = await checkPasswordAgainst(password, [
        lookup.invitation?.email,
        name,
        lookup.customerName,
        (await getBranding()).productName,
      ]);
      if (weakness)
        return {
          ok: false,
          message: "Please correct the highlighted fields.",
          fieldErrors: { password: [weakness] },
        };
    }
    const outcome =
      state === "pending"
        ? await acceptInvitation(token, { name, passwordHash: await hashPassword(password) })
        : { kind: state === "accepted" ? ("accepted-before" as const) : state };
    if (outcome.kind !== "accepted") {
      await recordAudit({
        actor: { id: null, email: "(invitation link)", role: "unknown" },
        action: "team.invite-accept",
        outcome: "failed",
        summary: `Invitation not accepted: ${outcome.kind}`,
      });
      return { ok: false, message: ACCEPT_REFUSED[outcome.kind] };
    }
    const { user, invitation } = outcome;
    await recordAudit({
      actor: { id: user.id, email: user.email, role: user.role },
      action: "team.invite-accept",
      outcome: "ok",
      summary: `Accepted the invitation and joined the customer's portal as ${user.name}${user.customerAdmin ? ", an administrator" : ""}`,
      targetUserId: user.id,
      targetCustomerId: invitation.customerId,
      details: { invitationId: invitation.id },
    });
    return { ok: true, data: { email: user.email }, message: "Welcome! Your sign-in is ready." };
  },
);

const INVALID_LINK = "This invitation link is not valid. Ask for a new invitation.";

const ACCEPT_REFUSED: Record<
  Exclude<Awaited<ReturnType<typeof acceptInvitation>>["kind"], "accepted">,
  string
> = {
  unknown: INVALID_LINK,
  expired: "This invitation has expired. Ask whoever invited you to send a new one.",
  "accepted-before": "This invitation was already used. Sign in with the password you chose.",
  revoked: "This invitation was withdrawn. Ask whoever invited you if you still need access.",
  "email-taken": "This email address already has a sign-in. Sign in with it, or reset its password.",
};

/**
 * Why an email cannot be invited, in words for the admin (null when it can), and whether it has a
 * sign-in elsewhere: that is never a problem the admin is told about (see the invite action).
 * What is said here the admin can see on the Team page anyway.
 */
async function emailProblemOf(
  team: TeamAdmin,
  email: string,
): Promise<{ problem: string | null; hasSignIn: boolean }> {
  // The demo's addresses sign in only on a demo panel.
  if (isDemoEmail(email) && getEnv().MAILPAK_DEMO !== "1")
    return {
      problem: "Addresses at demo.test work only on a demo panel; use a real address.",
      hasSignIn: false,
    };
  const existing = await findUserByEmail(email);
  if (existing?.customerId === team.customer.id)
    return { problem: "This colleague is already on your team.", hasSignIn: true };
  if (await findLiveInvitation(team.customer.id, email))
    return {
      problem: "This address already has an invitation waiting. Send it again from the list below.",
      hasSignIn: Boolean(existing),
    };
  return { problem: null, hasSignIn: Boolean(existing) };
}

async function refuseLimited(
  audit: BoundAudit,
  team: TeamAdmin,
  email: string,
  message: string,
): Promise<{ ok: false; message: string }> {
  await audit({
    ...teamTarget(team),
    outcome: "failed",
    summary: `Refused: ${message}`,
    details: { email, rateLimited: true },
  });
  return { ok: false, message };
}

/** The customer whose team an action changes, for its audit entry. */
function teamTarget(team: TeamAdmin) {
  return { targetCustomerId: team.customer.id };
}

// ── Staff inviting a customer's login ──────────────────────────────────────────────────────

function revalidateCustomerPage(customerId: string): void {
  revalidatePath(`/customers/${customerId}`);
  revalidatePath("/customers");
}

/**
 * Staff (admins and staff users; support changes nothing) invite a login of a customer by email
 * from the customer's page, instead of typing a temporary password: the invitation module above,
 * with the staff user as its sender, in the reseller's brand. The login it makes is an
 * administrator of the customer's team, as one staff add by hand. Staff see every login, so an
 * address that already signs in is told plainly here (unlike a customer's Team page).
 */
export const inviteCustomerLoginAction = userAction(
  { name: "customer.invite", schema: inviteCustomerLoginSchema },
  async (data, { user, audit }): Promise<ActionResult<InvitationSent>> => {
    const customer = await loadManagedCustomer(user, data.customerId);
    const emailProblem = await staffInviteProblem(customer, data.email);
    if (emailProblem)
      return {
        ok: false,
        message: "Please correct the highlighted fields.",
        fieldErrors: { email: [emailProblem] },
      };
    const about = { targetCustomerId: customer.id };
    const limited = await takeInvitePoint(user.id, data.email);
    if (limited) {
      await audit({
        ...about,
        outcome: "failed",
        summary: `Refused: ${limited}`,
        details: { email: data.email, rateLimited: true },
      });
      return { ok: false, message: limited };
    }
    const { invitation, token } = await createInvitation({
      customerId: customer.id,
      email: data.email,
      name: data.name,
      invitedBy: user.id,
      asAdmin: true,
    });
    try {
      await sendInvitationEmail(invitation, token, {
        inviterName: user.name,
        customerName: customer.name,
        addressHasSignIn: false,
      });
    } catch (error) {
      // Without its email the invitation is useless: nothing is kept that staff would see waiting.
      await deleteInvitation(invitation.id);
      logger.error({ err: error, action: "customer.invite" }, "invitation email failed");
      await audit({
        ...about,
        outcome: "failed",
        summary: `Invitation of ${data.email} to the portal of ${customer.name} not made: the email could not be sent`,
        details: { email: data.email },
      });
      return {
        ok: false,
        message: "The invitation email could not be sent, so nobody was invited. Try again in a moment.",
      };
    }
    await audit({
      ...about,
      outcome: "ok",
      summary: `Invited ${data.email} to the portal of ${customer.name} by email, as an administrator of its team`,
      details: {
        email: data.email,
        invitationId: invitation.id,
        asAdmin: true,
        expiresAt: invitation.expiresAt.toISOString(),
      },
    });
    revalidateCustomerPage(customer.id);
    return {
      ok: true,
      data: {
        invitationId: invitation.id,
        email: invitation.email,
        expiresAt: invitation.expiresAt.toISOString(),
      },
      message: `Invitation sent to ${invitation.email}. They choose their own password from the link.`,
    };
  },
);

/**
 * Sends a customer's open invitation again with a new link (also one that expired, and one a
 * customer's administrator sent); the earlier link stops working and the staff user becomes its
 * sender.
 */
export const resendCustomerInvitationAction = userAction(
  { name: "customer.invite-resend", schema: customerInvitationTargetSchema },
  async ({ customerId, invitationId }, { user, audit }): Promise<ActionResult<InvitationSent>> => {
    const customer = await loadManagedCustomer(user, customerId);
    const before = await findOpenInvitation(customer.id, invitationId);
    if (!before) throw new NotFoundError("That invitation");
    const about = { targetCustomerId: customer.id };
    if (await findUserByEmail(before.email)) {
      const message = `${before.email} already has a sign-in, so the invitation cannot be used. Withdraw it instead.`;
      await audit({
        ...about,
        outcome: "failed",
        summary: `Refused: ${message}`,
        details: { email: before.email, invitationId },
      });
      return { ok: false, message };
    }
    const limited = await takeInvitePoint(user.id, before.email);
    if (limited) {
      await audit({
        ...about,
        outcome: "failed",
        summary: `Refused: ${limited}`,
        details: { email: before.email, rateLimited: true },
      });
      return { ok: false, message: limited };
    }
    const renewed = await renewInvitation(customer.id, invitationId, user.id);
    if (!renewed) throw new NotFoundError("That invitation");
    try {
      await sendInvitationEmail(renewed.invitation, renewed.token, {
        inviterName: user.name,
        customerName: customer.name,
        addressHasSignIn: false,
      });
    } catch (error) {
      await restoreInvitation(before);
      logger.error({ err: error, action: "customer.invite-resend" }, "invitation email failed");
      await audit({
        ...about,
        outcome: "failed",
        summary: `Invitation of ${before.email} to the portal of ${customer.name} not resent: the email could not be sent`,
        details: { email: before.email, invitationId },
      });
      return {
        ok: false,
        message: "The email could not be sent; the invitation is unchanged. Try again in a moment.",
      };
    }
    await audit({
      ...about,
      outcome: "ok",
      summary: `Sent the invitation of ${before.email} to the portal of ${customer.name} again, with a new link`,
      details: {
        email: before.email,
        invitationId,
        previousSender: before.invitedBy,
        expiresAt: renewed.invitation.expiresAt.toISOString(),
      },
    });
    revalidateCustomerPage(customer.id);
    return {
      ok: true,
      data: {
        invitationId,
        email: renewed.invitation.email,
        expiresAt: renewed.invitation.expiresAt.toISOString(),
      },
      message: `A new invitation was sent to ${renewed.invitation.email}; the earlier link no longer works.`,
    };
  },
);

/** Why staff cannot invite this address to this customer (null when they can). */
async function staffInviteProblem(customer: CustomerRow, email: string): Promise<string | null> {
  // The demo's addresses sign in only on a demo panel.
  if (isDemoEmail(email) && getEnv().MAILPAK_DEMO !== "1")
    return "Addresses at demo.test work only on a demo panel; use a real address.";
  if (await findUserByEmail(email)) return DUPLICATE_EMAIL;
  if (await findLiveInvitation(customer.id, email))
    return "This address already has an invitation waiting. Send it again from the list of pending invitations.";
  return null;
}
