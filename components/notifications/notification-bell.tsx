"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useNotificationSummary } from "./notification-reads";

/**
 * The header's bell: a link to the notifications page with the number unread, read again every
 * minute. The count is in the link's name, so a screen reader hears "Notifications, 3 unread".
 */
export function NotificationBell() {
  const { data } = useNotificationSummary();
  const pathname = usePathname();
  const unread = data?.unread ?? 0;
  const shown = unread > 99 ? "99+" : String(unread);
  return (
    <Link
      href="/notifications"
      aria-current={pathname === "/notifications" ? "page" : undefined}
      className="relative inline-flex size-10 shrink-0 items-center justify-center rounded-md text-muted hover:bg-raised hover:text-fg"
    >
      <Bell aria-hidden="true" className="size-5" />
      <span className="sr-only">{unread ? `Notifications, ${unread} unread` : "Notifications"}</span>
      {unread ? (
        <span
          aria-hidden="true"
          data-testid="notification-count"
          className="absolute top-1 right-1 flex h-4 min-w-4 items-center justify-center rounded-full bg-danger px-1 text-[0.65rem] leading-none font-semibold text-white dark:text-canvas"
        >
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
