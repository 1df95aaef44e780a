import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { createEnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { runFullSync, type SyncResult } from "@/lib/mirror/sync";
import { createTestUser } from "@/test/fixtures";
import { testEnom as enom } from "@/test/enom-mock";
import { simHarness } from "@/test/sim-harness";
import { getAccountOverview } from "./account-overview";
import { DEFAULT_DOMAIN_LIST_QUERY } from "./domain-list";

/**
 * A 10,000-domain account: the full sync lists it 100 names a GetDomains page on both tabs, reads
 * GetPOPExpirations once and then only the domains with email; every page of the domains list is
 * then read from the mirror, with no eNom call.
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

let sim: RunningSimulator;
let staff: SessionUser;
let sync: SyncResult;
/** eNom commands the sync sent, by name (upper case), from the simulator's counters. */
let syncCalls: Record<string, number> = {};
let syncTotal = 0;
const harness = simHarness(() => sim);

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true, domainCount: 10_000 });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw" });
  staff = await createTestUser({ email: "staff@scale.test", role: "staff" });
  const before = await harness.counters();
  sync = await runFullSync({ concurrency: 8 });
  const after = await harness.counters();
  syncTotal = after.total - before.total;
  syncCalls = Object.fromEntries(
    Object.entries(after.byCommand).map(([command, n]) => [
      command.toUpperCase(),
      n - (before.byCommand[command] ?? 0),
    ]),
  );
}, 300_000);

afterAll(async () => {
  await sim?.close();
});

const named = (command: string) => syncCalls[command] ?? 0;

describe("the domains page with 10,000 domains", () => {
  it("is synced with GetDomains pages of 100, one GetPOPExpirations, and reads of the domains with email only", () => {
    expect(sync.domainsListed).toBeGreaterThan(5_000);
    expect(named("GETPOPEXPIRATIONS")).toBe(1);
    const pages = named("GETDOMAINS");
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(sync.domainsListed / 100));
    expect(pages).toBeLessThanOrEqual(Math.ceil(sync.domainsListed / 100) + 2);
    expect(named("GETPOP3")).toBe(sync.domainsRead);
    expect(sync.domainsRead).toBeLessThan(sync.domainsListed);
    expect(sync.enomCalls).toBe(syncTotal);
  });

  it("pages, filters and sorts the whole account from the mirror without an eNom call", async () => {
    const mark = await harness.lastSeq();
    const first = await getAccountOverview(staff, DEFAULT_DOMAIN_LIST_QUERY);
    expect(first.accountTotal).toBe(sync.domainsListed);
    expect(first.rows).toHaveLength(50);
    expect(first.pageCount).toBe(Math.ceil(sync.domainsListed / 50));
    const expiring = await getAccountOverview(staff, {
      ...DEFAULT_DOMAIN_LIST_QUERY,
      filters: ["expiring"],
      sort: "expiry",
      page: 3,
    });
    expect(expiring.total).toBe(first.counts.expiring);
    expect(expiring.total).toBeGreaterThan(0);
    expect(expiring.total).toBeLessThan(sync.domainsListed);
    const busiest = await getAccountOverview(staff, {
      ...DEFAULT_DOMAIN_LIST_QUERY,
      sort: "mailboxes",
      dir: "desc",
    });
    const used = busiest.rows.map((row) => row.mailboxes?.used ?? -1);
    expect(used).toEqual([...used].sort((a, b) => b - a));
    expect(await harness.calls(mark)).toEqual([]);
  });
});
