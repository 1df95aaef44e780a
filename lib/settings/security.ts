import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { appSettings } from "@/lib/db/schema";
import { DEFAULT_SECURITY_SETTINGS, securitySettingsSchema, type SecuritySettings } from "./security-model";

/**
 * Where Settings → Security is kept: the setting "security" in app_settings. The callers check
 * `settings.manage`; these only store. The guards read it on every page and action, so a request
 * reads it once (React `cache`).
 */
const KEY = "security";

/** The saved settings, or the defaults; a saved value that no longer fits falls back field by field. */
export const getSecuritySettings = cache(async (): Promise<SecuritySettings> => {
  const db = await getDb();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, KEY));
  const stored =
    typeof row?.value === "object" && row.value !== null ? (row.value as Record<string, unknown>) : {};
  const shape = securitySettingsSchema.shape;
  return {
    requireTwoFactorForStaff:
      shape.requireTwoFactorForStaff.safeParse(stored.requireTwoFactorForStaff).data ??
      DEFAULT_SECURITY_SETTINGS.requireTwoFactorForStaff,
    requireTwoFactorForCustomers:
      shape.requireTwoFactorForCustomers.safeParse(stored.requireTwoFactorForCustomers).data ??
      DEFAULT_SECURITY_SETTINGS.requireTwoFactorForCustomers,
  };
});

/** Saves checked settings (the caller parsed them with securitySettingsSchema). */
export async function saveSecuritySettings(settings: SecuritySettings): Promise<void> {
  const value = securitySettingsSchema.parse(settings);
  const db = await getDb();
  await db
    .insert(appSettings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
}
