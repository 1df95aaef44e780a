import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { ACCOUNT_MAX_FAILURES } from "@/lib/auth/rate-limit";
import { authenticate } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db";
import { findUserById, updateUser } from "@/lib/users/queries";
import { passwordResetTokens } from "@/lib/db/schema";
import { linkIn, readCapturedMail } from "@/lib/mail/captured";
import { replaceMailTransport } from "@/lib/mail/transport";
import { hashOneTimeToken } from "@/lib/one-time-token";
import { PANEL_PASSWORD_MIN } from "@/lib/validation/account";
import { REQUEST_ANSWER } from "@/lib/validation/password-reset";
import { auditAfter, lastAuditId } from "@/test/audit";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { requestPasswordResetAction, resetPasswordAction } from "./password-reset";

const mailDir = vi.hoisted(() => {
  const directory = `/tmp/mailpak-reset-mail-${process.pid}-${Date.now()}`;
  process.env.MAIL_CAPTURE_DIR = directory;
  process.env.SMTP_URL = "";
  return directory;
});

vi.mock("next/headers", () => import("@/test/next-headers-mock"));

const OLD_PASSWORD = "correct-horse-battery";
const NEW_PASSWORD = "a-brand-new-passphrase";
let counter = 0;

async function newUser(role: "staff" | "customer" = "customer") {
  counter += 1;
  const customerId = role === "customer" ? (await createTestCustomer(`Customer ${counter}`)).id : undefined;
  return createTestUser({ email: `person${counter}@example.com`, role, customerId, password: OLD_PASSWORD });
}

async function mailCount(): Promise<number> {
  return (await readCapturedMail(mailDir)).length;
}

/** Asks for a link for `email` and returns the token from the one email that arrived. */
async function requestLink(email: string): Promise<string> {
  const before = await mailCount();
  expect(await requestPasswordResetAction({ email })).toEqual({
    ok: true,
    data: undefined,
    message: REQUEST_ANSWER,
  });
  const mails = (await readCapturedMail(mailDir)).slice(before);
  expect(mails).toHaveLength(1);
  const link = mails[0] ? linkIn(mails[0], "/reset-password/") : null;
  if (!link) throw new Error("The reset email has no link.");
  return new URL(link).pathname.split("/").pop() ?? "";
}

function signIn(email: string, password: string) {
  return authenticate({ email, password }, { ip: "" });
}

function reset(token: string, password = NEW_PASSWORD) {
  return resetPasswordAction({ token, password, confirm: password });
}

describe("asking for a reset link", () => {
  it("answers the same for an unknown address, sends nothing, and audits it", async () => {
    const before = await mailCount();
    const audit = await lastAuditId();
    expect(await requestPasswordResetAction({ email: "nobody@example.com" })).toEqual({
      ok: true,
      data: undefined,
      message: REQUEST_ANSWER,
    });
    expect(await mailCount()).toBe(before);
    expect(await auditAfter(audit)).toEqual([
      expect.objectContaining({
        action: "auth.password-reset-request",
        outcome: "failed",
        actorEmail: "nobody@example.com",
      }),
    ]);
  });

  it("emails a known address one link; only the token's hash is stored, for 1 hour", async () => {
    const user = await newUser();
    const before = await mailCount();
    const token = await requestLink(user.email.toUpperCase());
    const [mail] = (await readCapturedMail(mailDir)).slice(before);
    expect(mail).toMatchObject({ to: [user.email], subject: "Reset your Mail Portal password" });
    expect(`${mail?.text}${mail?.html}`).not.toMatch(/enom/i);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const db = await getDb();
    const rows = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashOneTimeToken(token));
    const lifetime = (rows[0]?.expiresAt.getTime() ?? 0) - Date.now();
    expect(lifetime).toBeGreaterThan(59 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000);
  });

  it("names the panel, not the reseller's brand, to the reseller's own staff", async () => {
    const user = await newUser("staff");
    const before = await mailCount();
    await requestLink(user.email);
    const [mail] = (await readCapturedMail(mailDir)).slice(before);
    expect(mail?.subject).toBe("Reset your Mailpak password");
  });

  it("sends nothing for a disabled account or the demo's shared logins", async () => {
    const disabled = await newUser();
    await updateUser(disabled.id, { disabled: true });
    const demo = await createTestUser({ email: `demo${Date.now()}@demo.test`, role: "staff" });
    for (const email of [disabled.email, demo.email]) {
      const before = await mailCount();
      expect((await requestPasswordResetAction({ email })).message).toBe(REQUEST_ANSWER);
      expect(await mailCount()).toBe(before);
    }
  });

  it("says what is wrong with a malformed address", async () => {
    expect(await requestPasswordResetAction({ email: "not an address" })).toMatchObject({
      ok: false,
      fieldErrors: { email: ["Enter a valid email address."] },
    });
  });

  it("keeps nothing when the email cannot be sent", async () => {
    const user = await newUser();
    const previous = replaceMailTransport({
      send: () => Promise.reject(new Error("SMTP said no")),
    });
    try {
      expect((await requestPasswordResetAction({ email: user.email })).message).toBe(REQUEST_ANSWER);
    } finally {
      if (previous) replaceMailTransport(previous);
    }
    const db = await getDb();
    expect(
      await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id)),
    ).toEqual([]);
  });
});

