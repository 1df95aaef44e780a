import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabaseHandle } from "@/lib/db";
import { keptUntilMirrorChanges, mirrorChanged, stopMirrorListener } from "./version";

/**
 * Reads kept until the mirror changes: a second view is answered without PostgreSQL, concurrent
 * views share one read, and a change written by anyone (another panel instance here: a second
 * connection) is heard through NOTIFY and ends what was kept.
 */

vi.mock("@/lib/env", async (original) => {
  const actual = await original<typeof import("@/lib/env")>();
  return { ...actual, getEnv: () => ({ ...actual.getEnv(), MIRROR_KEEP_READS: "1" }) };
});

let other: Client;

/** Counts how often the read behind a key really runs. */
function counted(value: () => unknown = () => "value") {
  const calls = { n: 0 };
  const read = async () => {
    calls.n += 1;
    return value();
  };
  return { calls, read };
}

/** Until the listener is up, reads are not kept; wait for it. */
async function listening(): Promise<void> {
  const probe = counted();
  for (let tries = 0; tries < 100; tries += 1) {
    await keptUntilMirrorChanges("probe", probe.read);
    const before = probe.calls.n;
    await keptUntilMirrorChanges("probe", probe.read);
    if (probe.calls.n === before) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the mirror's change listener did not start");
}

beforeAll(async () => {
  const { url } = await getDatabaseHandle();
  other = new Client({ connectionString: url });
  await other.connect();
  await listening();
});

afterAll(async () => {
  await other?.end();
  await stopMirrorListener();
});

describe("keptUntilMirrorChanges", () => {
  it("answers a second view without reading again, and after a change of this instance reads again", async () => {
    const { calls, read } = counted();
    expect(await keptUntilMirrorChanges("a", read)).toBe("value");
    expect(await keptUntilMirrorChanges("a", read)).toBe("value");
    expect(calls.n).toBe(1);
    mirrorChanged();
    await keptUntilMirrorChanges("a", read);
    expect(calls.n).toBe(2);
  });

  it("keeps each key apart", async () => {
    const a = counted(() => "a");
    const b = counted(() => "b");
    expect(await keptUntilMirrorChanges("k1", a.read)).toBe("a");
    expect(await keptUntilMirrorChanges("k2", b.read)).toBe("b");
    expect(await keptUntilMirrorChanges("k1", b.read)).toBe("a");
  });

  it("lets concurrent views share one read", async () => {
    const { calls, read } = counted();
    await Promise.all(Array.from({ length: 20 }, () => keptUntilMirrorChanges("shared", read)));
    expect(calls.n).toBe(1);
  });

  it("keeps no failure: the next view reads again", async () => {
    let fail = true;
    const { calls, read } = counted(() => {
      if (fail) throw new Error("the database went away");
      return "back";
    });
    await expect(keptUntilMirrorChanges("failing", read)).rejects.toThrow("went away");
    fail = false;
    expect(await keptUntilMirrorChanges("failing", read)).toBe("back");
    expect(calls.n).toBe(2);
  });

  it.each([
    ["a mirror domain", "insert into mirror_domains (domain) values ('kept-elsewhere.example')"],
    ["a customer", "insert into customers (name) values ('Written elsewhere')"],
  ])("hears %s written by another instance and reads again", async (what, statement) => {
    const { calls, read } = counted();
    await keptUntilMirrorChanges(`elsewhere:${what}`, read);
    await keptUntilMirrorChanges(`elsewhere:${what}`, read);
    expect(calls.n).toBe(1);
    await other.query(statement);
    await expect
      .poll(async () => {
        await keptUntilMirrorChanges(`elsewhere:${what}`, read);
        return calls.n;
      })
      .toBe(2);
  });

  it("is not told of a write another instance rolls back before commit", async () => {
    const { calls, read } = counted();
    await keptUntilMirrorChanges("uncommitted", read);
    await other.query("begin");
    await other.query("insert into mirror_domains (domain) values ('never-committed.example')");
    // NOTIFY is delivered at commit only; give a wrongly early one the time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await keptUntilMirrorChanges("uncommitted", read);
    expect(calls.n).toBe(1);
    await other.query("rollback");
  });

  it("keeps nothing while its connection is down, and keeps again once it is back", async () => {
    const { calls, read } = counted();
    await other.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN mirror_changed' and pid <> pg_backend_pid()",
    );
    await expect
      .poll(async () => {
        const before = calls.n;
        await keptUntilMirrorChanges("down", read);
        await keptUntilMirrorChanges("down", read);
        return calls.n - before;
      })
      .toBe(2);
    await listening();
    const before = calls.n;
    await keptUntilMirrorChanges("down", read);
    await keptUntilMirrorChanges("down", read);
    expect(calls.n - before).toBe(1);
  });
});
