import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { READ_ONLY_REFUSAL } from "@/lib/auth/permissions";
import { ACCOUNT_MAX_FAILURES, getSignInLimiters } from "@/lib/auth/rate-limit";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findUserById, listStaffUsers, updateUser } from "@/lib/users/queries";
import { users, type UserRow } from "@/lib/db/schema";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { DUPLICATE_EMAIL, LAST_ADMIN } from "./logins";
import type { ActionResult } from "./result";
import {
  changeUserRoleAction,
  createStaffUserAction,
  disableUserAction,
  enableUserAction,
  resetUserPasswordAction,
  signOutEverywhereAction,
  unlockUserAction,
} from "./users";
import { auditAfter, lastAuditId } from "@/test/audit";
import { PANEL_PASSWORD_MIN } from "@/lib/validation/account";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/domains/account-domains", () => ({ listAccountDomainNames: vi.fn(async () => []) }));

const demo = vi.hoisted(() => ({ enabled: "1" as "0" | "1" }));
vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, getEnv: () => ({ ...original.getEnv(), MAILPAK_DEMO: demo.enabled }) };
});

let counter = 0;
/** Unique per call, so tests sharing the file's database never collide. */
const email = (name: string) => `${name}-${(counter += 1)}@reseller.test`;

let admin: SessionUser;
let staff: SessionUser;
let support: SessionUser;
let customerLogin: SessionUser;
let otherCustomerLogin: SessionUser;

async function row(id: string): Promise<UserRow> {
  const found = await findUserById(id);
  if (!found) throw new Error(`user ${id} is gone`);
  return found;
}

beforeAll(async () => {
  admin = await createTestUser({ email: email("admin"), role: "admin" });
  staff = await createTestUser({ email: email("staff"), role: "staff" });
  support = await createTestUser({ email: email("support"), role: "support" });
  const northwind = await createTestCustomer("Northwind");
  const contoso = await createTestCustomer("Contoso");
  customerLogin = await createTestUser({ email: email("nw"), role: "customer", customerId: northwind.id });
  otherCustomerLogin = await createTestUser({ email: email("co"), role: "customer", customerId: contoso.id });
});

type TargetKind = "staff user" | "customer login";

interface ActionCase {
  name: string;
  audit: string;
  run: (input: unknown) => Promise<ActionResult<unknown>>;
  prepare?: (target: UserRow) => Promise<void>;
  input?: (target: UserRow) => Record<string, string>;
  changed: (before: UserRow, after: UserRow) => boolean;
}

const cases: ActionCase[] = [
  { name: "disable", audit: "user.disable", run: disableUserAction, changed: (_b, a) => a.disabled },
  {
    name: "enable",
    audit: "user.enable",
    run: enableUserAction,
    prepare: (target) => updateUser(target.id, { disabled: true }),
    changed: (_b, a) => !a.disabled,
  },
  {
    name: "reset the password of",
    audit: "user.reset-password",
    run: resetUserPasswordAction,
    changed: (b, a) => a.passwordHash !== b.passwordHash && a.sessionVersion === b.sessionVersion + 1,
  },
  {
    name: "sign out everywhere",
    audit: "user.sign-out-everywhere",
    run: signOutEverywhereAction,
    changed: (b, a) => a.sessionVersion === b.sessionVersion + 1,
  },
  {
    name: "unlock",
    audit: "user.unlock",
    run: unlockUserAction,
    prepare: (target) =>
      updateUser(target.id, { failedSignIns: 5, lockedUntil: new Date(Date.now() + 600_000) }),
    changed: (_b, a) => a.failedSignIns === 0 && a.lockedUntil === null,
  },
];

async function makeTarget(kind: TargetKind): Promise<UserRow> {
  const created =
    kind === "staff user"
      ? await createTestUser({ email: email("target"), role: "staff" })
      : await createTestUser({
          email: email("login"),
          role: "customer",
          customerId: customerLogin.customerId ?? undefined,
        });
  return row(created.id);
}

