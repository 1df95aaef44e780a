import { describe, expect, it } from "vitest";
import { createSnapshotCache } from "./account-cache";

/** A load the test finishes by hand, so interleavings are exact rather than timed. */
function controlledLoads<T>() {
  const pending: { resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const load = () =>
    new Promise<T>((resolve, reject) => {
      pending.push({ resolve, reject });
    });
  return { load, pending };
}

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("createSnapshotCache", () => {
  it("loads once and serves the copy until the time-to-live has passed", async () => {
    const time = clock();
    let loads = 0;
    const cache = createSnapshotCache(async () => `value ${(loads += 1)}`, { ttlMs: 60_000, now: time.now });

    const first = await cache.get();
    time.advance(59_999);
    const second = await cache.get();
    expect(first).toMatchObject({ value: "value 1", stale: false });
    expect(second.value).toBe("value 1");
    expect(second.fetchedAt).toEqual(first.fetchedAt);
    expect(loads).toBe(1);

    time.advance(1);
    expect((await cache.get()).value).toBe("value 2");
    expect(loads).toBe(2);
  });

  it("shares one load among concurrent readers (single-flight)", async () => {
    const { load, pending } = controlledLoads<string>();
    const cache = createSnapshotCache(load, { ttlMs: 60_000 });

    const readers = Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(pending).toHaveLength(1);
    pending[0]?.resolve("shared");
    const results = await readers;
    expect(results.map((result) => result.value)).toEqual(["shared", "shared", "shared"]);
    expect(pending).toHaveLength(1);
  });

  it("loads afresh after invalidate, and does not keep a load that was under way during the write", async () => {
    const { load, pending } = controlledLoads<string>();
    const cache = createSnapshotCache(load, { ttlMs: 60_000 });

    const before = cache.get();
    cache.invalidate(); // a write lands while the first load is under way
    const after = cache.get();
    expect(pending).toHaveLength(2);

    pending[0]?.resolve("read before the write");
    pending[1]?.resolve("read after the write");
    expect((await before).value).toBe("read before the write");
    expect((await after).value).toBe("read after the write");
    // The copy kept is the one read after the write.
    expect((await cache.get()).value).toBe("read after the write");
    expect(pending).toHaveLength(2);
  });

  it("does not keep an old load even when it ends after the new one", async () => {
    const { load, pending } = controlledLoads<string>();
    const cache = createSnapshotCache(load, { ttlMs: 60_000 });
    const before = cache.get();
    cache.invalidate();
    const after = cache.get();
    pending[1]?.resolve("new");
    await after;
    pending[0]?.resolve("old");
    await before;
    expect((await cache.get()).value).toBe("new");
  });

  it("serves the last good copy, marked stale, when a load fails, and throws when there is none", async () => {
    const time = clock();
    let fail = true;
    const cache = createSnapshotCache(
      async () => {
        if (fail) throw new Error("down");
        return "good";
      },
      { ttlMs: 1_000, staleForMs: 10_000, now: time.now },
    );

    await expect(cache.get()).rejects.toThrow("down");

    fail = false;
    const good = await cache.get();
    fail = true;
    time.advance(1_000);
    const stale = await cache.get();
    expect(stale).toMatchObject({ value: "good", stale: true });
    expect(stale.fetchedAt).toEqual(good.fetchedAt);
    expect(stale.error).toBeInstanceOf(Error);

    // A failed load is not cached: the next reader tries again.
    fail = false;
    expect(await cache.get()).toMatchObject({ value: "good", stale: false });

    // Past `staleForMs` the old copy is no longer offered.
    fail = true;
    time.advance(10_000);
    await expect(cache.get()).rejects.toThrow("down");
  });

  it("still offers the last good copy as stale after an invalidation whose reload fails", async () => {
    let fail = false;
    const cache = createSnapshotCache(
      async () => {
        if (fail) throw new Error("down");
        return "before the write";
      },
      { ttlMs: 60_000 },
    );
    await cache.get();
    cache.invalidate();
    fail = true;
    expect(await cache.get()).toMatchObject({ value: "before the write", stale: true });
  });

  describe("with refreshInBackgroundMs", () => {
    it("serves the old copy at once past the time-to-live and loads the new one in the background", async () => {
      const time = clock();
      const { load, pending } = controlledLoads<string>();
      const cache = createSnapshotCache(load, { ttlMs: 1_000, refreshInBackgroundMs: 10_000, now: time.now });
      const first = cache.get();
      pending[0]?.resolve("first");
      await first;

      time.advance(1_000);
      const served = await cache.get(); // does not wait for the load it starts
      expect(served).toMatchObject({ value: "first", stale: false });
      expect(pending).toHaveLength(2);
      expect((await cache.get()).value).toBe("first"); // one background load at a time
      expect(pending).toHaveLength(2);

      pending[1]?.resolve("second");
      await Promise.resolve();
      await Promise.resolve();
      expect((await cache.get()).value).toBe("second");
    });

    it("marks the copy stale while background loads fail, and waits once the window has passed", async () => {
      const time = clock();
      let fail = false;
      let loads = 0;
      const cache = createSnapshotCache(
        async () => {
          loads += 1;
          if (fail) throw new Error("down");
          return `value ${loads}`;
        },
        { ttlMs: 1_000, refreshInBackgroundMs: 5_000, now: time.now },
      );
      await cache.get();
      fail = true;
      time.advance(1_000);
      expect(await cache.get()).toMatchObject({ value: "value 1", stale: false });
      await new Promise((resolve) => setTimeout(resolve, 0)); // the background load fails
      expect(await cache.get()).toMatchObject({ value: "value 1", stale: true });
      await new Promise((resolve) => setTimeout(resolve, 0)); // and the one that read started

      fail = false;
      time.advance(5_000); // past the window: readers wait for a fresh load
      expect(await cache.get()).toMatchObject({ value: expect.stringMatching(/^value \d$/), stale: false });
      expect(loads).toBeGreaterThanOrEqual(3);
    });

    it("never serves a copy invalidated by a write", async () => {
      const time = clock();
      let loads = 0;
      const cache = createSnapshotCache(async () => `value ${(loads += 1)}`, {
        ttlMs: 1_000,
        refreshInBackgroundMs: 60_000,
        now: time.now,
      });
      await cache.get();
      time.advance(2_000);
      cache.invalidate();
      expect((await cache.get()).value).toBe("value 2");
    });
  });

  it("peeks at the last good copy, whatever its age, without loading, and never past a write", async () => {
    const time = clock();
    let loads = 0;
    const cache = createSnapshotCache(async () => `value ${(loads += 1)}`, { ttlMs: 1_000, now: time.now });
    expect(cache.peek()).toBeUndefined();
    await cache.get();
    time.advance(3_600_000);
    expect(cache.peek()).toMatchObject({ value: "value 1", stale: false });
    expect(loads).toBe(1);
    cache.invalidate();
    expect(cache.peek()).toBeUndefined();
    expect(loads).toBe(1);
  });
});
