import { desc, eq } from "drizzle-orm";
import { generate } from "otplib";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createSignInLimiters } from "@/lib/auth/rate-limit";
import { openSecret } from "@/lib/auth/secret-box";
import { authenticate } from "@/lib/auth/sign-in";
import { totpEnrollment } from "@/lib/auth/totp";
import { DEFAULT_BRANDING } from "@/lib/branding/branding";
import { saveBranding } from "@/lib/branding/settings";
import { PANEL_PASSWORD_MIN } from "@/lib/validation/account";
import { getDb } from "@/lib/db";
import { findUserById } from "@/lib/users/queries";
import { auditLog } from "@/lib/db/schema";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import {
  changeOwnPasswordAction,
  confirmTotpEnrollmentAction,
  disableTotpAction,
  regenerateRecoveryCodesAction,
  startTotpEnrollmentAction,
} from "./account";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));

const PASSWORD = "correct-horse-battery";
const NEW_PASSWORD = "a-brand-new-passphrase";
let counter = 0;

/** A fresh staff user (own email, so rate limits and audit rows never mix between tests), signed in. */
async function signedInUser(role: "admin" | "staff" = "staff") {
  counter += 1;
  const user = await createTestUser({ email: `user${counter}@reseller.test`, role, password: PASSWORD });
  signInAs(user);
  return user;
}

async function auditOf(userEmail: string) {
  const db = await getDb();
  return db.select().from(auditLog).where(eq(auditLog.actorEmail, userEmail)).orderBy(desc(auditLog.id));
}

/** A 6-digit code that is not the current one (nor, almost surely, a neighbour's). */
/** The authenticator's next code: each code is accepted once, so a second use needs a later one. */
function nextCode(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
}

function wrongCode(right: string): string {
  return String((Number(right) + 500_000) % 1_000_000).padStart(6, "0");
}

/** Sets up two-factor sign-in through the actions, as the page does; returns the secret and codes. */
async function enrol() {
  const started = await startTotpEnrollmentAction({ currentPassword: PASSWORD });
  if (!started.ok) throw new Error(started.message);
  const confirmed = await confirmTotpEnrollmentAction({
    code: await generate({ secret: started.data.secret }),
  });
  if (!confirmed.ok) throw new Error(confirmed.message);
  return { secret: started.data.secret, recoveryCodes: confirmed.data.recoveryCodes };
}

beforeEach(() => signInAs(null));