// Who may do what to whom: admins manage everyone; staff manage customers' logins only; a
// customer's login manages nobody, not even another login of its own customer.
const matrix: {
  actor: () => SessionUser;
  label: string;
  target: TargetKind;
  allowed: boolean;
  message?: string;
}[] = [
  { label: "admin", actor: () => admin, target: "staff user", allowed: true },
  { label: "admin", actor: () => admin, target: "customer login", allowed: true },
  {
    label: "staff",
    actor: () => staff,
    target: "staff user",
    allowed: false,
    message: "Only an admin can manage staff users.",
  },
  { label: "staff", actor: () => staff, target: "customer login", allowed: true },
  // Support sees everyone and changes nothing.
  {
    label: "support",
    actor: () => support,
    target: "staff user",
    allowed: false,
    message: READ_ONLY_REFUSAL,
  },
  {
    label: "support",
    actor: () => support,
    target: "customer login",
    allowed: false,
    message: READ_ONLY_REFUSAL,
  },
  {
    label: "customer",
    actor: () => customerLogin,
    target: "staff user",
    allowed: false,
    message: "That user was not found.",
  },
  {
    label: "customer",
    actor: () => customerLogin,
    target: "customer login",
    allowed: false,
    message: "That user was not found.",
  },
  {
    label: "another customer",
    actor: () => otherCustomerLogin,
    target: "customer login",
    allowed: false,
    message: "That user was not found.",
  },
];

describe("the permission matrix of the user actions", () => {
  for (const action of cases) {
    for (const entry of matrix) {
      it(`${entry.label} ${entry.allowed ? "may" : "may not"} ${action.name} a ${entry.target}`, async () => {
        const target = await makeTarget(entry.target);
        await action.prepare?.(target);
        const before = await row(target.id);
        const auditMark = await lastAuditId();
        signInAs(entry.actor());

        const result = await action.run(action.input?.(target) ?? { userId: target.id });
        const after = await row(target.id);
        const audits = await auditAfter(auditMark);

        if (entry.allowed) {
          expect(result).toMatchObject({ ok: true });
          expect(action.changed(before, after)).toBe(true);
          expect(audits).toHaveLength(1);
          expect(audits[0]).toMatchObject({
            action: action.audit,
            outcome: "ok",
            targetUserId: target.id,
            actorEmail: entry.actor().email,
          });
        } else {
          expect(result).toEqual({ ok: false, message: entry.message });
          expect(after).toEqual(before);
          expect(audits).toHaveLength(1);
          expect(audits[0]).toMatchObject({
            action: action.audit,
            outcome: "failed",
            actorEmail: entry.actor().email,
          });
        }
      });
    }
  }

  it.each([
    ["admin", () => admin, true, undefined],
    ["staff", () => staff, false, "Only an admin can manage staff users."],
    ["support", () => support, false, READ_ONLY_REFUSAL],
    ["a customer", () => customerLogin, false, "That page was not found."],
  ] as const)("%s adding a staff user: allowed = %s", async (_label, actor, allowed, message) => {
    const auditMark = await lastAuditId();
    signInAs(actor());
    const newEmail = email("new");
    const result = await createStaffUserAction({ email: newEmail, name: "New Person", role: "staff" });
    const db = await getDb();
    const created = await db.select().from(users).where(eq(users.email, newEmail));
    const audits = await auditAfter(auditMark);
    if (allowed) {
      expect(result).toMatchObject({ ok: true, data: { email: newEmail } });
      expect(created).toHaveLength(1);
      expect(audits[0]).toMatchObject({ action: "user.create", outcome: "ok", targetUserId: created[0]?.id });
    } else {
      expect(result).toEqual({ ok: false, message });
      expect(created).toHaveLength(0);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({
        action: "user.create",
        outcome: "failed",
        actorEmail: actor().email,
      });
    }
  });

  it.each([
    ["admin", () => admin, true, undefined],
    ["staff", () => staff, false, "Only an admin can manage staff users."],
    ["support", () => support, false, READ_ONLY_REFUSAL],
    ["a customer", () => customerLogin, false, "That page was not found."],
  ] as const)("%s changing a staff role: allowed = %s", async (_label, actor, allowed, message) => {
    const target = await makeTarget("staff user");
    const auditMark = await lastAuditId();
    signInAs(actor());
    const result = await changeUserRoleAction({ userId: target.id, role: "admin" });
    expect((await row(target.id)).role).toBe(allowed ? "admin" : "staff");
    const audits = await auditAfter(auditMark);
    expect(audits).toHaveLength(1);
    if (allowed) {
      expect(result).toMatchObject({ ok: true });
      expect(audits[0]).toMatchObject({
        action: "user.change-role",
        outcome: "ok",
        details: { from: "staff", to: "admin" },
      });
    } else {
      expect(result).toEqual({ ok: false, message });
      expect(audits[0]).toMatchObject({ action: "user.change-role", outcome: "failed" });
    }
  });

  it("answers an unknown user as not found, and a malformed id as a field error", async () => {
    signInAs(admin);
    expect(await disableUserAction({ userId: crypto.randomUUID() })).toEqual({
      ok: false,
      message: "That user was not found.",
    });
    expect(await disableUserAction({ userId: "not-a-uuid" })).toMatchObject({
      ok: false,
      fieldErrors: { userId: ["That user was not found."] },
    });
  });

  it("asks a signed-out caller to sign in, and records nothing", async () => {
    const target = await makeTarget("staff user");
    const auditMark = await lastAuditId();
    signInAs(null);
    expect(await disableUserAction({ userId: target.id })).toMatchObject({
      ok: false,
      message: expect.stringContaining("Sign in again"),
    });
    expect((await row(target.id)).disabled).toBe(false);
    expect(await auditAfter(auditMark)).toHaveLength(0);
  });
});

