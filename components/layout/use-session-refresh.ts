"use client";

import { useEffect } from "react";

/** How often an open tab asks for its session, as next-auth's SessionProvider did (`refetchInterval`). */
export const SESSION_REFRESH_MS = 5 * 60 * 1000;

/** What the refresh needs from the browser; a parameter so it can be tested without one. */
export interface SessionRefreshHost {
  fetchSession: () => Promise<Response>;
  page: Pick<Document, "visibilityState" | "addEventListener" | "removeEventListener">;
  setInterval: (run: () => void, ms: number) => unknown;
  clearInterval: (timer: unknown) => void;
}

/**
 * Slides the idle expiry while a tab is open and in use: reading `/api/auth/session` re-issues the
 * session cookie. Asks once at the start, every five minutes while signed in, and whenever the tab
 * comes back into view. Returns the function that stops it.
 */
export function startSessionRefresh(host: SessionRefreshHost): () => void {
  let signedIn = false;
  let inFlight = false;
  const refresh = async () => {
    if (inFlight) return;
    inFlight = true;
    try {
      const response = await host.fetchSession();
      const session: unknown = response.ok ? await response.json() : null;
      signedIn = typeof session === "object" && session !== null && "user" in session;
    } catch {
      // Offline or the server is restarting: the next tick or return to the tab asks again.
    } finally {
      inFlight = false;
    }
  };
  const onVisibilityChange = () => {
    if (host.page.visibilityState === "visible") void refresh();
  };
  void refresh();
  const timer = host.setInterval(() => {
    if (signedIn) void refresh();
  }, SESSION_REFRESH_MS);
  host.page.addEventListener("visibilitychange", onVisibilityChange);
  return () => {
    host.clearInterval(timer);
    host.page.removeEventListener("visibilitychange", onVisibilityChange);
  };
}

/** What next-auth's `SessionProvider` did for us (refetch on an interval and on focus), without its client bundle. */
export function useSessionRefresh() {
  useEffect(
    () =>
      startSessionRefresh({
        fetchSession: () => fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" }),
        page: document,
        setInterval: (run, ms) => window.setInterval(run, ms),
        clearInterval: (timer) => window.clearInterval(timer as number),
      }),
    [],
  );
}
