import { z } from "zod";
import { portalHostSchema } from "./portal-host";

/**
 * The reseller's brand, shown on the customers' portal and in the emails it sends. Edited by an
 * admin under Settings → Branding. Pure data and schema (browser-safe); the logo's bytes are kept
 * apart and served by GET /api/branding/logo.
 */
export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

export const brandingSchema = z.object({
  productName: z.string().trim().min(1, "Enter the name your customers know you by.").max(60),
  /** Accent colour of the portal (buttons, links), #rrggbb. */
  accentColor: z.string().regex(HEX_COLOUR, "Enter a colour such as #2563eb."),
  supportEmail: z.union([z.literal(""), z.email("Enter an email address such as help@example.com.")]),
  supportUrl: z.union([
    z.literal(""),
    z.url({ protocol: /^https?$/, message: "Enter a web address starting with https://." }),
  ]),
  /** Plain text under every portal page (no HTML). */
  footerText: z.string().trim().max(500),
  /**
   * The portal's own address (a host name such as mail.reseller.example), or "" for none. On that
   * host the panel answers as the portal, with its own branded sign-in (proxy.ts).
   */
  portalHost: portalHostSchema.default(""),
});
export type BrandingFields = z.infer<typeof brandingSchema>;

export interface Branding extends BrandingFields {
  /** Set when a logo was uploaded; the version makes its URL change when it does. */
  logo: { contentType: string; version: string } | null;
}

export const DEFAULT_BRANDING: Branding = {
  productName: "Mail Portal",
  accentColor: "#2563eb",
  supportEmail: "",
  supportUrl: "",
  footerText: "",
  portalHost: "",
  logo: null,
};

/** The logo's URL, versioned so browsers fetch a new one after an upload. */
export function logoUrl(branding: Branding): string | null {
  return branding.logo ? `/api/branding/logo?v=${encodeURIComponent(branding.logo.version)}` : null;
}