describe("adding a staff user", () => {
  it("generates a temporary password that works, shows it once, and never records it", async () => {
    signInAs(admin);
    const auditMark = await lastAuditId();
    const result = await createStaffUserAction({
      email: "  Fresh.Person@Reseller.test ",
      name: "Fresh Person",
      role: "admin",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { temporaryPassword, userId } = result.data;
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const created = await row(userId);
    expect(created).toMatchObject({
      email: "fresh.person@reseller.test",
      name: "Fresh Person",
      role: "admin",
      customerId: null,
      disabled: false,
    });
    expect(await verifyPassword(created.passwordHash, temporaryPassword ?? "")).toBe(true);
    const audits = await auditAfter(auditMark);
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain(temporaryPassword);
    expect(JSON.stringify(audits)).not.toContain(created.passwordHash);
  });

  it("takes a password the admin chose, and does not send it back", async () => {
    signInAs(admin);
    const chosen = "Harbor-lantern-quietly-42";
    const auditMark = await lastAuditId();
    const result = await createStaffUserAction({
      email: email("chosen"),
      name: "Chosen",
      role: "staff",
      passwordMode: "choose",
      password: chosen,
    });
    expect(result).toMatchObject({ ok: true, data: { temporaryPassword: null } });
    if (!result.ok) return;
    expect(await verifyPassword((await row(result.data.userId)).passwordHash, chosen)).toBe(true);
    expect(JSON.stringify(result)).not.toContain(chosen);
    expect(JSON.stringify(await auditAfter(auditMark))).not.toContain(chosen);
  });

  it("checks a chosen password's length without echoing it", async () => {
    signInAs(admin);
    const result = await createStaffUserAction({
      email: email("short"),
      name: "Short",
      role: "staff",
      passwordMode: "choose",
      password: "Sh0rt!",
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { password: [`Use at least ${PANEL_PASSWORD_MIN} characters.`] },
    });
    expect(JSON.stringify(result)).not.toContain("Sh0rt!");
  });

  it("refuses an email that is already used, whatever its case, and a customer role", async () => {
    signInAs(admin);
    const taken = email("taken");
    await createTestUser({ email: taken, role: "staff" });
    const result = await createStaffUserAction({
      email: taken.toUpperCase(),
      name: "Again",
      role: "staff",
      passwordMode: "choose",
      password: "Another-password-1",
    });
    expect(result).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { email: [DUPLICATE_EMAIL] },
    });
    expect(JSON.stringify(result)).not.toContain("Another-password-1");
    expect(
      await createStaffUserAction({ email: email("role"), name: "Role", role: "customer" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { role: ["Choose admin, staff or support."] },
    });
  });

  it("refuses demo.test addresses unless the panel runs as the demo", async () => {
    signInAs(admin);
    demo.enabled = "0";
    try {
      expect(
        await createStaffUserAction({
          email: email("someone").replace("reseller.test", "demo.test"),
          name: "Demo",
          role: "staff",
        }),
      ).toMatchObject({
        ok: false,
        fieldErrors: { email: [expect.stringContaining("demo.test")] },
      });
    } finally {
      demo.enabled = "1";
    }
    expect(
      await createStaffUserAction({
        email: email("someone").replace("reseller.test", "demo.test"),
        name: "Demo",
        role: "staff",
      }),
    ).toMatchObject({ ok: true });
  });
});

describe("the support role", () => {
  it("is given by an admin, on creation or by a change of role, and listed with the staff", async () => {
    signInAs(admin);
    const newEmail = email("helpdesk");
    const created = await createStaffUserAction({ email: newEmail, name: "Help Desk", role: "support" });
    expect(created).toMatchObject({ ok: true, data: { email: newEmail } });
    const target = await makeTarget("staff user");
    expect(await changeUserRoleAction({ userId: target.id, role: "support" })).toEqual({
      ok: true,
      data: undefined,
      message: `${target.email} is now support (read-only).`,
    });
    expect((await row(target.id)).role).toBe("support");
    const listed = (await listStaffUsers()).map((user) => user.email);
    expect(listed).toEqual(expect.arrayContaining([newEmail, target.email]));
    expect(await changeUserRoleAction({ userId: target.id, role: "staff" })).toMatchObject({ ok: true });
  });
});

describe("the rules that keep the panel manageable", () => {
  it("keeps the last active admin an admin, and lets nobody disable themselves", async () => {
    const db = await getDb();
    await db
      .update(users)
      .set({ disabled: true })
      .where(and(eq(users.role, "admin"), eq(users.disabled, false)));
    const solo = await createTestUser({ email: email("solo"), role: "admin" });
    signInAs(solo);
    const auditMark = await lastAuditId();

    expect(await changeUserRoleAction({ userId: solo.id, role: "staff" })).toEqual({
      ok: false,
      message: LAST_ADMIN,
    });
    expect(await disableUserAction({ userId: solo.id })).toEqual({
      ok: false,
      message: "You cannot disable your own account; ask another admin.",
    });
    expect(await row(solo.id)).toMatchObject({ role: "admin", disabled: false });
    const audits = await auditAfter(auditMark);
    expect(audits.map((audit) => [audit.action, audit.outcome, audit.targetUserId])).toEqual([
      ["user.change-role", "failed", solo.id],
      ["user.disable", "failed", solo.id],
    ]);

    // With a second admin, stepping down is fine.
    const second = await createTestUser({ email: email("second"), role: "admin" });
    expect(await changeUserRoleAction({ userId: solo.id, role: "staff" })).toMatchObject({ ok: true });
    expect((await row(solo.id)).role).toBe("staff");
    await updateUser(second.id, { disabled: true });
  });

  it("lets only one of two admins disabling each other at the same moment succeed", async () => {
    const db = await getDb();
    await db
      .update(users)
      .set({ disabled: true })
      .where(and(eq(users.role, "admin"), eq(users.disabled, false)));
    const ann = await createTestUser({ email: email("ann"), role: "admin" });
    const bob = await createTestUser({ email: email("bob"), role: "admin" });
    signInAs(ann);
    const annDisablesBob = disableUserAction({ userId: bob.id });
    signInAs(bob);
    const bobDisablesAnn = disableUserAction({ userId: ann.id });
    const results = await Promise.all([annDisablesBob, bobDisablesAnn]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, message: LAST_ADMIN }]);
    const stillActive = [await row(ann.id), await row(bob.id)].filter((user) => !user.disabled);
    expect(stillActive).toHaveLength(1);
  });

  it("does not give a customer's login a staff role", async () => {
    const target = await makeTarget("customer login");
    signInAs(admin);
    expect(await changeUserRoleAction({ userId: target.id, role: "staff" })).toEqual({
      ok: false,
      message: "A customer's login cannot have a staff role; add a staff user instead.",
    });
    expect((await row(target.id)).role).toBe("customer");
  });

  it("sends admins to My account for their own password", async () => {
    signInAs(admin);
    const before = await row(admin.id);
    expect(await resetUserPasswordAction({ userId: admin.id })).toEqual({
      ok: false,
      message: "To change your own password, use My account.",
    });
    expect(await row(admin.id)).toEqual(before);
  });
});

