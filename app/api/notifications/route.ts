import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guards";
import { NO_STORE, readFailure } from "@/lib/domains/read-errors";
import { observeRoute } from "@/lib/metrics/observe";
import type { NotificationsResponse } from "@/lib/notifications/model";
import { getNotificationSummary } from "@/lib/notifications/reads";

/**
 * The bell's read for React Query: the caller's own unread count and newest notifications. A GET
 * route, not a server action (reads never queue behind the browser's actions); the caller is
 * checked inside, through the same door as the list page.
 */
export const GET = observeRoute(
  "/api/notifications",
  async (_request: Request): Promise<NextResponse<NotificationsResponse>> => {
    try {
      const user = await requireUser();
      const data = await getNotificationSummary(user);
      return NextResponse.json({ ok: true, data }, { headers: NO_STORE });
    } catch (error) {
      const { status, message } = readFailure(error, "your notifications");
      return NextResponse.json(
        { ok: false, message: status === 404 ? "That page was not found." : message },
        { status, headers: NO_STORE },
      );
    }
  },
);
