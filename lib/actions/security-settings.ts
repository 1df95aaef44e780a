"use server";

import { revalidatePath } from "next/cache";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { can, isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getSecuritySettings, saveSecuritySettings } from "@/lib/settings/security";
import { securitySettingsSchema, type SecuritySettings } from "@/lib/settings/security-model";
import { userAction } from "./builder";
import type { ActionResult } from "./result";

/**
 * Settings → Security: an admin makes two-factor sign-in required for staff, for customers, or
 * both. Audited as `settings.security`. From the next page or action on, a person of that kind
 * without two-factor sign-in can only set it up (lib/auth/guards.ts).
 */

function requireSecurityManager(user: SessionUser): void {
  if (!isStaffRole(user.role)) throw new NotFoundError("That page");
  if (!can(user, "settings.manage"))
    throw new ForbiddenError("Only an admin can change the security settings.");
}

const LABELS: Record<keyof SecuritySettings, string> = {
  requireTwoFactorForStaff: "staff",
  requireTwoFactorForCustomers: "customers",
};

function describeChange(key: keyof SecuritySettings, required: boolean): string {
  return `${required ? "Required" : "No longer required"} two-factor sign-in for ${LABELS[key]}`;
}

export const saveSecuritySettingsAction = userAction(
  { name: "settings.security", schema: securitySettingsSchema },
  async (settings, { user, audit }): Promise<ActionResult<SecuritySettings>> => {
    requireSecurityManager(user);
    const before = await getSecuritySettings();
    const changed = (Object.keys(LABELS) as (keyof SecuritySettings)[]).filter(
      (key) => before[key] !== settings[key],
    );
    if (changed.length === 0) return { ok: true, data: before, message: "Nothing to save: no changes." };
    await saveSecuritySettings(settings);
    await audit({
      outcome: "ok",
      summary: changed.map((key) => describeChange(key, settings[key])).join("; "),
      details: {
        changed,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, settings[key]])),
      },
    });
    // Every page's guard reads the setting; nothing cached across requests depends on it.
    revalidatePath("/settings/security");
    return { ok: true, data: settings, message: "Security settings saved." };
  },
);
