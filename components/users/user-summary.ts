import type { Role, UserRow } from "@/lib/users/types";

/**
 * What the pages send to the browser about a user: never the password hash, the TOTP secret or
 * the recovery codes. Dates travel as ISO strings.
 */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** Set only while the lock lasts. */
  lockedUntil: string | null;
  totpEnabled: boolean;
  lastSignInAt: string | null;
  /** The signed-in user themselves: some actions are not offered on oneself. */
  isSelf: boolean;
}

export function toUserSummary(row: UserRow, options: { selfId: string; now: Date }): UserSummary {
  const locked = row.lockedUntil && row.lockedUntil > options.now ? row.lockedUntil : null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    lockedUntil: locked ? locked.toISOString() : null,
    totpEnabled: row.totpEnabled,
    lastSignInAt: row.lastSignInAt ? row.lastSignInAt.toISOString() : null,
    isSelf: row.id === options.selfId,
  };
}

/** "2026-11-24 14:05 UTC": one clock for everyone, as the audit log shows it. */
export function formatUtcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
