"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { NotificationSummary, NotificationsResponse } from "@/lib/notifications/model";

/**
 * The bell's read: GET /api/notifications through React Query, every minute while the panel is
 * open. The list page and its actions call `useRefreshNotifications` after a change so the bell
 * follows at once.
 */

export const NOTIFICATIONS_QUERY_KEY = ["notifications"] as const;

export const NOTIFICATIONS_REFETCH_MS = 60_000;

async function readNotifications(): Promise<NotificationSummary> {
  const response = await fetch("/api/notifications", { cache: "no-store" });
  const body = (await response.json().catch(() => null)) as NotificationsResponse | null;
  if (!body) throw new Error("The panel did not answer. Check your connection and try again.");
  if (!body.ok) throw new Error(body.message);
  return body.data;
}

export function useNotificationSummary() {
  return useQuery({
    queryKey: NOTIFICATIONS_QUERY_KEY,
    queryFn: readNotifications,
    refetchInterval: NOTIFICATIONS_REFETCH_MS,
    staleTime: 0,
    retry: false,
  });
}

export function useRefreshNotifications(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY });
  }, [queryClient]);
}
