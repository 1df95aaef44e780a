import type { ApiScope } from "./scopes";

/**
 * An API key as the panel shows and the API reports it: never its secret nor the secret's hash.
 * Dates travel as ISO strings (to the browser and in JSON alike). Pure: the screens import it.
 */
export interface ApiKeyView {
  id: string;
  name: string;
  /** The public part of the key (`mpk_<prefix>_…`), to recognise it in lists and logs. */
  prefix: string;
  scopes: ApiScope[];
  /** Set for a key limited to one customer's domains and allowances. */
  customerId: string | null;
  customerName: string | null;
  createdById: string | null;
  createdByEmail: string;
  createdAt: string;
  expiresAt: string | null;
  /** Canonical addresses and CIDR ranges; empty: anywhere. */
  allowedIps: string[];
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
  revokedByEmail: string | null;
  status: ApiKeyStatus;
}

export type ApiKeyStatus = "active" | "expired" | "revoked";

export function apiKeyStatus(
  key: { revokedAt: Date | string | null; expiresAt: Date | string | null },
  now: Date = new Date(),
): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now.getTime()) return "expired";
  return "active";
}

export const API_KEY_TOKEN_START = "mpk_";

/** What a list shows of a key: its prefix, never more. */
export function maskedToken(prefix: string): string {
  return `${API_KEY_TOKEN_START}${prefix}_…`;
}

/** "2026-11-24 14:05 UTC": one clock for everyone, as the audit log shows it. */
export function formatUtcMinute(iso: string | Date): string {
  const text = typeof iso === "string" ? new Date(iso).toISOString() : iso.toISOString();
  return `${text.slice(0, 16).replace("T", " ")} UTC`;
}
