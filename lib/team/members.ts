import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { forgetSessionUser } from "@/lib/auth/session-user-cache";
import { getDb } from "@/lib/db";
import { users, type CustomerInvitationRow, type UserRow } from "@/lib/db/schema";
import { revokeInvitationsSentBy } from "./invitations";

/** The logins of one customer, as its Team page lists them. */
export interface Colleague {
  id: string;
  name: string;
  email: string;
  customerAdmin: boolean;
  disabled: boolean;
  lastSignInAt: Date | null;
}

export async function listColleagues(customerId: string): Promise<Colleague[]> {
  const db = await getDb();
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      customerAdmin: users.customerAdmin,
      disabled: users.disabled,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(and(eq(users.customerId, customerId), eq(users.role, "customer")))
    .orderBy(asc(users.name), asc(users.email));
}

export type RemoveOutcome =
  | { kind: "removed"; user: UserRow; withdrawn: CustomerInvitationRow[] }
  | { kind: "not-found" }
  | { kind: "self" }
  | { kind: "last-admin" };

/** A database handle or an open transaction: both can select. */
type Reader = Pick<Awaited<ReturnType<typeof getDb>>, "select">;

/**
 * Locks the customer's active administrators, then the colleague's row (a login of that customer),
 * so that two administrators changing each other at once cannot leave the team without one.
 */
async function lockAdminsAndColleague(tx: Reader, customerId: string, userId: string) {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.customerId, customerId), eq(users.customerAdmin, true), eq(users.disabled, false)))
    .for("update");
  const [target] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.customerId, customerId), eq(users.role, "customer")))
    .for("update")
    .limit(1);
  return { admins, target };
}

/**
 * Deletes a colleague's login, which ends their sessions at their next request (the session check
 * finds no user). Only a login of the same customer; never the caller's own; never the last
 * active administrator. The customer's administrators are locked first, so two administrators
 * removing each other at once cannot both succeed. Invitations they sent and nobody accepted yet
 * are withdrawn with them.
 */
export async function removeColleague(
  customerId: string,
  actorId: string,
  userId: string,
): Promise<RemoveOutcome> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<RemoveOutcome> => {
    const { admins, target } = await lockAdminsAndColleague(tx, customerId, userId);
    if (!target) return { kind: "not-found" };
    if (target.id === actorId) return { kind: "self" };
    if (target.customerAdmin && !target.disabled && admins.every((admin) => admin.id === target.id))
      return { kind: "last-admin" };
    const withdrawn = await revokeInvitationsSentBy(target.id, tx);
    await tx.delete(users).where(eq(users.id, target.id));
    return { kind: "removed", user: target, withdrawn };
  });
  if (outcome.kind === "removed") forgetSessionUser(userId);
  return outcome;
}

export type AdminChangeOutcome =
  | { kind: "changed"; user: UserRow; withdrawn: CustomerInvitationRow[] }
  | { kind: "unchanged"; user: UserRow }
  | { kind: "not-found" }
  | { kind: "disabled" }
  | { kind: "last-admin" };

/**
 * Makes a colleague an administrator of their customer's team, or takes the role away (also from
 * the caller, while another active administrator remains). Never leaves the customer without an
 * active administrator: its administrators are locked first, as for removal. Invitations sent by
 * someone who stops being an administrator are withdrawn.
 */
export async function setColleagueAdmin(
  customerId: string,
  userId: string,
  admin: boolean,
): Promise<AdminChangeOutcome> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<AdminChangeOutcome> => {
    const { admins, target } = await lockAdminsAndColleague(tx, customerId, userId);
    if (!target) return { kind: "not-found" };
    if (target.customerAdmin === admin) return { kind: "unchanged", user: target };
    // A disabled login was stopped by the reseller; only the reseller's staff may bring it back.
    if (admin && target.disabled) return { kind: "disabled" };
    if (!admin && !target.disabled && admins.every((row) => row.id === target.id))
      return { kind: "last-admin" };
    const [user] = await tx
      .update(users)
      .set({ customerAdmin: admin, updatedAt: new Date() })
      .where(eq(users.id, target.id))
      .returning();
    if (!user) return { kind: "not-found" };
    const withdrawn = admin ? [] : await revokeInvitationsSentBy(target.id, tx);
    return { kind: "changed", user, withdrawn };
  });
  if (outcome.kind === "changed") forgetSessionUser(userId);
  return outcome;
}
