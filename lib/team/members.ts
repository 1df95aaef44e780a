import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { forgetSessionUser } from "@/lib/auth/session-user-cache";
import { getDb } from "@/lib/db";
import { users, type UserRow } from "@/lib/db/schema";

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
  { kind: "removed"; user: UserRow } | { kind: "not-found" } | { kind: "self" } | { kind: "last-admin" };

/**
 * Deletes a colleague's login, which ends their sessions at their next request (the session check
 * finds no user). Only a login of the same customer; never the caller's own; never the last
 * active administrator. The customer's administrators are locked first, so two administrators
 * removing each other at once cannot both succeed.
 */
export async function removeColleague(
  customerId: string,
  actorId: string,
  userId: string,
): Promise<RemoveOutcome> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<RemoveOutcome> => {
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.customerId, customerId), eq(users.customerAdmin, true), eq(users.disabled, false)))
      .for("update");
    const [target] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.customerId, customerId), eq(users.role, "customer")))
      .limit(1);
    if (!target) return { kind: "not-found" };
    if (target.id === actorId) return { kind: "self" };
    if (target.customerAdmin && !target.disabled && admins.every((admin) => admin.id === target.id))
      return { kind: "last-admin" };
    await tx.delete(users).where(eq(users.id, target.id));
    return { kind: "removed", user: target };
  });
  if (outcome.kind === "removed") forgetSessionUser(userId);
  return outcome;
}
