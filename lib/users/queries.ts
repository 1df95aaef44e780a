import "server-only";
import { and, asc, count, eq, isNull, lt, or, sql } from "drizzle-orm";
import { forgetSessionUser } from "@/lib/auth/session-user-cache";
import { getDb } from "@/lib/db";
import { customers, users, type Role, type UserRow } from "@/lib/db/schema";

export async function findUserByEmail(email: string): Promise<UserRow | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row;
}

export async function findUserById(id: string): Promise<UserRow | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** A user with what their customer allows, in one query (the session check runs on every request). */
export async function findUserWithCustomer(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      user: users,
      customer: {
        id: customers.id,
        name: customers.name,
        canCreateMailboxes: customers.canCreateMailboxes,
        canManageMailboxes: customers.canManageMailboxes,
        canToggleAutoRenew: customers.canToggleAutoRenew,
        canPurchase: customers.canPurchase,
        canRenew: customers.canRenew,
      },
    })
    .from(users)
    .leftJoin(customers, eq(users.customerId, customers.id))
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

export async function updateUser(
  id: string,
  values: Partial<Omit<UserRow, "id" | "createdAt">>,
): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id));
  forgetSessionUser(id);
}

/**
 * Records that a TOTP code of `step` was used, unless one of that step or later already was:
 * false means the code is a replay (also when two sign-ins race with the same code).
 */
export async function claimTotpStep(id: string, step: number): Promise<boolean> {
  const db = await getDb();
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length === 1;
}

/**
 * Removes one recovery code's hash from the user's unused ones, in one statement: of several
 * sign-ins racing with the same code, one gets the remaining count, the others null.
 */
export async function claimRecoveryCode(id: string, codeHash: string): Promise<number | null> {
  const db = await getDb();
  const [claimed] = await db
    .update(users)
    .set({ recoveryCodeHashes: sql`${users.recoveryCodeHashes} - ${codeHash}::text` })
    .where(and(eq(users.id, id), sql`${users.recoveryCodeHashes} @> jsonb_build_array(${codeHash}::text)`))
    .returning({ hashes: users.recoveryCodeHashes });
  forgetSessionUser(id);
  return claimed ? claimed.hashes.length : null;
}

export async function insertUser(values: {
  email: string;
  name: string;
  role: Role;
  customerId?: string | null;
  passwordHash: string;
  /** A customer's administrator (invites and removes colleagues); meaningless for staff. */
  customerAdmin?: boolean;
}): Promise<UserRow> {
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase(), customerId: values.customerId ?? null })
    .returning();
  if (!row) throw new Error("The user was not created.");
  return row;
}

export async function listStaffUsers(): Promise<UserRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(users)
    .where(sql`${users.role} in ('admin', 'staff', 'support')`)
    .orderBy(asc(users.role), asc(users.email));
}

export async function listCustomerUsers(customerId: string): Promise<UserRow[]> {
  const db = await getDb();
  return db.select().from(users).where(eq(users.customerId, customerId)).orderBy(asc(users.email));
}

/** Admins who can still sign in; the last one may not be disabled, demoted or deleted. */
export async function countActiveAdmins(): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false)));
  return row?.n ?? 0;
}

export async function countUsersWithEmailDomain(domain: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(sql`lower(${users.email}) like ${`%@${domain.toLowerCase()}`}`);
  return row?.n ?? 0;
}

/** Postgres' unique_violation, whether the driver (pg or PGlite) or Drizzle's wrapper carries it. */
function isUniqueViolation(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    if ("code" in current && current.code === "23505") return true;
    current = "cause" in current ? current.cause : undefined;
  }
  return false;
}

/**
 * Inserts a user, or answers null when the email (in any case) is already taken: the unique
 * index decides, so two people adding the same address at once cannot both succeed.
 */
export async function insertUserUnlessEmailTaken(
  values: Parameters<typeof insertUser>[0],
): Promise<UserRow | null> {
  try {
    return await insertUser(values);
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export type AdminSafeUpdate = "updated" | "not-found" | "last-admin";

/**
 * Disables a user or changes a staff role, unless that would leave no active admin. Active admins
 * are locked first, so two admins demoting or disabling each other at the same moment cannot both
 * succeed.
 */
export async function updateUserKeepingAnAdmin(
  id: string,
  values: { disabled?: boolean; role?: "admin" | "staff" | "support" },
): Promise<AdminSafeUpdate> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<AdminSafeUpdate> => {
    const activeAdmins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.disabled, false)))
      .for("update");
    const [target] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
    if (!target) return "not-found";
    const wasActiveAdmin = target.role === "admin" && !target.disabled;
    const staysActiveAdmin =
      (values.role ?? target.role) === "admin" && !(values.disabled ?? target.disabled);
    if (wasActiveAdmin && !staysActiveAdmin && activeAdmins.filter((admin) => admin.id !== id).length === 0)
      return "last-admin";
    // Disabling ends every session for good: enabling the user again later revives none of them.
    const endSessions = values.disabled ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {};
    await tx
      .update(users)
      .set({ ...values, ...endSessions, updatedAt: new Date() })
      .where(eq(users.id, id));
    return "updated";
  });
  forgetSessionUser(id);
  return outcome;
}

/**
 * Ends every session of the user (sessions carry the version they were issued with), optionally
 * with other changes in the same statement, such as a new password.
 */
export async function bumpSessionVersion(
  id: string,
  values: Partial<Pick<UserRow, "passwordHash" | "disabled">> = {},
): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ ...values, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id));
  forgetSessionUser(id);
}
