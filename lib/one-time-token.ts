import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Secrets sent by email (invitations, password reset links): 32 random bytes, base64url, in the
 * link only. The database keeps the SHA-256 of the token, so a leaked table opens no account.
 */
export function newOneTimeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as it appears in a link: 43 base64url characters. Anything else is not worth a query. */
export function looksLikeOneTimeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
