import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { requirePageUser, requirePortalUser, requireStaffPage, requireUser } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { getSecuritySettings, saveSecuritySettings } from "@/lib/settings/security";
import { DEFAULT_SECURITY_SETTINGS } from "@/lib/settings/security-model";
import { auditAfter, lastAuditId } from "@/test/audit";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { saveSecuritySettingsAction } from "./security-settings";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// The setting is cached per request in the app; each call here is its own "request".
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: <T>(fn: T) => fn,
}));
// Where a page guard sends someone, as a value the test can read.
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));

let admin: SessionUser;
let staff: SessionUser;
let customer: SessionUser;

const withTotp = (user: SessionUser): SessionUser => ({ ...user, totpEnabled: true });

beforeAll(async () => {
  admin = await createTestUser({ email: "security-admin@panel.test", role: "admin" });
  staff = await createTestUser({ email: "security-staff@panel.test", role: "staff" });
  const company = await createTestCustomer("Security Customer");
  customer = await createTestUser({
    email: "security-customer@customer.test",
    role: "customer",
    customerId: company.id,
  });
});

beforeEach(async () => {
  await saveSecuritySettings(DEFAULT_SECURITY_SETTINGS);
  signInAs(withTotp(admin));
});

describe("Settings → Security", () => {
  it("starts with two-factor sign-in optional for everyone", async () => {
    expect(await getSecuritySettings()).toEqual({
      requireTwoFactorForStaff: false,
      requireTwoFactorForCustomers: false,
    });
  });

  it("saves an admin's choice and audits what changed", async () => {
    const since = await lastAuditId();
    const result = await saveSecuritySettingsAction({
      requireTwoFactorForStaff: false,
      requireTwoFactorForCustomers: true,
    });
    expect(result).toMatchObject({ ok: true, message: "Security settings saved." });
    expect(await getSecuritySettings()).toEqual({
      requireTwoFactorForStaff: false,
      requireTwoFactorForCustomers: true,
    });
    const entries = await auditAfter(since);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "settings.security",
      outcome: "ok",
      actorEmail: admin.email,
      summary: "Required two-factor sign-in for customers",
    });

    const again = await saveSecuritySettingsAction({
      requireTwoFactorForStaff: false,
      requireTwoFactorForCustomers: true,
    });
    expect(again).toMatchObject({ ok: true, message: "Nothing to save: no changes." });
    expect(await auditAfter(since)).toHaveLength(1);
  });

  it("refuses bad input with a message and changes nothing", async () => {
    const result = await saveSecuritySettingsAction({ requireTwoFactorForStaff: "yes" });
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.fieldErrors?.requireTwoFactorForStaff).toEqual([
      "Say whether staff must use two-factor sign-in.",
    ]);
    expect(result.fieldErrors?.requireTwoFactorForCustomers).toEqual([
      "Say whether customers must use two-factor sign-in.",
    ]);
    expect(await getSecuritySettings()).toEqual(DEFAULT_SECURITY_SETTINGS);
  });

  it("is for admins only: staff are refused, a customer is told it does not exist", async () => {
    signInAs(withTotp(staff));
    expect(
      await saveSecuritySettingsAction({
        requireTwoFactorForStaff: true,
        requireTwoFactorForCustomers: true,
      }),
    ).toEqual({ ok: false, message: "Only an admin can change the security settings." });
    signInAs(withTotp(customer));
    expect(
      await saveSecuritySettingsAction({
        requireTwoFactorForStaff: true,
        requireTwoFactorForCustomers: true,
      }),
    ).toEqual({ ok: false, message: "That page was not found." });
    expect(await getSecuritySettings()).toEqual(DEFAULT_SECURITY_SETTINGS);
  });
});

describe("two-factor sign-in required", () => {
  it("changes nothing while it is optional", async () => {
    signInAs(staff);
    await expect(requireStaffPage()).resolves.toMatchObject({ id: staff.id });
    await expect(requireUser()).resolves.toMatchObject({ id: staff.id });
    signInAs(customer);
    await expect(requirePortalUser()).resolves.toMatchObject({ id: customer.id });
  });

  it("sends staff without it to My account from every page, and refuses their actions", async () => {
    await saveSecuritySettings({ requireTwoFactorForStaff: true, requireTwoFactorForCustomers: false });
    signInAs(staff);
    await expect(requirePageUser()).rejects.toThrow("redirect /account");
    await expect(requireStaffPage("domains.view")).rejects.toThrow("redirect /account");
    await expect(requireUser()).rejects.toThrow(
      "An administrator has made two-factor sign-in required for staff. Set it up on your My account page to continue.",
    );
    // The action envelope resolves the user with requireUser: the refusal is the action's answer.
    signInAs(admin);
    expect(
      await saveSecuritySettingsAction({
        requireTwoFactorForStaff: false,
        requireTwoFactorForCustomers: false,
      }),
    ).toEqual({
      ok: false,
      message:
        "An administrator has made two-factor sign-in required for staff. Set it up on your My account page to continue.",
    });
    expect((await getSecuritySettings()).requireTwoFactorForStaff).toBe(true);
  });

  it("keeps the setup page, its actions and the layouts open to them", async () => {
    await saveSecuritySettings({ requireTwoFactorForStaff: true, requireTwoFactorForCustomers: true });
    signInAs(staff);
    await expect(requireStaffPage(undefined, { beforeTwoFactorSetup: true })).resolves.toMatchObject({
      id: staff.id,
    });
    await expect(requireUser({ beforeTwoFactorSetup: true })).resolves.toMatchObject({ id: staff.id });
    signInAs(customer);
    await expect(requirePortalUser({ beforeTwoFactorSetup: true })).resolves.toMatchObject({
      id: customer.id,
    });
  });

  it("sends customers to the portal's account page, in their reseller's words", async () => {
    await saveSecuritySettings({ requireTwoFactorForStaff: false, requireTwoFactorForCustomers: true });
    signInAs(customer);
    await expect(requirePortalUser()).rejects.toThrow("redirect /portal/account");
    await expect(requireUser()).rejects.toThrow(
      "Your reseller requires two-factor sign-in for your account. Set it up on your My account page to continue.",
    );
    // Staff are not concerned by the customers' switch.
    signInAs(staff);
    await expect(requireStaffPage()).resolves.toMatchObject({ id: staff.id });
  });

  it("lets through whoever has it on, and the demo's shared logins, which cannot turn it on", async () => {
    await saveSecuritySettings({ requireTwoFactorForStaff: true, requireTwoFactorForCustomers: true });
    signInAs(withTotp(staff));
    await expect(requireStaffPage()).resolves.toMatchObject({ id: staff.id });
    signInAs(withTotp(customer));
    await expect(requirePortalUser()).resolves.toMatchObject({ id: customer.id });
    signInAs({ ...staff, email: "admin@demo.test" });
    await expect(requireUser()).resolves.toMatchObject({ email: "admin@demo.test" });
  });
});
