"use client";

import { BellOff, Check, CheckCheck } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useAction } from "@/components/use-action";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/actions/notifications";
import {
  isNotificationKind,
  NOTIFICATION_KIND_LABELS,
  type NotificationView,
} from "@/lib/notifications/model";
import { cn } from "@/lib/utils";
import { useRefreshNotifications } from "./notification-reads";

const when = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "Nov 24, 2026, 07:02 UTC" (a fixed zone, so the server's HTML and the browser agree). */
function formatWhen(iso: string): string {
  return `${when.format(new Date(iso))} UTC`;
}

function kindLabel(kind: string): string {
  return isNotificationKind(kind) ? NOTIFICATION_KIND_LABELS[kind].label : kind;
}

/**
 * The signed-in user's notifications, newest first; unread ones marked and each with "Mark read".
 * Opening one's link marks it read too. After each change the page and the bell read again.
 */
export function NotificationList({ notifications }: { notifications: NotificationView[] }) {
  const router = useRouter();
  const refreshBell = useRefreshNotifications();
  const [status, setStatus] = useState<string | null>(null);
  const refresh = () => {
    refreshBell();
    router.refresh();
  };
  const markOne = useAction(markNotificationReadAction, { onSuccess: refresh });
  const markAll = useAction(markAllNotificationsReadAction, {
    onSuccess: (_data, result) => {
      setStatus(result.message ?? "Done.");
      refresh();
    },
  });
  const unread = notifications.filter((notification) => !notification.read).length;
  const error = markOne.error ?? markAll.error;

  if (notifications.length === 0)
    return (
      <EmptyState icon={BellOff} title="No notifications yet">
        When the balance runs low, an auto-renewal fails or a customer buys in the portal, it is listed here.
      </EmptyState>
    );

  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted">
          {unread
            ? `${unread.toLocaleString("en-US")} unread of ${notifications.length.toLocaleString("en-US")}`
            : "All read"}
        </p>
        <Button
          variant="secondary"
          size="sm"
          disabled={unread === 0 || markAll.pending}
          onClick={() => void markAll.run(undefined)}
        >
          <CheckCheck aria-hidden="true" className="size-4" />
          {markAll.pending ? "Marking…" : "Mark all read"}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="text-sm">
        {error ? <span className="text-danger">{error}</span> : status}
      </div>
      <ul aria-label="Notifications" className="flex flex-col gap-2">
        {notifications.map((notification) => (
          <li
            key={notification.id}
            className={cn(
              "flex flex-col gap-2 rounded-lg border bg-surface p-4 shadow-sm sm:flex-row sm:items-start sm:justify-between",
              notification.read ? "border-line" : "border-accent/50 bg-accent-soft/40",
            )}
          >
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 text-xs text-muted">
                {notification.read ? null : <Badge tone="accent">Unread</Badge>}
                <span>{kindLabel(notification.kind)}</span>
                <span aria-hidden="true">·</span>
                <time dateTime={notification.createdAt}>{formatWhen(notification.createdAt)}</time>
              </p>
              <h2 className="mt-1 text-sm font-semibold [overflow-wrap:anywhere]">
                {notification.href ? (
                  <Link
                    href={notification.href}
                    className="text-accent underline-offset-2 hover:underline"
                    onClick={() => {
                      if (!notification.read) void markOne.run({ id: notification.id });
                    }}
                  >
                    {notification.title}
                  </Link>
                ) : (
                  notification.title
                )}
              </h2>
              {notification.body ? (
                <p className="mt-1 text-sm text-muted [overflow-wrap:anywhere]">{notification.body}</p>
              ) : null}
            </div>
            {notification.read ? null : (
              <Button
                variant="ghost"
                size="sm"
                className="self-start"
                disabled={markOne.pending}
                onClick={() => void markOne.run({ id: notification.id })}
              >
                <Check aria-hidden="true" className="size-4" />
                Mark read<span className="sr-only">: {notification.title}</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
