import { describe, expect, it } from "vitest";
import {
  DEFAULT_SECURITY_SETTINGS,
  securitySettingsSchema,
  twoFactorRequiredFor,
  twoFactorRequiredMessage,
  twoFactorSetupPath,
} from "./security-model";

describe("two-factor sign-in requirement", () => {
  const staffOnly = { requireTwoFactorForStaff: true, requireTwoFactorForCustomers: false };
  const customersOnly = { requireTwoFactorForStaff: false, requireTwoFactorForCustomers: true };

  it("applies the staff switch to admins, staff and support, the customers' switch to customers", () => {
    for (const role of ["admin", "staff", "support"] as const) {
      expect(twoFactorRequiredFor(role, staffOnly)).toBe(true);
      expect(twoFactorRequiredFor(role, customersOnly)).toBe(false);
    }
    expect(twoFactorRequiredFor("customer", staffOnly)).toBe(false);
    expect(twoFactorRequiredFor("customer", customersOnly)).toBe(true);
    expect(twoFactorRequiredFor("admin", DEFAULT_SECURITY_SETTINGS)).toBe(false);
  });

  it("sends each kind to its own account page, and tells customers it is their reseller's rule", () => {
    expect(twoFactorSetupPath("staff")).toBe("/account");
    expect(twoFactorSetupPath("customer")).toBe("/portal/account");
    expect(twoFactorRequiredMessage("customer")).toMatch(/^Your reseller requires two-factor sign-in/);
    expect(twoFactorRequiredMessage("customer")).not.toMatch(/enom|mailpak/i);
    expect(twoFactorRequiredMessage("support")).toMatch(
      /^An administrator has made two-factor sign-in required/,
    );
  });

  it("accepts only the two switches, as booleans", () => {
    expect(securitySettingsSchema.safeParse(staffOnly).success).toBe(true);
    expect(securitySettingsSchema.safeParse({ ...staffOnly, requireTwoFactorForStaff: "on" }).success).toBe(
      false,
    );
    expect(securitySettingsSchema.safeParse({ ...staffOnly, extra: true }).success).toBe(false);
  });
});
