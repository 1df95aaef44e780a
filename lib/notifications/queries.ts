import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { mirrorPaks, notifications, users, type NotificationRow } from "@/lib/db/schema";

/**
 * Every SQL statement of staff notifications. A notification is one row per staff user, unique on
 * (user, dedupe key): a retried job, a second instance or a second page view adds nothing.
 */

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  href: string | null;
  dedupeKey: string;
}

/** A row just created, with who it is for and whether they want that kind by email. */
export interface CreatedNotification {
  id: string;
  userId: string;
  email: string;
  wantsEmail: boolean;
}

/**
 * One row for every enabled admin and staff user who does not have this event yet, in one
 * statement; returns only the rows created now (so an event is emailed once, like it is shown).
 */
export async function insertForStaff(notification: NewNotification): Promise<CreatedNotification[]> {
  const db = await getDb();
  const result = await db.execute(sql`
    with inserted as (
      insert into ${notifications} (user_id, kind, title, body, href, dedupe_key)
      select ${users.id}, ${notification.kind}, ${notification.title}, ${notification.body}, ${notification.href}, ${notification.dedupeKey}
      from ${users}
      where ${users.role} in ('admin', 'staff') and not ${users.disabled}
      on conflict (user_id, dedupe_key) do nothing
      returning id, user_id
    )
    select inserted.id, inserted.user_id, u.email, (u.notification_emails ? ${notification.kind}) as wants_email
    from inserted join ${users} u on u.id = inserted.user_id`);
  return rowsOf<{ id: string; user_id: string; email: string; wants_email: boolean }>(result).map((row) => ({
    id: row.id,
    userId: row.user_id,
    email: row.email,
    wantsEmail: Boolean(row.wants_email),
  }));
}

export async function markEmailed(ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  const db = await getDb();
  await db
    .update(notifications)
    .set({ emailedAt: at })
    .where(inArray(notifications.id, [...ids]));
}

/** A user's notifications, newest first. */
export async function listNotifications(userId: string, limit: number): Promise<NotificationRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function countUnread(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's own notifications read; false when it is not theirs (or not there). */
export async function markRead(userId: string, id: string, at: Date): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at})` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Marks all of the user's unread notifications read; how many were. */
export async function markAllRead(userId: string, at: Date): Promise<number> {
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function readEmailKinds(userId: string): Promise<string[]> {
  const db = await getDb();
  const [row] = await db
    .select({ kinds: users.notificationEmails })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row?.kinds ?? [];
}

export async function writeEmailKinds(userId: string, kinds: readonly string[]): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ notificationEmails: [...kinds], updatedAt: new Date() })
    .where(eq(users.id, userId));
}

/** A pak that should have renewed itself: auto-renew on, yet expired on or after `sinceIso`. */
export interface LapsedAutoRenewPak {
  domain: string;
  bundleId: number;
  expires: string;
}

export async function findLapsedAutoRenewPaks(
  sinceIso: string,
  todayIso: string,
): Promise<LapsedAutoRenewPak[]> {
  const db = await getDb();
  return db
    .select({ domain: mirrorPaks.domain, bundleId: mirrorPaks.bundleId, expires: mirrorPaks.expires })
    .from(mirrorPaks)
    .where(
      and(
        eq(mirrorPaks.autoRenew, true),
        sql`${mirrorPaks.expires} < ${todayIso}`,
        sql`${mirrorPaks.expires} >= ${sinceIso}`,
      ),
    )
    .orderBy(mirrorPaks.expires, mirrorPaks.domain, mirrorPaks.bundleId);
}

function rowsOf<T>(result: unknown): T[] {
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows))
    return result.rows as T[];
  throw new Error("The database answered a query without rows.");
}
