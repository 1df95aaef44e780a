import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

/**
 * The grant that lets one staff member look at one customer's portal for a short while. Starting a
 * preview is a write (audited once, lib/actions/portal-preview.ts); the preview pages then only read
 * this grant, so looking around writes nothing. The grant is a cookie the browser cannot read
 * (httpOnly), scoped to that customer's preview path, and signed with a key derived from
 * AUTH_SECRET (as secret-box.ts derives its own): `v1.<staff id>.<customer id>.<expiry s>.<mac>`.
 */

export const PREVIEW_GRANT_MINUTES = 30;
export const PREVIEW_GRANT_SECONDS = PREVIEW_GRANT_MINUTES * 60;
export const PREVIEW_GRANT_COOKIE = "mailpak-portal-preview";

const VERSION = "v1";

export interface PreviewGrantSubject {
  staffId: string;
  customerId: string;
}

/** The preview's own path: the grant goes nowhere else, not even to another customer's preview. */
export function previewGrantPath(customerId: string): string {
  return `/customers/${customerId}/preview`;
}

function grantKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "mailpak", "portal-preview-grant-v1", 32));
}

function mac(body: string, secret: string): Buffer {
  return createHmac("sha256", grantKey(secret)).update(body).digest();
}

/** A signed grant for this staff member and customer, valid for PREVIEW_GRANT_SECONDS from `now`. */
export function signPreviewGrant(
  subject: PreviewGrantSubject,
  now: Date = new Date(),
  secret: string = getEnv().AUTH_SECRET,
): { token: string; expiresAt: Date } {
  const expires = Math.floor(now.getTime() / 1000) + PREVIEW_GRANT_SECONDS;
  const body = [VERSION, subject.staffId, subject.customerId, String(expires)].join(".");
  return {
    token: `${body}.${mac(body, secret).toString("base64url")}`,
    expiresAt: new Date(expires * 1000),
  };
}

/**
 * True when `token` is a grant this server signed for exactly this staff member and customer, and
 * it has not expired. Anything else (absent, malformed, forged, someone else's, expired) is false.
 */
export function verifyPreviewGrant(
  token: string | undefined,
  subject: PreviewGrantSubject,
  now: Date = new Date(),
  secret: string = getEnv().AUTH_SECRET,
): boolean {
  if (!token) return false;
  const parts = token.split(".");
  if (parts.length !== 5) return false;
  const [version, staffId, customerId, expires, signature] = parts;
  if (version !== VERSION || !signature || !expires || !/^\d{1,12}$/.test(expires)) return false;
  const presented = Buffer.from(signature, "base64url");
  const expected = mac(parts.slice(0, 4).join("."), secret);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return false;
  if (staffId !== subject.staffId || customerId !== subject.customerId) return false;
  return Number(expires) * 1000 > now.getTime();
}
