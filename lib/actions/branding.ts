"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { can, isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import {
  brandingSchema,
  DEFAULT_BRANDING,
  logoUrl,
  type Branding,
  type BrandingFields,
} from "@/lib/branding/branding";
import { getBranding, removeLogo, saveBranding, saveLogo } from "@/lib/branding/settings";
import { userAction } from "./builder";
import type { ActionResult } from "./result";

/**
 * Settings → Branding: an admin names the portal, picks its accent colour, support contacts and
 * footer, and uploads or removes its logo. Every change is audited as `settings.branding`.
 */

const ACTION = "settings.branding";

function requireBrandingManager(user: SessionUser): void {
  if (!isStaffRole(user.role)) throw new NotFoundError("That page");
  if (!can(user, "settings.manage")) throw new ForbiddenError("Only an admin can change the branding.");
}

function revalidateBranding(): void {
  // Every portal page shows the brand, as does the staff preview of it.
  revalidatePath("/", "layout");
}

const LABELS: Record<keyof BrandingFields, string> = {
  productName: "product name",
  accentColor: "accent colour",
  supportEmail: "support email",
  supportUrl: "support URL",
  footerText: "footer",
  portalHost: "portal address",
};

export const saveBrandingAction = userAction(
  { name: ACTION, schema: brandingSchema },
  async (fields, { user, audit }): Promise<ActionResult<Branding>> => {
    requireBrandingManager(user);
    const before = await getBranding();
    const changed = (Object.keys(LABELS) as (keyof BrandingFields)[]).filter(
      (key) => before[key] !== fields[key],
    );
    if (changed.length === 0) return { ok: true, data: before, message: "Nothing to save: no changes." };
    await saveBranding(fields);
    await audit({
      outcome: "ok",
      summary: `Changed the portal's ${changed.map((key) => LABELS[key]).join(", ")}`,
      details: {
        changed,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, fields[key]])),
      },
    });
    revalidateBranding();
    return { ok: true, data: { ...fields, logo: before.logo }, message: "Branding saved." };
  },
);

/** The form's `logo` file; a forged call can send anything in place of the form: it fails here. */
const uploadSchema = z.preprocess(
  (formData) => ({ logo: formData instanceof FormData ? formData.get("logo") : undefined }),
  z.object({ logo: z.instanceof(File, { message: "Choose an image file for the logo." }) }),
);

export interface LogoResult {
  logo: Branding["logo"];
  url: string | null;
}

/** The logo arrives as FormData (field `logo`); its bytes are checked, never its name or claimed type. */
export const uploadLogoAction = userAction(
  { name: ACTION, schema: uploadSchema, rawFormData: true },
  async ({ logo }, { user, audit }): Promise<ActionResult<LogoResult>> => {
    requireBrandingManager(user);
    const saved = await saveLogo(new Uint8Array(await logo.arrayBuffer()));
    if (!saved.ok) return { ok: false, message: saved.message, fieldErrors: { logo: [saved.message] } };
    await audit({
      outcome: "ok",
      summary: `Uploaded a new portal logo (${saved.logo.contentType}, ${Math.ceil(saved.logo.bytes / 1024)} KB)`,
      details: { logo: saved.logo },
    });
    revalidateBranding();
    const logoMeta = { contentType: saved.logo.contentType, version: saved.logo.version };
    return {
      ok: true,
      data: { logo: logoMeta, url: logoUrl({ ...DEFAULT_BRANDING, logo: logoMeta }) },
      message: "Logo uploaded.",
    };
  },
);

export const removeLogoAction = userAction(
  { name: ACTION, schema: z.unknown().transform(() => undefined) },
  async (_, { user, audit }): Promise<ActionResult<LogoResult>> => {
    requireBrandingManager(user);
    const removed = await removeLogo();
    if (removed) {
      await audit({
        outcome: "ok",
        summary: "Removed the portal logo; the portal shows the product name",
        details: { logo: null },
      });
      revalidateBranding();
    }
    return {
      ok: true,
      data: { logo: null, url: null },
      message: removed ? "Logo removed." : "There was no logo to remove.",
    };
  },
);
