import { z } from "zod";

/**
 * The portal's own address: a host name such as `mail.reseller.example` on which the panel answers
 * as the customers' portal (Settings → Branding). Pure (the proxy, the form and the pages share
 * it). The Host header only chooses the look and where a visitor lands; links in emails are
 * always built from PUBLIC_URL.
 */

/** One DNS label: letters, digits and inner hyphens, at most 63 characters. */
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
/** At least two labels, and a last label that is not all digits (so never an IP address). */
const HOST_NAME = new RegExp(`^(?:${LABEL}\\.)+(?=[a-z0-9-]*[a-z])${LABEL}$`);

export const PORTAL_HOST_EXAMPLE = "mail.reseller.example";

/** Lower case, no trailing dot: how a host name is compared. */
function canonical(value: string): string {
  return value.trim().toLowerCase().replace(/\.$/, "");
}

/** Why a typed portal address is not a host name, said for the person typing it; null when it is. */
export function portalHostProblem(value: string): string | null {
  const host = canonical(value);
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(host))
    return `Enter the host name only, without https:// — for example ${PORTAL_HOST_EXAMPLE}.`;
  if (/[/?#]/.test(host))
    return `Enter the host name only, without a path — for example ${PORTAL_HOST_EXAMPLE}.`;
  if (host.includes(":")) return `Enter the host name without a port — for example ${PORTAL_HOST_EXAMPLE}.`;
  if (/\s/.test(host)) return "A host name cannot contain spaces.";
  if (host.length > 253) return "A host name has at most 253 characters.";
  if (!HOST_NAME.test(host))
    return `Enter a host name with a dot, such as ${PORTAL_HOST_EXAMPLE} (letters, digits and hyphens).`;
  return null;
}

/** Settings → Branding's "Portal address": empty (none), or a host name, kept in lower case. */
export const portalHostSchema = z
  .string()
  .max(300, "A host name has at most 253 characters.")
  .transform(canonical)
  .superRefine((value, ctx) => {
    if (value === "") return;
    const problem = portalHostProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/**
 * The host of a Host header (`Mail.Reseller.Example:443` → `mail.reseller.example`), or null
 * when there is none. IPv6 literals keep their brackets; they never equal a portal address.
 */
export function hostOfHeader(header: string | null | undefined): string | null {
  if (!header) return null;
  const value = header.trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(0, value.indexOf("]") + 1) || null;
  const host = canonical(value.replace(/:\d*$/, ""));
  return host || null;
}

/** The request came to the portal's own address (a portal address is set and the Host names it). */
export function isPortalHost(
  hostHeader: string | null | undefined,
  portalHost: string | null | undefined,
): boolean {
  const host = hostOfHeader(hostHeader);
  const portal = portalHost ? canonical(portalHost) : "";
  return Boolean(host && portal && host === portal);
}

/**
 * The portal address the proxy acts on: none when it is the panel's own host (PUBLIC_URL), which
 * would otherwise send every staff page to the portal and lock staff out of the panel.
 */
export function effectivePortalHost(
  portalHost: string | null | undefined,
  publicUrl: string | null | undefined,
): string | null {
  const portal = portalHost ? canonical(portalHost) : "";
  if (!portal) return null;
  let panelHost: string | null = null;
  try {
    panelHost = publicUrl ? hostOfHeader(new URL(publicUrl).host) : null;
  } catch {
    panelHost = null;
  }
  return portal === panelHost ? null : portal;
}

/** Paths the portal's address serves as they are: the portal, sign-in and its links, APIs, Next's files. */
const KEPT_PREFIXES = ["/portal", "/sign-in", "/reset-password", "/invite", "/api", "/_next"];
/** public/'s files. */
const STATIC_FILES = new Set(["/favicon.svg"]);

function under(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/**
 * Where a request on the portal's address must go instead, or null to serve it as asked. On that
 * host `/` and every staff page (`/domains`, `/customers`, `/settings`, …) go to `/portal`; the
 * portal, the sign-in page (which then shows the portal's brand), password resets, invitations,
 * API routes and static files stay. On any other host (or with no portal address) nothing moves.
 */
export function portalHostRedirect(
  host: string | null | undefined,
  pathname: string,
  portalHost: string | null | undefined,
): string | null {
  if (!isPortalHost(host, portalHost)) return null;
  if (STATIC_FILES.has(pathname)) return null;
  if (KEPT_PREFIXES.some((prefix) => under(pathname, prefix))) return null;
  return "/portal";
}
