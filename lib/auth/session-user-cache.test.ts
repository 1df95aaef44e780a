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

  it("is one per process: a write seen by one route bundle drops the user for every bundle", async () => {
    await cachedSessionUser("u1", async () => ({ disabled: false }));
    // Next.js loads this module once per route bundle (a page, a GET route, an action).
    vi.resetModules();
    const otherBundle = await import("./session-user-cache");
    await expect(otherBundle.cachedSessionUser("u1", async () => ({ disabled: true }))).resolves.toEqual({
      disabled: false,
    });
    otherBundle.forgetSessionUser("u1");
    await expect(cachedSessionUser("u1", async () => ({ disabled: true }))).resolves.toEqual({
      disabled: true,
    });
  });

  it("keeps a user's sessions apart, and forgets all of them with the user", async () => {
    await cachedSessionUser("u1", async () => "laptop", "s1");
    await expect(cachedSessionUser("u1", async () => "phone", "s2")).resolves.toBe("phone");
    await expect(cachedSessionUser("u1", async () => "again", "s1")).resolves.toBe("laptop");
    await cachedSessionUser("u10", async () => "another user", "s1");
    forgetSessionUser("u1");
    await expect(cachedSessionUser("u1", async () => "fresh", "s1")).resolves.toBe("fresh");
    await expect(cachedSessionUser("u1", async () => "fresh", "s2")).resolves.toBe("fresh");
    await expect(cachedSessionUser("u10", async () => "reloaded", "s1")).resolves.toBe("another user");
  });

  it("does not keep a failed read", async () => {
    await expect(cachedSessionUser("u1", async () => Promise.reject(new Error("db down")))).rejects.toThrow();
    await expect(cachedSessionUser("u1", async () => "ok")).resolves.toBe("ok");
  });
});