describe("changing one's own password", () => {
  it("checks the new password's rules before anything else", async () => {
    await signedInUser();
    const short = await changeOwnPasswordAction({
      currentPassword: PASSWORD,
      newPassword: "short",
      confirmPassword: "short",
    });
    expect(short).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: [`Use at least ${PANEL_PASSWORD_MIN} characters.`] },
    });
    const mismatch = await changeOwnPasswordAction({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: "something-else-entirely",
    });
    expect(mismatch).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: ["The two new passwords do not match."] },
    });
    const same = await changeOwnPasswordAction({
      currentPassword: PASSWORD,
      newPassword: PASSWORD,
      confirmPassword: PASSWORD,
    });
    expect(same).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["Choose a password different from the current one."] },
    });
  });

  it("refuses a wrong current password, audits the attempt and changes nothing", async () => {
    const user = await signedInUser();
    const result = await changeOwnPasswordAction({
      currentPassword: "Tr0ub4dor-guess",
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    const row = await findUserById(user.id);
    expect(await verifyPassword(row?.passwordHash ?? "", PASSWORD)).toBe(true);
    expect(row?.sessionVersion).toBe(1);
    const [entry] = await auditOf(user.email);
    expect(entry).toMatchObject({
      action: "account.password-change",
      outcome: "failed",
      targetUserId: user.id,
      ip: "203.0.113.7",
    });
  });

  it("changes the password, ends every session and says to sign in again", async () => {
    const user = await signedInUser();
    const result = await changeOwnPasswordAction({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(result).toMatchObject({ ok: true, data: { signedOut: true } });
    expect(result.ok && result.message).toMatch(/sign in again with your new password/i);
    const row = await findUserById(user.id);
    expect(row?.sessionVersion).toBe(2);
    expect(await verifyPassword(row?.passwordHash ?? "", NEW_PASSWORD)).toBe(true);
    expect((await auditOf(user.email))[0]).toMatchObject({
      action: "account.password-change",
      outcome: "ok",
    });
    expect(
      await authenticate({ email: user.email, password: NEW_PASSWORD }, { ip: "" }, createSignInLimiters()),
    ).toMatchObject({ kind: "ok" });
  });

  it("counts wrong current passwords towards the sign-in lockout", async () => {
    const user = await signedInUser();
    for (let i = 0; i < 5; i += 1) {
      await changeOwnPasswordAction({
        currentPassword: `wrong-${i}-password`,
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      });
    }
    const locked = await changeOwnPasswordAction({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(locked).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Too many wrong attempts\. Try again in \d+ minutes?\.$/),
    });
    expect(await verifyPassword((await findUserById(user.id))?.passwordHash ?? "", PASSWORD)).toBe(true);
  });

  it("lets a customer's user change their password too", async () => {
    const customer = await createTestCustomer("Bakery Ltd");
    const user = await createTestUser({
      email: "owner@bakery.test",
      role: "customer",
      customerId: customer.id,
      password: PASSWORD,
    });
    signInAs(user);
    const result = await changeOwnPasswordAction({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(result).toMatchObject({ ok: true });
  });

  it("keeps the demo's shared logins as they are", async () => {
    const demo = await createTestUser({ email: "visitor@demo.test", role: "admin", password: PASSWORD });
    signInAs(demo);
    const result = await changeOwnPasswordAction({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("demo's shared logins") });
    expect((await startTotpEnrollmentAction({ currentPassword: PASSWORD })).ok).toBe(false);
  });

  it("asks a signed-out caller to sign in", async () => {
    const result = await changeOwnPasswordAction({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(result).toEqual({ ok: false, message: "Your session has ended. Sign in again to continue." });
  });
});

describe("two-factor sign-in", () => {
  it("enrols in two steps: a sealed, inactive secret first, then a code from the app turns it on", async () => {
    const user = await signedInUser("admin");
    const started = await startTotpEnrollmentAction({ currentPassword: PASSWORD });
    if (!started.ok) throw new Error(started.message);
    expect(started.data.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(started.data.secret).toMatch(/^[A-Z2-7]{16,}$/);

    const pending = await findUserById(user.id);
    expect(pending?.totpEnabled).toBe(false);
    expect(pending?.totpSecret).not.toContain(started.data.secret);
    expect(openSecret(pending?.totpSecret ?? "")).toBe(started.data.secret);
    // A pending secret does not change how the user signs in.
    expect(
      await authenticate({ email: user.email, password: PASSWORD }, { ip: "" }, createSignInLimiters()),
    ).toMatchObject({ kind: "ok" });

    const code = await generate({ secret: started.data.secret });
    const wrong = await confirmTotpEnrollmentAction({ code: wrongCode(code) });
    expect(wrong).toMatchObject({
      ok: false,
      fieldErrors: { code: [expect.stringContaining("did not match")] },
    });
    expect((await findUserById(user.id))?.totpEnabled).toBe(false);

    const confirmed = await confirmTotpEnrollmentAction({ code: `${code.slice(0, 3)} ${code.slice(3)}` });
    if (!confirmed.ok) throw new Error(confirmed.message);
    expect(confirmed.data.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.data.recoveryCodes).size).toBe(10);
    const enabled = await findUserById(user.id);
    expect(enabled?.totpEnabled).toBe(true);
    expect(enabled?.recoveryCodeHashes).toHaveLength(10);
    expect(
      enabled?.recoveryCodeHashes.some((hash) =>
        confirmed.data.recoveryCodes.some((plain) => hash.includes(plain)),
      ),
    ).toBe(false);
    expect((await auditOf(user.email))[0]).toMatchObject({ action: "account.totp-enable", outcome: "ok" });

    // Sign-in now needs the second factor.
    const limiters = createSignInLimiters();
    expect(await authenticate({ email: user.email, password: PASSWORD }, { ip: "" }, limiters)).toEqual({
      kind: "otp-required",
    });
    // The enrolment's code was used up; sign-in takes the next one.
    expect(
      await authenticate({ email: user.email, password: PASSWORD, otp: code }, { ip: "" }, limiters),
    ).toEqual({ kind: "otp-invalid" });
    const fresh = await nextCode(started.data.secret);
    expect(
      await authenticate({ email: user.email, password: PASSWORD, otp: fresh }, { ip: "" }, limiters),
    ).toMatchObject({ kind: "ok" });
  });

  it("takes each recovery code once", async () => {
    const user = await signedInUser();
    const { recoveryCodes } = await enrol();
    const limiters = createSignInLimiters();
    const attempt = { email: user.email, password: PASSWORD, otp: recoveryCodes[4] };
    expect(await authenticate(attempt, { ip: "" }, limiters)).toMatchObject({ kind: "ok" });
    expect(await authenticate(attempt, { ip: "" }, limiters)).toEqual({ kind: "otp-invalid" });
    expect((await findUserById(user.id))?.recoveryCodeHashes).toHaveLength(9);
  });

  it("refuses to start again while it is on", async () => {
    await signedInUser();
    await enrol();
    const again = await startTotpEnrollmentAction({ currentPassword: PASSWORD });
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("already on") });
  });

  it("makes new recovery codes only with a current app code, and the old ones stop working", async () => {
    const user = await signedInUser();
    const { secret, recoveryCodes: old } = await enrol();
    const code = await nextCode(secret);
    const refused = await regenerateRecoveryCodesAction({ code: wrongCode(code) });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { code: [expect.stringContaining("did not match")] },
    });
    expect((await auditOf(user.email))[0]).toMatchObject({
      action: "account.recovery-codes",
      outcome: "failed",
    });

    const renewed = await regenerateRecoveryCodesAction({ code });
    if (!renewed.ok) throw new Error(renewed.message);
    expect(renewed.data.recoveryCodes).toHaveLength(10);
    expect(renewed.data.recoveryCodes.some((fresh) => old.includes(fresh))).toBe(false);
    const limiters = createSignInLimiters();
    expect(
      await authenticate({ email: user.email, password: PASSWORD, otp: old[0] }, { ip: "" }, limiters),
    ).toEqual({ kind: "otp-invalid" });
    expect(
      await authenticate(
        { email: user.email, password: PASSWORD, otp: renewed.data.recoveryCodes[0] },
        { ip: "" },
        limiters,
      ),
    ).toMatchObject({ kind: "ok" });
  });

  it("is offered to a customer's user, named in the authenticator app with the reseller's brand", async () => {
    const { logo: _logo, ...brand } = DEFAULT_BRANDING;
    await saveBranding({ ...brand, productName: "Northwind Mail" });
    const customer = await createTestCustomer("Florist Ltd");
    const user = await createTestUser({
      email: "owner@florist.test",
      role: "customer",
      customerId: customer.id,
      password: PASSWORD,
    });
    signInAs(user);
    const started = await startTotpEnrollmentAction({ currentPassword: PASSWORD });
    if (!started.ok) throw new Error(started.message);
    // The QR code is the otpauth URI with the reseller's product name as issuer: never Mailpak's.
    const branded = await totpEnrollment(started.data.secret, user.email, "Northwind Mail");
    expect(started.data.qrDataUrl).toBe(branded.qrDataUrl);
    expect(branded.uri).toMatch(/^otpauth:\/\/totp\/Northwind%20Mail:/);
    expect(branded.uri).not.toMatch(/mailpak|enom/i);
    const confirmed = await confirmTotpEnrollmentAction({
      code: await generate({ secret: started.data.secret }),
    });
    if (!confirmed.ok) throw new Error(confirmed.message);
    expect(confirmed.data.recoveryCodes).toHaveLength(10);
    expect((await findUserById(user.id))?.totpEnabled).toBe(true);
    // From now on, the customer's sign-in asks for the second step too.
    expect(
      await authenticate({ email: user.email, password: PASSWORD }, { ip: "" }, createSignInLimiters()),
    ).toMatchObject({ kind: "otp-required" });
    await saveBranding(brand);
  });

  it("turns off only with the current password", async () => {
    const user = await signedInUser();
    await enrol();
    const refused = await disableTotpAction({ currentPassword: "not-my-password" });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    expect((await findUserById(user.id))?.totpEnabled).toBe(true);
    expect((await auditOf(user.email))[0]).toMatchObject({
      action: "account.totp-disable",
      outcome: "failed",
    });

    const missing = await disableTotpAction({ currentPassword: "" });
    expect(missing).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["Enter your current password."] },
    });

    const done = await disableTotpAction({ currentPassword: PASSWORD });
    expect(done).toMatchObject({ ok: true });
    const row = await findUserById(user.id);
    expect(row).toMatchObject({ totpEnabled: false, totpSecret: null, recoveryCodeHashes: [] });
    expect(
      await authenticate({ email: user.email, password: PASSWORD }, { ip: "" }, createSignInLimiters()),
    ).toMatchObject({ kind: "ok" });
    expect(await disableTotpAction({ currentPassword: PASSWORD })).toMatchObject({
      ok: false,
      message: "Two-factor sign-in is already off.",
    });
  });

  it("acts only on the signed-in user, whatever the form says", async () => {
    const victim = await signedInUser();
    const attacker = await signedInUser();
    await disableTotpAction({ currentPassword: PASSWORD, userId: victim.id, id: victim.id });
    await changeOwnPasswordAction({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
      userId: victim.id,
    });
    expect(await verifyPassword((await findUserById(victim.id))?.passwordHash ?? "", PASSWORD)).toBe(true);
    expect(await verifyPassword((await findUserById(attacker.id))?.passwordHash ?? "", NEW_PASSWORD)).toBe(
      true,
    );
  });
});

