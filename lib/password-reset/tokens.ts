import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { forgetSessionUser } from "@/lib/auth/session-user-cache";
import { getDb } from "@/lib/db";
import { passwordResetTokens, users, type UserRow } from "@/lib/db/schema";
import { hashOneTimeToken, looksLikeOneTimeToken, newOneTimeToken } from "@/lib/one-time-token";
import { RESET_LINK_MINUTES } from "@/lib/validation/password-reset";

/** Password reset links: the token is in the email only; the table keeps its hash. */
export async function createResetToken(
  userId: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date; id: string }> {
  const db = await getDb();
  const { token, hash } = newOneTimeToken();
  const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
  const [row] = await db
    .insert(passwordResetTokens)
    .values({ userId, tokenHash: hash, expiresAt })
    .returning({ id: passwordResetTokens.id });
  if (!row) throw new Error("The reset link was not created.");
  return { token, expiresAt, id: row.id };
}

export async function deleteResetToken(id: string): Promise<void> {
  const db = await getDb();
  await db.delete(passwordResetTokens).where(eq(passwordResetTokens.id, id));
}

export type ResetTokenState = "valid" | "unknown" | "used" | "expired";

/** What a reset link leads to, for its page (nothing is used up by looking). */
export async function resetTokenState(token: string): Promise<ResetTokenState> {
  if (!looksLikeOneTimeToken(token)) return "unknown";
  const db = await getDb();
  const [row] = await db
    .select({ token: passwordResetTokens, disabled: users.disabled })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(eq(passwordResetTokens.tokenHash, hashOneTimeToken(token)))
    .limit(1);
  if (!row || row.disabled) return "unknown";
  if (row.token.usedAt) return "used";
  return row.token.expiresAt.getTime() <= Date.now() ? "expired" : "valid";
}

export type ResetOutcome = { kind: "reset"; user: UserRow } | { kind: Exclude<ResetTokenState, "valid"> };

/**
 * Sets the new password through a reset link, once: the token row is locked and used up, with
 * every other open link of the user; the session version is bumped (every session ends) and a
 * lockout from failed sign-ins is cleared in the database (the caller clears the limiter).
 */
export async function resetPasswordWithToken(token: string, passwordHash: string): Promise<ResetOutcome> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<ResetOutcome> => {
    const [row] = await tx
      .select()
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.tokenHash, hashOneTimeToken(token)))
      .for("update")
      .limit(1);
    if (!row) return { kind: "unknown" };
    if (row.usedAt) return { kind: "used" };
    if (row.expiresAt.getTime() <= Date.now()) return { kind: "expired" };
    const [user] = await tx
      .update(users)
      .set({
        passwordHash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        failedSignIns: 0,
        lockedUntil: null,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, row.userId), eq(users.disabled, false)))
      .returning();
    if (!user) return { kind: "unknown" };
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, row.userId), isNull(passwordResetTokens.usedAt)));
    return { kind: "reset", user };
  });
  if (outcome.kind === "reset") forgetSessionUser(outcome.user.id);
  return outcome;
}

/** Whose password a live reset link changes (for the password policy's "not your own name"). */
export async function resetTokenOwner(token: string): Promise<{ email: string; name: string } | null> {
  if (!looksLikeOneTimeToken(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ email: users.email, name: users.name })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(eq(passwordResetTokens.tokenHash, hashOneTimeToken(token)))
    .limit(1);
  return row ?? null;
}
