"use server";
import { checkPasswordAgainst } from "@/lib/validation/password-policy";

import { isDemoEmail } from "@/lib/auth/demo";
import { NotSignedInError, RuleError } from "@/lib/auth/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { getSignInLimiters, minutesUntil, refundPoint, takePoint } from "@/lib/auth/rate-limit";
import { sealSecret } from "@/lib/auth/secret-box";
import type { SessionUser } from "@/lib/auth/session";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  newTotpSecret,
  totpEnrollment,
  acceptTotpCode,
  TOTP_ISSUER,
} from "@/lib/auth/totp";
import { getBranding } from "@/lib/branding/settings";
import { bumpSessionVersion, findUserById, updateUser } from "@/lib/users/queries";
import type { UserRow } from "@/lib/db/schema";
import {
  changePasswordSchema,
  confirmTotpSchema,
  disableTotpSchema,
  regenerateRecoveryCodesSchema,
  startTotpEnrollmentSchema,
} from "@/lib/validation/account";
import type { ActionResult } from "./result";
import { userAction } from "./builder";

/**
 * The signed-in user's own account: password and two-factor sign-in. Each action acts only on the
 * caller's own row (the id comes from the session, never from the form).
 *
 * Changing the password bumps the session version, which ends every session of the user,
 * this one included: next-auth v4 keeps sessions in JWTs, and issuing a fresh token from a server
 * action would mean reaching into its cookie format. So the browser signs out and the user signs
 * in again with the new password; the result says so.
 */

export type PasswordChanged = { signedOut: true };
export type TotpEnrollment = { qrDataUrl: string; secret: string };
export type RecoveryCodes = { recoveryCodes: string[] };

export const changeOwnPasswordAction = userAction(
  { name: "account.password-change", schema: changePasswordSchema },
  async (input, { user, audit }): Promise<ActionResult<PasswordChanged>> => {
    const row = await ownRow(user);
    refuseSharedDemoLogin(row);
    if (!(await passwordMatches(row, input.currentPassword))) {
      await audit({
        outcome: "failed",
        summary: "Password change refused: wrong current password",
        targetUserId: user.id,
      });
      return {
        ok: false,
        message: "Your password was not changed.",
        fieldErrors: { currentPassword: ["That is not your current password."] },
      };
    }
    const weakness = await checkPasswordAgainst(input.newPassword, [
      row.email,
      row.name,
      user.customerName,
      (await getBranding()).productName,
    ]);
    if (weakness)
      return {
        ok: false,
        message: "Your password was not changed.",
        fieldErrors: { newPassword: [weakness] },
      };
    await bumpSessionVersion(row.id, { passwordHash: await hashPassword(input.newPassword) });
    await audit({
      outcome: "ok",
      summary: "Changed their password; all their sessions were signed out",
      targetUserId: user.id,
    });
    return {
      ok: true,
      data: { signedOut: true },
      message:
        "Your password has been changed and you have been signed out everywhere. Sign in again with your new password.",
    };
  },
);

/**
 * Step one of two-factor setup, behind the current password: a new secret, kept sealed and
 * inactive until a code proves the app has it.
 */
export const startTotpEnrollmentAction = userAction(
  { name: "account.totp-start", schema: startTotpEnrollmentSchema },
  async (input, { user, audit }): Promise<ActionResult<TotpEnrollment>> => {
    const row = await ownRow(user);
    refuseSharedDemoLogin(row);
    if (row.totpEnabled)
      throw new RuleError(
        "Two-factor sign-in is already on. To move it to another device, turn it off and set it up again.",
      );
    // Someone at an unattended open session must not bind the account to their own phone.
    if (!(await passwordMatches(row, input.currentPassword))) {
      await audit({
        outcome: "failed",
        summary: "Setting up two-factor sign-in refused: wrong current password",
        targetUserId: user.id,
      });
      return {
        ok: false,
        message: "Two-factor sign-in is still off.",
        fieldErrors: { currentPassword: ["That is not your current password."] },
      };
    }
    const secret = newTotpSecret();
    await updateUser(row.id, {
      totpSecret: sealSecret(secret),
      totpEnabled: false,
      recoveryCodeHashes: [],
    });
    const { qrDataUrl } = await totpEnrollment(secret, row.email, await totpIssuerFor(user));
    return { ok: true, data: { qrDataUrl, secret } };
  },
);

/** Step two: the first code from the app turns two-factor sign-in on and yields recovery codes, shown once. */
export const confirmTotpEnrollmentAction = userAction(
  { name: "account.totp-enable", schema: confirmTotpSchema },
  async (input, { user, audit }): Promise<ActionResult<RecoveryCodes>> => {
    const row = await ownRow(user);
    refuseSharedDemoLogin(row);
    if (row.totpEnabled) throw new RuleError("Two-factor sign-in is already on.");
    if (!row.totpSecret)
      throw new RuleError("Start the setup again: your authenticator app needs a new QR code.");
    // Not rate-limited: only this session has seen the pending secret, so guessing gains nothing,
    // and a drifting phone clock should not lock its owner out of signing in.
    if (!(await acceptTotpCode(row, row.totpSecret, input.code))) {
      return {
        ok: false,
        message: "Two-factor sign-in is still off.",
        fieldErrors: { code: [WRONG_CODE] },
      };
    }
    const recoveryCodes = generateRecoveryCodes();
    await updateUser(row.id, {
      totpEnabled: true,
      recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
    });
    await audit({
      outcome: "ok",
      summary: `Turned on two-factor sign-in (${recoveryCodes.length} recovery codes issued)`,
      targetUserId: user.id,
    });
    return { ok: true, data: { recoveryCodes }, message: "Two-factor sign-in is on." };
  },
);

