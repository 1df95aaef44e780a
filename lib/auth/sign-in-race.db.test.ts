import { randomBytes } from "node:crypto";
import { createConnection } from "node:net";
import { and, eq, like } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { findUserById, updateUser } from "@/lib/users/queries";
import { auditLog } from "@/lib/db/schema";
import { createTestUser } from "@/test/fixtures";
import { ACCOUNT_MAX_FAILURES, createSignInLimiters, redisClient, type SignInLimiters } from "./rate-limit";
import { sealSecret } from "./secret-box";
import { authenticate } from "./sign-in";
import { generateRecoveryCodes, hashRecoveryCode, newTotpSecret } from "./totp";

vi.mock("next/headers", () => import("@/test/next-headers-mock"));

/**
 * Attempts sent all at once: the limit is taken before each password is checked, so a burst gets
 * no more checks than the limit allows, whether the counts live in memory or in Redis.
 */

const PASSWORD = "right-password-1";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisListens(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1_000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

const redisAvailable = await redisListens();
if (!redisAvailable && process.env.CI) throw new Error(`Redis does not answer at ${REDIS_URL}; CI needs it.`);

afterAll(async () => {
  if (redisAvailable) await redisClient(REDIS_URL).quit();
});

function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(5).toString("hex")}@reseller.test`;
}

/** Sign-ins whose password was actually checked, as the audit log tells them. */
async function passwordsChecked(email: string): Promise<number> {
  const db = await getDb();
  const rows = await db
    .select({ summary: auditLog.summary })
    .from(auditLog)
    .where(and(eq(auditLog.actorEmail, email), eq(auditLog.action, "auth.sign-in")));
  return rows.filter((row) => row.summary === "Signed in" || row.summary.startsWith("Sign-in failed (wrong"))
    .length;
}

async function burst(limiters: SignInLimiters) {
  const email = uniqueEmail("burst");
  await createTestUser({ email, role: "staff", password: PASSWORD });
  const ip = { ip: `198.51.100.${Math.floor(Math.random() * 200) + 20}` };
  // 29 wrong passwords, then the right one, all sent at once.
  const attempts = Array.from({ length: 30 }, (_, i) =>
    authenticate({ email, password: i < 29 ? `wrong-guess-${i}` : PASSWORD }, ip, limiters),
  );
  const results = await Promise.all(attempts);
  return { email, results };
}

describe.each([
  { store: "memory", limiters: () => createSignInLimiters() },
  ...(redisAvailable ? [{ store: "Redis", limiters: () => createSignInLimiters(REDIS_URL) }] : []),
])("30 sign-ins at once, sign-in limits in $store", ({ limiters }) => {
  it("check no more passwords than the limit, and the right one after them does not sign in", async () => {
    const { email, results } = await burst(limiters());
    expect(results.filter((result) => result.kind === "ok")).toEqual([]);
    expect(results.at(-1)).toMatchObject({ kind: "locked" });
    expect(await passwordsChecked(email)).toBe(ACCOUNT_MAX_FAILURES);
  });
});

describe("a recovery code", () => {
  it("signs in once, even when sent several times at once", async () => {
    const email = uniqueEmail("recovery");
    const user = await createTestUser({ email, role: "admin", password: PASSWORD });
    const codes = generateRecoveryCodes();
    await updateUser(user.id, {
      totpEnabled: true,
      totpSecret: sealSecret(newTotpSecret()),
      recoveryCodeHashes: codes.map(hashRecoveryCode),
    });
    const limiters = createSignInLimiters();
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        authenticate({ email, password: PASSWORD, otp: codes[2] }, { ip: "" }, limiters),
      ),
    );
    expect(results.filter((result) => result.kind === "ok")).toHaveLength(1);
    expect((await findUserById(user.id))?.recoveryCodeHashes).toHaveLength(codes.length - 1);
    const db = await getDb();
    const used = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorEmail, email), like(auditLog.summary, "Signed in with a recovery code%")));
    expect(used).toHaveLength(1);
  });
});
