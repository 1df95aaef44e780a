import { z } from "zod";
import type { Role } from "@/lib/db/schema";

/**
 * Settings → Security, shared by the form and the server: whether two-factor sign-in is required,
 * separately for the reseller's own people (admin, staff, support) and for customers' logins.
 */
export const securitySettingsSchema = z
  .object({
    requireTwoFactorForStaff: z.boolean({ message: "Say whether staff must use two-factor sign-in." }),
    requireTwoFactorForCustomers: z.boolean({
      message: "Say whether customers must use two-factor sign-in.",
    }),
  })
  .strict();
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

/** Until an admin saves the page, two-factor sign-in is each person's own choice. */
export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  requireTwoFactorForStaff: false,
  requireTwoFactorForCustomers: false,
};

export type TwoFactorAudience = "staff" | "customers";

export function twoFactorAudienceOf(role: Role): TwoFactorAudience {
  return role === "customer" ? "customers" : "staff";
}

export function twoFactorRequiredFor(role: Role, settings: SecuritySettings): boolean {
  return twoFactorAudienceOf(role) === "staff"
    ? settings.requireTwoFactorForStaff
    : settings.requireTwoFactorForCustomers;
}

/** Where a person sets up two-factor sign-in: their own "My account" page. */
export function twoFactorSetupPath(role: Role): string {
  return role === "customer" ? "/portal/account" : "/account";
}

/** Who requires it, in words for that person: customers read "your reseller", never a product name. */
export function twoFactorRequiredReason(audience: TwoFactorAudience): string {
  return audience === "customers"
    ? "Your reseller requires two-factor sign-in for your account."
    : "An administrator has made two-factor sign-in required for staff.";
}

/** Why an action is refused until two-factor sign-in is set up. */
export function twoFactorRequiredMessage(role: Role): string {
  return `${twoFactorRequiredReason(twoFactorAudienceOf(role))} Set it up on your My account page to continue.`;
}
