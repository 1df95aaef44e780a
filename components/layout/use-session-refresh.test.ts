import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_REFRESH_MS, startSessionRefresh, type SessionRefreshHost } from "./use-session-refresh";

/** A tab: its visibility can change, and every session read answers with `session`. */
function fakeTab(session: unknown) {
  const page = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  page.visibilityState = "visible";
  const fetchSession = vi.fn(async () => Response.json(session));
  const host: SessionRefreshHost = {
    fetchSession,
    page: page as unknown as SessionRefreshHost["page"],
    setInterval: (run, ms) => setInterval(run, ms),
    clearInterval: (timer) => clearInterval(timer as ReturnType<typeof setInterval>),
  };
  const show = async (state: DocumentVisibilityState) => {
    page.visibilityState = state;
    page.dispatchEvent(new Event("visibilitychange"));
    await vi.advanceTimersByTimeAsync(0);
  };
  return { host, fetchSession, show };
}

describe("startSessionRefresh", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("reads the session at once, every five minutes while signed in, and when the tab is shown again", async () => {
    const tab = fakeTab({ user: { email: "admin@demo.test" }, expires: "2026-11-24T17:00:00.000Z" });
    const stop = startSessionRefresh(tab.host);
    await vi.advanceTimersByTimeAsync(0);
    expect(tab.fetchSession).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(SESSION_REFRESH_MS - 1);
    expect(tab.fetchSession).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(tab.fetchSession).toHaveBeenCalledTimes(2);

    await tab.show("hidden");
    expect(tab.fetchSession).toHaveBeenCalledTimes(2);
    await tab.show("visible");
    expect(tab.fetchSession).toHaveBeenCalledTimes(3);

    stop();
    await vi.advanceTimersByTimeAsync(SESSION_REFRESH_MS * 3);
    await tab.show("visible");
    expect(tab.fetchSession).toHaveBeenCalledTimes(3);
  });

  it("does not poll while signed out, but still asks when the tab is shown again", async () => {
    const tab = fakeTab({});
    const stop = startSessionRefresh(tab.host);
    await vi.advanceTimersByTimeAsync(SESSION_REFRESH_MS * 3);
    expect(tab.fetchSession).toHaveBeenCalledTimes(1);
    await tab.show("visible");
    expect(tab.fetchSession).toHaveBeenCalledTimes(2);
    stop();
  });

  it("keeps going after a failed read", async () => {
    const tab = fakeTab({ user: { email: "admin@demo.test" } });
    tab.fetchSession.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    const stop = startSessionRefresh(tab.host);
    await vi.advanceTimersByTimeAsync(0);
    await tab.show("visible");
    expect(tab.fetchSession).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(SESSION_REFRESH_MS);
    expect(tab.fetchSession).toHaveBeenCalledTimes(3);
    stop();
  });
});
