import { desc } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { findUserByEmail, updateUser } from "@/lib/users/queries";
import { auditLog } from "@/lib/db/schema";
import { createTestUser } from "@/test/fixtures";
import { ACCOUNT_MAX_FAILURES, createSignInLimiters, type SignInLimiters } from "./rate-limit";
import { sealSecret } from "./secret-box";
import { authenticate } from "./sign-in";
import { generate } from "otplib";
import { generateRecoveryCodes, hashRecoveryCode, newTotpSecret } from "./totp";

vi.mock("next/headers", () => import("@/test/next-headers-mock"));

let limiters: SignInLimiters;
const ip = { ip: "198.51.100.1" };

async function lastAudit() {
  const db = await getDb();
  const [row] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

beforeEach(() => {
  limiters = createSignInLimiters();
});

describe("signing in", () => {
  it("accepts the right password, case-insensitively for the email, and audits it", async () => {
    const user = await createTestUser({
      email: "ann@reseller.test",
      role: "staff",
      password: "right-password-1",
    });
    const result = await authenticate(
      { email: "  ANN@Reseller.test ", password: "right-password-1" },
      ip,
      limiters,
    );
    expect(result).toMatchObject({ kind: "ok", user: { id: user.id } });
    expect((await findUserByEmail("ann@reseller.test"))?.lastSignInAt).toBeInstanceOf(Date);
    expect(await lastAudit()).toMatchObject({
      action: "auth.sign-in",
      outcome: "ok",
      actorEmail: "ann@reseller.test",
    });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    await createTestUser({ email: "bob@reseller.test", role: "staff", password: "right-password-1" });
    expect(
      await authenticate({ email: "bob@reseller.test", password: "Tr0ub4dor-guess" }, ip, limiters),
    ).toEqual({ kind: "invalid" });
    expect(
      await authenticate({ email: "nobody@reseller.test", password: "Tr0ub4dor-guess" }, ip, limiters),
    ).toEqual({ kind: "invalid" });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ outcome: "failed", actorEmail: "nobody@reseller.test" });
    expect(JSON.stringify(audit)).not.toContain("Tr0ub4dor");
  });

  it("locks an account after repeated failures, and an unknown email just the same", async () => {
    await createTestUser({ email: "cat@reseller.test", role: "staff", password: "right-password-1" });
    for (const email of ["cat@reseller.test", "ghost@reseller.test"]) {
      const results = [];
      for (let i = 0; i < ACCOUNT_MAX_FAILURES; i += 1)
        results.push(await authenticate({ email, password: "nope" }, ip, limiters));
      expect(results.slice(0, -1).every((r) => r.kind === "invalid")).toBe(true);
      expect(results.at(-1)).toEqual({ kind: "locked", minutes: 15 });
    }
    // Even the right password is refused while locked.
    expect(
      await authenticate({ email: "cat@reseller.test", password: "right-password-1" }, ip, limiters),
    ).toMatchObject({ kind: "locked" });
    const row = await findUserByEmail("cat@reseller.test");
    expect(row?.failedSignIns).toBe(ACCOUNT_MAX_FAILURES);
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it("refuses a disabled account", async () => {
    const user = await createTestUser({
      email: "dan@reseller.test",
      role: "staff",
      password: "right-password-1",
    });
    await updateUser(user.id, { disabled: true });
    expect(
      await authenticate({ email: "dan@reseller.test", password: "right-password-1" }, ip, limiters),
    ).toEqual({ kind: "disabled" });
  });

  it("asks for a second factor when TOTP is on, and takes a recovery code once", async () => {
    const user = await createTestUser({
      email: "eve@reseller.test",
      role: "admin",
      password: "right-password-1",
    });
    const codes = generateRecoveryCodes();
    await updateUser(user.id, {
      totpEnabled: true,
      totpSecret: sealSecret(newTotpSecret()),
      recoveryCodeHashes: codes.map(hashRecoveryCode),
    });
    const input = { email: "eve@reseller.test", password: "right-password-1" };
    expect(await authenticate(input, ip, limiters)).toEqual({ kind: "otp-required" });
    expect(await authenticate({ ...input, otp: "000000" }, ip, limiters)).toEqual({ kind: "otp-invalid" });
    expect(await authenticate({ ...input, otp: codes[3] }, ip, limiters)).toMatchObject({ kind: "ok" });
    expect(await authenticate({ ...input, otp: codes[3] }, ip, limiters)).toEqual({ kind: "otp-invalid" });
    expect((await findUserByEmail("eve@reseller.test"))?.recoveryCodeHashes).toHaveLength(9);
  });

  it("takes an authenticator code once: the same code again is refused, even inside its window", async () => {
    const user = await createTestUser({
      email: "fay@reseller.test",
      role: "staff",
      password: "right-password-1",
    });
    const secret = newTotpSecret();
    await updateUser(user.id, { totpEnabled: true, totpSecret: sealSecret(secret) });
    const input = { email: "fay@reseller.test", password: "right-password-1" };
    const code = await generate({ secret });
    expect(await authenticate({ ...input, otp: code }, ip, limiters)).toMatchObject({ kind: "ok" });
    expect(await authenticate({ ...input, otp: code }, ip, limiters)).toEqual({ kind: "otp-invalid" });
    // An older code of the window is refused too once a newer one was used.
    const earlier = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    expect(await authenticate({ ...input, otp: earlier }, ip, limiters)).toEqual({ kind: "otp-invalid" });
  });

  it("limits failures per client address across emails", async () => {
    const probe = { ip: "198.51.100.99" };
    let last;
    for (let i = 0; i < 31; i += 1)
      last = await authenticate({ email: `user${i}@reseller.test`, password: "x" }, probe, limiters);
    expect(last).toMatchObject({ kind: "rate-limited" });
  });
});