describe("turning two-factor sign-in on", () => {
  it("asks for the current password first, so an open session alone cannot bind another phone", async () => {
    const user = await signedInUser();
    const missing = await startTotpEnrollmentAction({ currentPassword: "" });
    expect(missing).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["Enter your current password."] },
    });
    const wrong = await startTotpEnrollmentAction({ currentPassword: "not-my-password" });
    expect(wrong).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    expect(wrong.ok ? wrong.data : undefined).toBeUndefined();
    expect((await findUserById(user.id))?.totpSecret).toBeNull();
    expect((await auditOf(user.email))[0]).toMatchObject({ action: "account.totp-start", outcome: "failed" });

    expect((await startTotpEnrollmentAction({ currentPassword: PASSWORD })).ok).toBe(true);
  });
});

describe("checks on My account sent all at once", () => {
  /** Wrong attempts the action really checked, as the audit log tells them. */
  async function checked(email: string, summary: string): Promise<number> {
    return (await auditOf(email)).filter((entry) => entry.summary === summary).length;
  }

  it("check no more current passwords than the sign-in limit, and then refuse even the right one", async () => {
    const user = await signedInUser();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        changeOwnPasswordAction({
          currentPassword: `wrong-${i}-password`,
          newPassword: NEW_PASSWORD,
          confirmPassword: NEW_PASSWORD,
        }),
      ),
    );
    expect(results.every((result) => !result.ok)).toBe(true);
    expect(await checked(user.email, "Password change refused: wrong current password")).toBe(5);
    const right = await changeOwnPasswordAction({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(right).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many wrong attempts/) });
    expect(await verifyPassword((await findUserById(user.id))?.passwordHash ?? "", PASSWORD)).toBe(true);
  });

  it("check no more authenticator codes than the sign-in limit", async () => {
    const user = await signedInUser();
    const { secret } = await enrol();
    const right = await nextCode(secret);
    const results = await Promise.all(
      Array.from({ length: 30 }, () => regenerateRecoveryCodesAction({ code: wrongCode(right) })),
    );
    expect(results.every((result) => !result.ok)).toBe(true);
    expect(await checked(user.email, "New recovery codes refused: wrong authentication code")).toBe(5);
    expect(await regenerateRecoveryCodesAction({ code: right })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Too many wrong attempts/),
    });
  });
});

describe("secrets stay secret", () => {
  it("no result and no audit entry holds a password", async () => {
    const user = await signedInUser();
    const results: unknown[] = [];
    results.push(
      await changeOwnPasswordAction({
        currentPassword: "Tr0ub4dor-wrong",
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }),
    );
    const { secret } = await enrol();
    results.push(await disableTotpAction({ currentPassword: "Tr0ub4dor-wrong" }));
    results.push(await regenerateRecoveryCodesAction({ code: await nextCode(secret) }));
    results.push(await disableTotpAction({ currentPassword: PASSWORD }));
    results.push(
      await changeOwnPasswordAction({
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }),
    );

    const audit = JSON.stringify(await auditOf(user.email));
    expect(audit).toContain("account.password-change");
    for (const text of [JSON.stringify(results), audit]) {
      for (const secretText of [PASSWORD, NEW_PASSWORD, "Tr0ub4dor-wrong"])
        expect(text).not.toContain(secretText);
    }
    expect(audit).not.toContain(secret);
  });
});
