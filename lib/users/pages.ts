import "server-only";
import { requirePermission } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { findUserById, listStaffUsers } from "@/lib/users/queries";
import type { UserRow } from "@/lib/db/schema";

/** The reads of the people pages; each checks its caller inside. */

/** How the caller signs in now (the row may have changed in another tab); null when it is gone. */
export async function getOwnSignInSettings(user: SessionUser): Promise<{
  email: string;
  role: UserRow["role"];
  totpEnabled: boolean;
  recoveryCodesLeft: number;
} | null> {
  const row = await findUserById(user.id);
  if (!row) return null;
  return {
    email: row.email,
    role: row.role,
    totpEnabled: row.totpEnabled,
    recoveryCodesLeft: row.recoveryCodeHashes.length,
  };
}

/** The admins, staff and support who sign in to the panel (users.manage). */
export async function getStaffUsers(user: SessionUser): Promise<UserRow[]> {
  requirePermission(user, "users.manage");
  return listStaffUsers();
}