describe("choosing a new password with the link", () => {
  it("sets the password once: the new one works, the old one fails, and every session ends", async () => {
    const user = await newUser();
    const token = await requestLink(user.email);
    const audit = await lastAuditId();
    expect(await reset(token)).toEqual({
      ok: true,
      data: { email: user.email },
      message:
        "Your password has been changed and you are signed out everywhere. Sign in with your new password.",
    });
    expect((await findUserById(user.id))?.sessionVersion).toBe(2);
    expect((await signIn(user.email, NEW_PASSWORD)).kind).toBe("ok");
    expect((await signIn(user.email, OLD_PASSWORD)).kind).toBe("invalid");
    expect(await reset(token, "yet-another-passphrase")).toEqual({
      ok: false,
      message: "This reset link was already used. If you need to, ask for a new one.",
    });
    expect((await signIn(user.email, NEW_PASSWORD)).kind).toBe("ok");
    const entries = await auditAfter(audit);
    expect(entries.find((entry) => entry.action === "auth.password-reset")).toMatchObject({
      outcome: "ok",
      actorEmail: user.email,
      targetUserId: user.id,
    });
    expect(JSON.stringify(entries)).not.toContain(token);
  });

  it("refuses an expired link and leaves the password as it was", async () => {
    const user = await newUser();
    const token = await requestLink(user.email);
    const db = await getDb();
    await db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResetTokens.tokenHash, hashOneTimeToken(token)));
    expect(await reset(token)).toEqual({
      ok: false,
      message: "This reset link has expired (links work for 1 hour). Ask for a new one.",
    });
    expect((await signIn(user.email, OLD_PASSWORD)).kind).toBe("ok");
  });

  it("ends the other links of the user once one is used", async () => {
    const user = await newUser();
    const first = await requestLink(user.email);
    const second = await requestLink(user.email);
    expect((await reset(second)).ok).toBe(true);
    expect((await reset(first, "some-other-passphrase")).ok).toBe(false);
  });

  it("lifts a lockout from failed sign-ins", async () => {
    const user = await newUser();
    for (let attempt = 0; attempt < ACCOUNT_MAX_FAILURES; attempt += 1)
      await signIn(user.email, "wrong-password");
    expect((await signIn(user.email, OLD_PASSWORD)).kind).toBe("locked");
    const token = await requestLink(user.email);
    expect((await reset(token)).ok).toBe(true);
    expect((await signIn(user.email, NEW_PASSWORD)).kind).toBe("ok");
    expect(await findUserById(user.id)).toMatchObject({ failedSignIns: 0, lockedUntil: null });
  });

  it("checks the password rules and refuses a malformed or unknown link", async () => {
    const user = await newUser();
    const token = await requestLink(user.email);
    expect(await resetPasswordAction({ token, password: "short", confirm: "short" })).toMatchObject({
      ok: false,
      fieldErrors: { password: [`Use at least ${PANEL_PASSWORD_MIN} characters.`] },
    });
    expect(
      await resetPasswordAction({ token, password: NEW_PASSWORD, confirm: "different-passphrase" }),
    ).toMatchObject({ ok: false, fieldErrors: { confirm: ["The two passwords do not match."] } });
    expect((await reset("x")).message).toBe("This reset link is not valid. Ask for a new one.");
    expect((await reset("B".repeat(43))).message).toBe("This reset link is not valid. Ask for a new one.");
    // Mistakes do not use the link up.
    expect((await reset(token)).ok).toBe(true);
  });
});

describe("limits", () => {
  it("sends at most 3 links an hour to one address, with the same answer", async () => {
    const user = await newUser();
    for (let request = 0; request < 3; request += 1) await requestLink(user.email);
    const before = await mailCount();
    expect((await requestPasswordResetAction({ email: user.email })).message).toBe(REQUEST_ANSWER);
    expect(await mailCount()).toBe(before);
  });

  it("slows down one network asking for many addresses", async () => {
    let answer = await requestPasswordResetAction({ email: "spray0@example.com" });
    for (let request = 1; request < 40 && answer.ok; request += 1)
      answer = await requestPasswordResetAction({ email: `spray${request}@example.com` });
    expect(answer).toEqual({
      ok: false,
      message: "Too many password reset requests from your network. Try again in 15 minutes.",
    });
  });
});
