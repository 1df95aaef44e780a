import "server-only";
import { createHash } from "node:crypto";

/** RFC-draft `Idempotency-Key`: any visible ASCII, at most 255 characters (as Stripe takes it). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * The purchase's own idempotency key (a UUID, as the wizards make) for a client's
 * `Idempotency-Key` header: the same header from the same API key always gives the same UUID, so
 * a replay finds the first attempt and buys nothing; another key's header never collides with it.
 */
export function purchaseKeyFor(apiKeyId: string, header: string): string {
  const hex = createHash("sha256").update(`mailpak-api:${apiKeyId}:${header}`).digest("hex");
  // Shaped as a version-8 (custom) UUID, RFC 9562.
  const variant = ((parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
