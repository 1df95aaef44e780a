import "server-only";
import { recordAudit } from "@/lib/audit";
import { findUserByEmail, updateUser } from "@/lib/users/queries";
import type { UserRow } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { signInSchema } from "@/lib/validation/account";
import { isDemoEmail } from "./demo";
import { decoyPasswordHash, verifyPassword } from "./password";
import {
  ACCOUNT_LOCK_SECONDS,
  getSignInLimiters,
  minutesUntil,
  refundPoint,
  takePoint,
  type SignInLimiters,
} from "./rate-limit";
import { acceptRecoveryCode, acceptTotpCode } from "./totp";

export type SignInResult =
  | { kind: "ok"; user: UserRow }
  | { kind: "invalid" }
  | { kind: "locked"; minutes: number }
  | { kind: "rate-limited"; minutes: number }
  | { kind: "disabled" }
  | { kind: "otp-required" }
  | { kind: "otp-invalid" };

/**
 * Checks one sign-in attempt. Unknown emails and wrong passwords answer the same, take the same
 * time and count towards the same lockout, so nobody learns which emails have accounts.
 */
export async function authenticate(
  rawInput: unknown,
  context: { ip: string },
  limiters: SignInLimiters = getSignInLimiters(),
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(rawInput);
  if (!parsed.success) return { kind: "invalid" };
  const { email, password, otp } = parsed.data;
  const actor = (user?: UserRow) => ({ id: user?.id ?? null, email, role: user?.role ?? "unknown" });

  // A point is taken before the password is checked and given back when the attempt succeeds:
  // attempts sent at once each take their own point, so no more than the limit are ever checked.
  if (context.ip) {
    const ipPoint = await takePoint(limiters.ip, context.ip);
    if (!ipPoint.taken) {
      await recordAudit({
        actor: actor(),
        action: "auth.sign-in",
        outcome: "failed",
        summary: `Sign-in refused: too many failed attempts from ${context.ip}`,
      });
      return { kind: "rate-limited", minutes: minutesUntil(ipPoint.waitMs) };
    }
  }

  const accountPoint = await takePoint(limiters.account, email);
  if (!accountPoint.taken) {
    // Nothing was checked, so the address keeps its point.
    if (context.ip) await refundPoint(limiters.ip, context.ip);
    await recordAudit({
      actor: actor(),
      action: "auth.sign-in",
      outcome: "failed",
      summary: "Sign-in refused: the account is locked after repeated failures",
    });
    return { kind: "locked", minutes: minutesUntil(accountPoint.waitMs) };
  }
  // This attempt holds the account's last point: failing it locks the account.
  const lastChance = accountPoint.remaining === 0;
  const refundPoints = async () => {
    await refundPoint(limiters.account, email);
    if (context.ip) await refundPoint(limiters.ip, context.ip);
  };

  const user = await findUserByEmail(email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !passwordOk) return failed(user, "wrong email or password");
  // The right password: whatever follows, this attempt was no guess.
  await refundPoints();

  if (user.disabled || (isDemoEmail(user.email) && getEnv().MAILPAK_DEMO !== "1")) {
    await recordAudit({
      actor: actor(user),
      action: "auth.sign-in",
      outcome: "failed",
      summary: "Sign-in refused: the account is disabled",
      targetUserId: user.id,
    });
    return { kind: "disabled" };
  }

  if (user.totpEnabled && user.totpSecret) {
    if (!otp) return { kind: "otp-required" };
    // The second factor is guessed like a password: it takes a point of its own first.
    const otpPoint = await takePoint(limiters.account, email);
    if (!otpPoint.taken) return { kind: "locked", minutes: minutesUntil(otpPoint.waitMs) };
    const secondFactor = await checkSecondFactor(user, otp);
    if (!secondFactor) return failed(user, "wrong two-factor code", "otp-invalid", otpPoint.remaining === 0);
    await refundPoint(limiters.account, email);
  }

  await updateUser(user.id, { failedSignIns: 0, lockedUntil: null, lastSignInAt: new Date() });
  await recordAudit({
    actor: actor(user),
    action: "auth.sign-in",
    outcome: "ok",
    summary: "Signed in",
    targetUserId: user.id,
  });
  return { kind: "ok", user };

  async function failed(
    user: UserRow | undefined,
    reason: string,
    kind: "invalid" | "otp-invalid" = "invalid",
    lockedNow = lastChance,
  ): Promise<SignInResult> {
    if (user) {
      await updateUser(user.id, {
        failedSignIns: user.failedSignIns + 1,
        lockedUntil: lockedNow ? new Date(Date.now() + ACCOUNT_LOCK_SECONDS * 1000) : user.lockedUntil,
      });
    }
    await recordAudit({
      actor: actor(user),
      action: "auth.sign-in",
      outcome: "failed",
      summary: lockedNow
        ? `Sign-in failed (${reason}); the account is now locked for ${ACCOUNT_LOCK_SECONDS / 60} minutes`
        : `Sign-in failed (${reason})`,
      targetUserId: user?.id ?? null,
    });
    if (lockedNow) return { kind: "locked", minutes: ACCOUNT_LOCK_SECONDS / 60 };
    return { kind };
  }
}

/** A 6-digit app code, or one of the user's unused recovery codes (which is then used up). */
async function checkSecondFactor(user: UserRow, otp: string): Promise<boolean> {
  if (!user.totpSecret) return false;
  if (/^\d{6}$/.test(otp)) return acceptTotpCode(user, user.totpSecret, otp);
  const remaining = await acceptRecoveryCode(user.id, otp);
  if (remaining === null) return false;
  await recordAudit({
    actor: { id: user.id, email: user.email, role: user.role },
    action: "auth.recovery-code",
    outcome: "ok",
    summary: `Signed in with a recovery code (${remaining} left)`,
    targetUserId: user.id,
  });
  return true;
}
