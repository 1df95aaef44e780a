import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { createEnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { getAccountOverview, invalidateAccountOverview } from "./account-overview";
import { DEFAULT_DOMAIN_LIST_QUERY } from "./domain-list";
import { testEnom as enom } from "@/test/enom-mock";

/**
 * The domains page at scale: a 10,000-domain account is listed with at most two eNom calls (the
 * account-wide GetDomains and GetPOPExpirations), never one GetPOP3 per domain.
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

let sim: RunningSimulator;
let staff: SessionUser;

async function callsSince(seq: number): Promise<{ seq: number; command: string }[]> {
  const response = await fetch(`${sim.origin}/_sim/calls?since=${seq}`);
  return ((await response.json()) as { calls: { seq: number; command: string }[] }).calls;
}
async function lastSeq(): Promise<number> {
  return (await callsSince(0)).reduce((max, call) => Math.max(max, call.seq), 0);
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true, domainCount: 10_000 });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw" });
  staff = await createTestUser({ email: "staff@scale.test", role: "staff" });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

describe("the domains page with 10,000 domains", () => {
  it("makes at most 2 eNom calls, none of them GetPOP3, and pages on the server", async () => {
    invalidateAccountOverview();
    const mark = await lastSeq();
    const started = performance.now();
    const page = await getAccountOverview(staff, DEFAULT_DOMAIN_LIST_QUERY);
    const coldMs = performance.now() - started;
    const calls = await callsSince(mark);

    expect(calls.length).toBeLessThanOrEqual(2);
    expect(calls.map((call) => call.command).sort()).toEqual(["GETDOMAINS", "GETPOPEXPIRATIONS"]);
    expect(page.accountTotal).toBe(10_002);
    expect(page.rows).toHaveLength(50);
    expect(page.pageCount).toBe(Math.ceil(10_002 / 50));
    expect(page.truncated).toBe(false);

    // Later pages, searches, filters and sorts are served from the same copy.
    const warmStarted = performance.now();
    const expiring = await getAccountOverview(staff, {
      ...DEFAULT_DOMAIN_LIST_QUERY,
      filters: ["expiring", "autoRenewOff"],
      sort: "expiry",
      page: 3,
    });
    const warmMs = performance.now() - warmStarted;
    expect(expiring.total).toBeGreaterThan(0);
    expect(expiring.total).toBeLessThan(10_002);
    expect(await callsSince(mark)).toHaveLength(2);
    console.info(
      `domains page at 10,002 domains: ${calls.length} eNom calls, ${Math.round(coldMs)} ms cold, ${Math.round(warmMs)} ms from the copy`,
    );
  }, 60_000);

  it("shows a customer of that account only its own domains, with the same two calls", async () => {
    invalidateAccountOverview();
    const all = await getAccountOverview(staff, { ...DEFAULT_DOMAIN_LIST_QUERY, pageSize: 100 });
    const mine = all.rows.slice(10, 13).map((row) => row.domain);
    const theirs = all.rows.slice(20, 23).map((row) => row.domain);
    const customer = await createTestCustomer("Scale Customer", mine);
    await createTestCustomer("Other Customer", theirs);
    const user = await createTestUser({
      email: "owner@scale.test",
      role: "customer",
      customerId: customer.id,
    });

    invalidateAccountOverview();
    const mark = await lastSeq();
    const page = await getAccountOverview(user, DEFAULT_DOMAIN_LIST_QUERY);
    expect(page.rows.map((row) => row.domain)).toEqual(mine);
    expect(page.rows.every((row) => row.customer === null)).toBe(true);
    expect((await callsSince(mark)).length).toBeLessThanOrEqual(2);

    // Staff see who owns what.
    const owned = await getAccountOverview(staff, { ...DEFAULT_DOMAIN_LIST_QUERY, q: "scale customer" });
    expect(owned.rows.map((row) => row.domain)).toEqual(mine);
  }, 60_000);
});
