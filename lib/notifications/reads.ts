import "server-only";
import { NotFoundError } from "@/lib/auth/errors";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { NotificationRow } from "@/lib/db/schema";
import {
  isNotificationKind,
  NOTIFICATIONS_PAGE_SIZE,
  safeHref,
  type NotificationKind,
  type NotificationSummary,
  type NotificationView,
} from "./model";
import {
  countUnread,
  listNotifications,
  markAllRead,
  markRead,
  readEmailKinds,
  writeEmailKinds,
} from "./queries";

/**
 * The door of staff notifications: each read and write is the caller's own (the user id comes from
 * the session, never from the request). Customers have none and are told the page does not exist.
 */

function requireStaffUser(user: SessionUser): void {
  if (!isStaffRole(user.role)) throw new NotFoundError("That page");
}

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    href: safeHref(row.href),
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
  };
}

/** The bell: how many are unread, and the newest few. */
export async function getNotificationSummary(user: SessionUser, latest = 5): Promise<NotificationSummary> {
  requireStaffUser(user);
  const [unread, rows] = await Promise.all([countUnread(user.id), listNotifications(user.id, latest)]);
  return { unread, latest: rows.map(toView) };
}

/** The list page: the newest first, read and unread. */
export async function getNotifications(user: SessionUser): Promise<NotificationView[]> {
  requireStaffUser(user);
  return (await listNotifications(user.id, NOTIFICATIONS_PAGE_SIZE)).map(toView);
}

export async function markNotificationRead(user: SessionUser, id: string, now = new Date()): Promise<void> {
  requireStaffUser(user);
  if (!(await markRead(user.id, id, now))) throw new NotFoundError("That notification");
}

export async function markAllNotificationsRead(user: SessionUser, now = new Date()): Promise<number> {
  requireStaffUser(user);
  return markAllRead(user.id, now);
}

/** The kinds this user wants by email (unknown kinds once stored are dropped). */
export async function getNotificationEmailChoices(user: SessionUser): Promise<NotificationKind[]> {
  requireStaffUser(user);
  return (await readEmailKinds(user.id)).filter(isNotificationKind);
}

export async function setNotificationEmailChoices(
  user: SessionUser,
  kinds: readonly NotificationKind[],
): Promise<void> {
  requireStaffUser(user);
  await writeEmailKinds(user.id, kinds);
}
