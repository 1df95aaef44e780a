import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

/**
 * A link that downloads one mailbox's Apple profile without signing in, for the QR code a phone's
 * camera opens and for the setup email: the person setting up the phone has the mailbox, not a
 * login to the panel. The link holds the address and an expiry, signed with a key derived from
 * AUTH_SECRET; the profile it gives names only the address and the servers (never a password), so
 * a forwarded link tells no more than the setup email itself. Token: `v1.<address b64url>.<expiry s>.<mac>`.
 */
export const PROFILE_LINK_DAYS = 7;
const VERSION = "v1";

function linkKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "mailpak", "mail-setup-profile-link-v1", 32));
}

function mac(body: string, secret: string): Buffer {
  return createHmac("sha256", linkKey(secret)).update(body).digest();
}

export function signProfileLink(
  address: string,
  now: Date = new Date(),
  secret: string = getEnv().AUTH_SECRET,
): { token: string; expiresAt: Date } {
  const expires = Math.floor(now.getTime() / 1000) + PROFILE_LINK_DAYS * 86_400;
  const body = [
    VERSION,
    Buffer.from(address.toLowerCase(), "utf8").toString("base64url"),
    String(expires),
  ].join(".");
  return { token: `${body}.${mac(body, secret).toString("base64url")}`, expiresAt: new Date(expires * 1000) };
}

/** The address a link was signed for while it is valid; null for anything forged, altered or expired. */
export function verifyProfileLink(
  token: string,
  now: Date = new Date(),
  secret: string = getEnv().AUTH_SECRET,
): string | null {
  if (token.length > 600) return null;
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [version, encoded, expires, signature] = parts;
  if (version !== VERSION || !encoded || !signature || !expires || !/^\d{1,12}$/.test(expires)) return null;
  const presented = Buffer.from(signature, "base64url");
  const expected = mac(parts.slice(0, 3).join("."), secret);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
  if (Number(expires) * 1000 <= now.getTime()) return null;
  const address = Buffer.from(encoded, "base64url").toString("utf8");
  return /^[^\s@]+@[^\s@]+$/.test(address) ? address : null;
}

/** The path of a signed profile link (the route: app/api/mail-setup/profile/[token]). */
export function profileLinkPath(token: string): string {
  return `/api/mail-setup/profile/${encodeURIComponent(token)}`;
}
