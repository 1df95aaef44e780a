import { afterEach, describe, expect, it, vi } from "vitest";
import { SESSION_USER_TTL_MS, cachedSessionUser, forgetSessionUser } from "./session-user-cache";

afterEach(() => {
  forgetSessionUser();
  vi.useRealTimers();
});

describe("the session user cache", () => {
  it("reads a user once for requests close together, and again once the moment has passed", async () => {
    vi.useFakeTimers();
    const load = vi.fn(async () => ({ version: 1 }));
    await Promise.all([cachedSessionUser("u1", load), cachedSessionUser("u1", load)]);
    await cachedSessionUser("u1", load);
    expect(load).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(SESSION_USER_TTL_MS + 1);
    await cachedSessionUser("u1", load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps users apart", async () => {
    await expect(cachedSessionUser("u1", async () => "first")).resolves.toBe("first");
    await expect(cachedSessionUser("u2", async () => "second")).resolves.toBe("second");
  });

  it("reads a user again at once after this process wrote to them", async () => {
    await cachedSessionUser("u1", async () => ({ disabled: false }));
    await cachedSessionUser("u2", async () => ({ disabled: false }));
    forgetSessionUser("u1");
    await expect(cachedSessionUser("u1", async () => ({ disabled: true }))).resolves.toEqual({
      disabled: true,
    });
    await expect(cachedSessionUser("u2", async () => ({ disabled: true }))).resolves.toEqual({
      disabled: false,
    });
  });

  it("forgets everyone after a change that touches many sessions", async () => {
    await cachedSessionUser("u1", async () => "old");
    forgetSessionUser();
    await expect(cachedSessionUser("u1", async () => "new")).resolves.toBe("new");
  });

  it("does not keep a failed read", async () => {
    await expect(cachedSessionUser("u1", async () => Promise.reject(new Error("db down")))).rejects.toThrow();
    await expect(cachedSessionUser("u1", async () => "ok")).resolves.toBe("ok");
  });
});
