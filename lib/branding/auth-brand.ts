import "server-only";
import { headers } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";
import { DEFAULT_BRANDING, type Branding } from "./branding";
import { isPortalHost } from "./portal-host";
import { getBranding, isBrandingSet } from "./settings";

/** The panel's own name: what the signed-out pages say until a brand is saved. */
export const PANEL_NAME = "Mailpak";

/**
 * How the signed-out pages (sign-in, password reset, invitations) present themselves. Once an admin
 * has saved a brand, customers meet it from the first screen: its name, logo and accent colour,
 * never the panel's name. Before that, the panel's own name. `onPortalHost` says the request came
 * to the portal's own address (the Host header chooses the look only, never a link in an email).
 */
export interface AuthBrand {
  branding: Branding;
  /** True: the reseller's brand; false: the panel's own name and look (nothing saved yet). */
  branded: boolean;
  onPortalHost: boolean;
}

export const getAuthBrand = cache(async (): Promise<AuthBrand> => {
  // Per request, never at build time: the brand is in the database, the host in the request.
  await connection();
  const [branding, saved, requestHeaders] = await Promise.all([getBranding(), isBrandingSet(), headers()]);
  const onPortalHost = isPortalHost(requestHeaders.get("host"), branding.portalHost);
  const branded = saved || onPortalHost;
  return {
    branding: branded ? branding : { ...DEFAULT_BRANDING, productName: PANEL_NAME },
    branded,
    onPortalHost,
  };
});