describe("resetting, signing out and unlocking", () => {
  it("resets to a temporary password shown once, ends the sessions and records no password", async () => {
    const target = await makeTarget("customer login");
    signInAs(staff);
    const auditMark = await lastAuditId();
    const result = await resetUserPasswordAction({ userId: target.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const temporaryPassword = result.data.temporaryPassword ?? "";
    const after = await row(target.id);
    expect(await verifyPassword(after.passwordHash, temporaryPassword)).toBe(true);
    expect(after.sessionVersion).toBe(target.sessionVersion + 1);
    const audits = JSON.stringify(await auditAfter(auditMark));
    expect(audits).toContain("user.reset-password");
    expect(audits).not.toContain(temporaryPassword);
  });

  it("clears the sign-in limiter when unlocking, so the user may try again at once", async () => {
    const target = await makeTarget("staff user");
    const limiter = getSignInLimiters().account;
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i += 1)
      await limiter.consume(target.email).catch(() => undefined);
    expect((await limiter.get(target.email))?.consumedPoints).toBeGreaterThanOrEqual(ACCOUNT_MAX_FAILURES);
    signInAs(admin);
    expect(await unlockUserAction({ userId: target.id })).toMatchObject({ ok: true });
    expect(await limiter.get(target.email)).toBeNull();
  });

  it("enables a disabled user again", async () => {
    const target = await makeTarget("staff user");
    signInAs(admin);
    expect(await disableUserAction({ userId: target.id })).toMatchObject({ ok: true });
    expect((await row(target.id)).disabled).toBe(true);
    expect(await enableUserAction({ userId: target.id })).toMatchObject({ ok: true });
    expect((await row(target.id)).disabled).toBe(false);
  });
});
