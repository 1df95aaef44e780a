import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appSettings } from "@/lib/db/schema";
import { portalHostSchema } from "./portal-host";

/** The branding setting's key (lib/branding/settings.ts keeps the brand's fields under it). */
export const BRANDING_FIELDS_KEY = "branding";

/**
 * Only the portal address of the saved brand, for the proxy (portal-host-cache.ts): one small
 * read, no logo, no React cache. Null when none is saved or the saved value is no host name.
 */
export async function readPortalHost(): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ host: sql<string | null>`${appSettings.value}->>'portalHost'` })
    .from(appSettings)
    .where(eq(appSettings.key, BRANDING_FIELDS_KEY));
  const parsed = portalHostSchema.safeParse(row?.host ?? "");
  return parsed.success && parsed.data ? parsed.data : null;
}
