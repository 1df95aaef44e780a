import "server-only";
import { createHash } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { cache } from "react";
import { z } from "zod";
import { RuleError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db";
import { appSettings } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { brandingSchema, DEFAULT_BRANDING, type Branding, type BrandingFields } from "./branding";
import { checkLogo, LOGO_TYPES, type LogoType } from "./logo";
import { effectivePortalHost, PORTAL_HOST_EXAMPLE } from "./portal-host";
import { rememberPortalHost } from "./portal-host-cache";
import { BRANDING_FIELDS_KEY } from "./portal-host-store";

/**
 * Where the reseller's brand is kept: the fields under the setting "branding", the logo's bytes
 * apart under "branding.logo" (so reading the brand for every portal page never loads the image).
 * The callers check `settings.manage`; these only store.
 */
const FIELDS_KEY = BRANDING_FIELDS_KEY;
const LOGO_KEY = "branding.logo";

const storedLogoSchema = z.object({
  contentType: z.enum(LOGO_TYPES),
  base64: z.string().min(1),
  version: z.string().min(1),
});
export type StoredLogo = z.infer<typeof storedLogoSchema>;

async function readSetting(key: string): Promise<unknown> {
  const db = await getDb();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, key));
  return row?.value;
}

async function writeSetting(key: string, value: unknown): Promise<void> {
  const db = await getDb();
  await db
    .insert(appSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
}

/** The logo's type and version, without its bytes. */
async function readLogoMeta(): Promise<Branding["logo"]> {
  const db = await getDb();
  const [row] = await db
    .select({
      contentType: sql<string | null>`${appSettings.value}->>'contentType'`,
      version: sql<string | null>`${appSettings.value}->>'version'`,
    })
    .from(appSettings)
    .where(eq(appSettings.key, LOGO_KEY));
  const parsed = storedLogoSchema.pick({ contentType: true, version: true }).safeParse(row);
  return parsed.success ? parsed.data : null;
}

/**
 * The brand as saved, or the defaults until an admin saves one. A saved value that no longer
 * fits the schema falls back field by field, so one bad field never blanks the portal.
 */
export const getBranding = cache(async (): Promise<Branding> => {
  const [stored, logo] = await Promise.all([readSetting(FIELDS_KEY), readLogoMeta()]);
  const fields = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const merged = Object.fromEntries(
    (Object.keys(brandingSchema.shape) as (keyof BrandingFields)[]).map((key) => {
      const parsed = brandingSchema.shape[key].safeParse(fields[key]);
      return [key, parsed.success ? parsed.data : DEFAULT_BRANDING[key]];
    }),
  ) as unknown as BrandingFields;
  return { ...merged, logo };
});

/**
 * Whether an admin has saved a brand (its fields or a logo). Until then the signed-out pages
 * (sign-in, password reset) keep the panel's own name; from then on they show the brand.
 */
export const isBrandingSet = cache(async (): Promise<boolean> => {
  const db = await getDb();
  const rows = await db
    .select({ key: appSettings.key })
    .from(appSettings)
    .where(inArray(appSettings.key, [FIELDS_KEY, LOGO_KEY]));
  return rows.length > 0;
});

/**
 * Saves checked fields (the caller parsed them with brandingSchema). A portal address that is the
 * panel's own host (PUBLIC_URL) is refused: every staff page there would turn into the portal.
 */
export async function saveBranding(fields: BrandingFields): Promise<void> {
  const checked = brandingSchema.parse(fields);
  const publicUrl = getEnv().PUBLIC_URL;
  if (checked.portalHost && !effectivePortalHost(checked.portalHost, publicUrl))
    throw new RuleError(
      `${checked.portalHost} is the panel's own address (PUBLIC_URL). Give the portal an address of its own, such as ${PORTAL_HOST_EXAMPLE}.`,
    );
  await writeSetting(FIELDS_KEY, checked);
  // This instance's proxy knows at once; the others within 30 seconds (portal-host-cache.ts).
  rememberPortalHost(checked.portalHost || null);
}

export type SaveLogoResult =
  | { ok: true; logo: { contentType: LogoType; version: string; bytes: number } }
  | { ok: false; message: string };

/** Checks and stores an uploaded logo; its version is a hash of the bytes. */
export async function saveLogo(bytes: Uint8Array): Promise<SaveLogoResult> {
  const check = checkLogo(bytes);
  if (!check.ok) return check;
  const version = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  const value: StoredLogo = {
    contentType: check.contentType,
    base64: Buffer.from(bytes).toString("base64"),
    version,
  };
  await writeSetting(LOGO_KEY, value);
  return { ok: true, logo: { contentType: check.contentType, version, bytes: bytes.byteLength } };
}

/** Removes the logo; the portal shows the product name instead. Returns whether there was one. */
export async function removeLogo(): Promise<boolean> {
  const db = await getDb();
  const removed = await db.delete(appSettings).where(eq(appSettings.key, LOGO_KEY)).returning();
  return removed.length > 0;
}

/** The logo's bytes for GET /api/branding/logo, or null when none is set. */
export async function readLogo(): Promise<{ contentType: LogoType; version: string; bytes: Buffer } | null> {
  const parsed = storedLogoSchema.safeParse(await readSetting(LOGO_KEY));
  if (!parsed.success) return null;
  return {
    contentType: parsed.data.contentType,
    version: parsed.data.version,
    bytes: Buffer.from(parsed.data.base64, "base64"),
  };
}
