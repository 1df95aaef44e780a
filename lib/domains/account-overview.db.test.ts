import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { createEnomClient, type EnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { getAccountOverview, invalidateAccountOverview } from "./account-overview";
import { DEFAULT_DOMAIN_LIST_QUERY } from "./domain-list";
import { testEnom as enom } from "@/test/enom-mock";

/**
 * The domains page at scale: a 10,000-domain account is listed from the account-wide reads
 * (GetDomains on both tabs, at most 100 names a call, and one GetPOPExpirations) plus one GetPOP3
 * per domain with email on the page shown, never one per domain of the account.
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

let sim: RunningSimulator;
let staff: SessionUser;
let client: EnomClient;

interface Call {
  seq: number;
  command: string;
  params: Record<string, string>;
}
async function callsSince(seq: number): Promise<Call[]> {
  const response = await fetch(`${sim.origin}/_sim/calls?since=${seq}`);
  return ((await response.json()) as { calls: Call[] }).calls;
}
async function lastSeq(): Promise<number> {
  return (await callsSince(0)).reduce((max, call) => Math.max(max, call.seq), 0);
}
const named = (calls: Call[], command: string) =>
  calls.filter((call) => call.command.toUpperCase() === command);
function domainOf(call: Call): string {
  const params = Object.fromEntries(
    Object.entries(call.params).map(([key, value]) => [key.toLowerCase(), value]),
  );
  return `${params.sld ?? ""}.${params.tld ?? ""}`.toLowerCase();
}

/** Every domain of the account as the client lists it: both GetDomains tabs and every pak's domain. */
async function accountDomainNames(): Promise<Set<string>> {
  const [owned, hosted, { paks }] = await Promise.all([
    client.getDomains({ tab: "IOwn" }),
    client.getDomains({ tab: "IHost" }),
    client.getPopExpirations(),
  ]);
  return new Set([
    ...owned.domains.map((domain) => domain.name.toLowerCase()),
    ...hosted.domains.map((domain) => domain.name.toLowerCase()),
    ...paks.map((pak) => pak.domainName.toLowerCase()),
  ]);
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true, domainCount: 10_000 });
  client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw" });
  enom.client = client;
  staff = await createTestUser({ email: "staff@scale.test", role: "staff" });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

describe("the domains page with 10,000 domains", () => {
  it("pages GetDomains 100 at a time, reads GetPOPExpirations once, and GetPOP3 for the page only", async () => {
    const all = await accountDomainNames();
    // No earlier copy of the account: this is the cold read of it all.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("mailpak.accountOverview")];
    invalidateAccountOverview();
    const mark = await lastSeq();
    const started = performance.now();
    const page = await getAccountOverview(staff, DEFAULT_DOMAIN_LIST_QUERY);
    const coldMs = performance.now() - started;
    const calls = await callsSince(mark);

    expect(page.accountTotal).toBe(all.size);
    // Transfers under way are on neither tab (GetDomains IOwn/IHost) and have no pak: not listed.
    expect(all.size).toBeGreaterThan(5_000);
    expect(page.rows).toHaveLength(50);
    expect(page.pageCount).toBe(Math.ceil(all.size / 50));
    expect(page.truncated).toBe(false);
    expect(named(calls, "GETPOPEXPIRATIONS")).toHaveLength(1);
    // Two tabs of at most 100 names a call: one call a tab more than the full pages, at most.
    const getDomains = named(calls, "GETDOMAINS");
    expect(getDomains.length).toBeGreaterThanOrEqual(Math.ceil(all.size / 100));
    expect(getDomains.length).toBeLessThanOrEqual(Math.ceil(all.size / 100) + 2);
    // The pak details: one GetPOP3 per domain with email on this page, each once.
    const pop3 = named(calls, "GETPOP3").map(domainOf);
    const withEmail = page.rows.filter((row) => row.paks > 0).map((row) => row.domain);
    expect(pop3.sort()).toEqual(withEmail.sort());
    expect(page.rows.filter((row) => row.paks > 0).every((row) => row.details === "loaded")).toBe(true);
    expect(calls).toHaveLength(1 + getDomains.length + pop3.length);

    // Later pages, searches and filters that need no details are served from the same copy,
    // plus the GetPOP3 of the domains newly shown.
    const mark2 = await lastSeq();
    const warmStarted = performance.now();
    const expiring = await getAccountOverview(staff, {
      ...DEFAULT_DOMAIN_LIST_QUERY,
      filters: ["expiring"],
      sort: "expiry",
      page: 3,
    });
    const warmMs = performance.now() - warmStarted;
    expect(expiring.total).toBeGreaterThan(0);
    expect(expiring.total).toBeLessThan(all.size);
    const warmCalls = await callsSince(mark2);
    expect(warmCalls.every((call) => call.command.toUpperCase() === "GETPOP3")).toBe(true);
    expect(warmCalls.length).toBeLessThanOrEqual(DEFAULT_DOMAIN_LIST_QUERY.pageSize);
    console.info(
      `domains page at ${all.size.toLocaleString("en-US")} domains: ${calls.length} eNom calls cold (${getDomains.length} GetDomains pages, ${pop3.length} GetPOP3), ${Math.round(coldMs)} ms cold, ${Math.round(warmMs)} ms for another page`,
    );
  }, 120_000);

  it("shows a customer of that account only its own domains, reading only their GetPOP3", async () => {
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
    const pop3 = named(await callsSince(mark), "GETPOP3").map(domainOf);
    expect(pop3.every((domain) => mine.includes(domain))).toBe(true);

    // Staff see who owns what.
    const owned = await getAccountOverview(staff, { ...DEFAULT_DOMAIN_LIST_QUERY, q: "scale customer" });
    expect(owned.rows.map((row) => row.domain)).toEqual(mine);
  }, 120_000);
});
