"use server";

import { after } from "next/server";
import { getBranding } from "@/lib/branding/settings";
import { checkPasswordAgainst } from "@/lib/validation/password-policy";
import { recordAudit } from "@/lib/audit";
import { isDemoEmail } from "@/lib/auth/demo";
import { hashPassword } from "@/lib/auth/password";
import { consumePoint, getSignInLimiters, minutesUntil } from "@/lib/auth/rate-limit";
import { findUserByEmail } from "@/lib/users/queries";
import type { UserRow } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { sendPasswordResetEmail } from "@/lib/password-reset/emails";
import { getResetLimiters } from "@/lib/password-reset/limits";
import {
  createResetToken,
  deleteResetToken,
  resetPasswordWithToken,
  resetTokenOwner,
  resetTokenState,
} from "@/lib/password-reset/tokens";
import { getRequestContext } from "@/lib/request-context";
import {
  REQUEST_ANSWER,
  requestPasswordResetSchema,
  resetPasswordSchema,
} from "@/lib/validation/password-reset";
import { publicAction } from "./builder";
import type { ActionResult } from "./result";

/**
 * "Forgot your password?". Public actions: nobody is signed in. The request answers the same
 * whether or not the address has an account (the email, if any, is sent after the answer, so the
 * time taken tells nothing either); the link's token is the only credential of the reset.
 */

export const requestPasswordResetAction = publicAction(
  { name: "auth.password-reset-request", schema: requestPasswordResetSchema },
  async ({ email }): Promise<ActionResult> => {
    const { ip } = await getRequestContext();
    const limiters = getResetLimiters();
    const unknownActor = { id: null, email, role: "unknown" };

    const ipWait = ip ? await consumePoint(limiters.ip, ip) : null;
    if (ipWait !== null) {
      await recordAudit({
        actor: unknownActor,
        action: "auth.password-reset-request",
        outcome: "failed",
        summary: `Password reset refused: too many requests from ${ip}`,
      });
      const minutes = minutesUntil(ipWait);
      return {
        ok: false,
        message: `Too many password reset requests from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      };
    }
    // Per address the answer stays the same: the links already sent are in that inbox.
    if ((await consumePoint(limiters.email, email)) !== null) {
      await recordAudit({
        actor: unknownActor,
        action: "auth.password-reset-request",
        outcome: "failed",
        summary: "Password reset refused: too many requests for this address; no email sent",
      });
      return { ok: true, data: undefined, message: REQUEST_ANSWER };
    }

    const user = await findUserByEmail(email);
    await afterResponse(() => (user ? sendResetLink(user) : auditUnknownAddress(email)));
    return { ok: true, data: undefined, message: REQUEST_ANSWER };
  },
);

async function auditUnknownAddress(email: string): Promise<void> {
  await recordAudit({
    actor: { id: null, email, role: "unknown" },
    action: "auth.password-reset-request",
    outcome: "failed",
    summary: "Password reset asked for an address without an account; no email sent",
  });
}

async function sendResetLink(user: UserRow): Promise<void> {
  const actor = { id: user.id, email: user.email, role: user.role };
  const audit = { actor, action: "auth.password-reset-request", targetUserId: user.id };
  // Disabled accounts stay disabled; the demo's shared logins keep their published password.
  if (user.disabled || isDemoEmail(user.email)) {
    const why = user.disabled ? "the account is disabled" : "the demo's shared logins keep their password";
    await recordAudit({
      ...audit,
      outcome: "failed",
      summary: `Password reset refused: ${why}; no email sent`,
    });
    return;
  }
  const { token, expiresAt, id } = await createResetToken(user.id);
  try {
    await sendPasswordResetEmail(user, token, expiresAt);
  } catch (error) {
    await deleteResetToken(id);
    logger.error({ err: error, action: "auth.password-reset-request" }, "password reset email failed");
    await recordAudit({
      ...audit,
      outcome: "failed",
      summary: "Password reset link not sent: the email failed",
    });
    return;
  }
  await recordAudit({
    ...audit,
    outcome: "ok",
    summary: "Sent a password reset link (valid for 1 hour)",
    details: { expiresAt: expiresAt.toISOString() },
  });
}

/**
 * Runs a task once the answer has left (Next's `after`), so its duration cannot be measured from
 * outside. Outside a request (tests, scripts) there is nothing to hide it from: it runs now.
 */
async function afterResponse(task: () => Promise<void>): Promise<void> {
  const guarded = () =>
    task().catch((error: unknown) => logger.error({ err: error }, "password reset request failed"));
  try {
    after(guarded);
  } catch {
    await guarded();
  }
}

export type PasswordReset = { email: string };

export const resetPasswordAction = publicAction(
  {
    name: "auth.password-reset",
    schema: resetPasswordSchema,
    // A broken link's token is nothing the person can correct: the link is not valid.
    invalid: (fieldErrors) => (fieldErrors.token ? RESET_REFUSED.unknown : null),
  },
  async ({ token, password }): Promise<ActionResult<PasswordReset>> => {
    // A dead link costs no password hash: the public endpoint cannot be used to burn CPU.
    const state = await resetTokenState(token);
    if (state === "valid") {
      const owner = await resetTokenOwner(token);
      const weakness = await checkPasswordAgainst(password, [
        owner?.email,
        owner?.name,
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
      state === "valid" ? await resetPasswordWithToken(token, await hashPassword(password)) : { kind: state };
    if (outcome.kind !== "reset") {
      await recordAudit({
        actor: { id: null, email: "(reset link)", role: "unknown" },
        action: "auth.password-reset",
        outcome: "failed",
        summary: `Password reset refused: the link is ${outcome.kind === "unknown" ? "not valid" : outcome.kind}`,
      });
      return { ok: false, message: RESET_REFUSED[outcome.kind] };
    }
    const { user } = outcome;
    // The lockout after failed sign-ins lives in the limiter too; the owner of the inbox proved themselves.
    await getSignInLimiters().account.delete(user.email);
    await recordAudit({
      actor: { id: user.id, email: user.email, role: user.role },
      action: "auth.password-reset",
      outcome: "ok",
      summary: "Chose a new password through a reset link; all their sessions were signed out",
      targetUserId: user.id,
      targetCustomerId: user.customerId,
    });
    return {
      ok: true,
      data: { email: user.email },
      message:
        "Your password has been changed and you are signed out everywhere. Sign in with your new password.",
    };
  },
);

const RESET_REFUSED = {
  unknown: "This reset link is not valid. Ask for a new one.",
  used: "This reset link was already used. If you need to, ask for a new one.",
  expired: "This reset link has expired (links work for 1 hour). Ask for a new one.",
};