/** New recovery codes replace every old one; a current app code proves the device is still in hand. */
export const regenerateRecoveryCodesAction = userAction(
  { name: "account.recovery-codes", schema: regenerateRecoveryCodesSchema },
  async (input, { user, audit }): Promise<ActionResult<RecoveryCodes>> => {
    const row = await ownRow(user);
    refuseSharedDemoLogin(row);
    if (!row.totpEnabled || !row.totpSecret)
      throw new RuleError("Two-factor sign-in is off, so there are no recovery codes to replace.");
    if (!(await totpCodeMatches(row, row.totpSecret, input.code))) {
      await audit({
        outcome: "failed",
        summary: "New recovery codes refused: wrong authentication code",
        targetUserId: user.id,
      });
      return {
        ok: false,
        message: "Your recovery codes were not changed.",
        fieldErrors: { code: [WRONG_CODE] },
      };
    }
    const recoveryCodes = generateRecoveryCodes();
    await updateUser(row.id, { recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode) });
    await audit({
      outcome: "ok",
      summary: `Replaced their recovery codes (${recoveryCodes.length} new codes; the old ones no longer work)`,
      targetUserId: user.id,
    });
    return {
      ok: true,
      data: { recoveryCodes },
      message: "New recovery codes are ready; the old ones no longer work.",
    };
  },
);

export const disableTotpAction = userAction(
  { name: "account.totp-disable", schema: disableTotpSchema },
  async (input, { user, audit }): Promise<ActionResult<undefined>> => {
    const row = await ownRow(user);
    refuseSharedDemoLogin(row);
    if (!row.totpEnabled) throw new RuleError("Two-factor sign-in is already off.");
    if (!(await passwordMatches(row, input.currentPassword))) {
      await audit({
        outcome: "failed",
        summary: "Turning off two-factor sign-in refused: wrong current password",
        targetUserId: user.id,
      });
      return {
        ok: false,
        message: "Two-factor sign-in is still on.",
        fieldErrors: { currentPassword: ["That is not your current password."] },
      };
    }
    await updateUser(row.id, { totpEnabled: false, totpSecret: null, recoveryCodeHashes: [] });
    await audit({
      outcome: "ok",
      summary: "Turned off two-factor sign-in; their recovery codes no longer work",
      targetUserId: user.id,
    });
    return {
      ok: true,
      data: undefined,
      message: "Two-factor sign-in is off. Your recovery codes no longer work.",
    };
  },
);

const WRONG_CODE =
  "That code did not match. Enter the newest code from your app, and check that your phone's clock is right.";

async function ownRow(user: SessionUser): Promise<UserRow> {
  const row = await findUserById(user.id);
  if (!row) throw new NotSignedInError();
  return row;
}

/**
 * The name the authenticator app shows for the account: the reseller's product name for a portal
 * user (who never sees "Mailpak" nor "eNom"), Mailpak for the reseller's own people.
 */
async function totpIssuerFor(user: SessionUser): Promise<string> {
  return user.role === "customer" ? (await getBranding()).productName : TOTP_ISSUER;
}

/** The demo's logins are shared by everyone trying the demo; one visitor must not lock out the rest. */
function refuseSharedDemoLogin(row: UserRow): void {
  if (isDemoEmail(row.email)) {
    throw new RuleError(
      "The demo's shared logins keep their password and sign-in settings. Create your own user to try this.",
    );
  }
}

/**
 * A wrong password or code here counts as a failed sign-in for the account, so these forms are no
 * way round the sign-in lockout for someone who has found an open session. The point is taken
 * before the check and given back when it succeeds, so attempts sent at once cannot outrun it.
 */
async function guardedCheck(row: UserRow, check: () => Promise<boolean>): Promise<boolean> {
  const limiter = getSignInLimiters().account;
  const point = await takePoint(limiter, row.email);
  if (!point.taken) {
    const minutes = minutesUntil(point.waitMs);
    throw new RuleError(
      `Too many wrong attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
  if (!(await check())) return false;
  await refundPoint(limiter, row.email);
  return true;
}

function passwordMatches(row: UserRow, password: string): Promise<boolean> {
  return guardedCheck(row, () => verifyPassword(row.passwordHash, password));
}

function totpCodeMatches(row: UserRow, sealedSecret: string, code: string): Promise<boolean> {
  return guardedCheck(row, () => acceptTotpCode(row, sealedSecret, code));
}
