import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { createEnomClient, type EnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { runFullSync } from "@/lib/mirror/sync";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { testEnom as enom } from "@/test/enom-mock";
import { simHarness } from "@/test/sim-harness";
import { getAccountOverview, getAccountPaks } from "./account-overview";
import { DEFAULT_DOMAIN_LIST_QUERY, DOMAIN_FILTERS, type DomainListQuery } from "./domain-list";

/**
 * The domains page from the account mirror, filled by a full sync of a simulated account: every
 * domain with the figures eNom's GetPOP3 gives, search, filters, sorting and paging in SQL, each
 * user's scope, and never an eNom call while a page reads.
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

const TODAY = new Date();
let sim: RunningSimulator;
let client: EnomClient;
let staff: SessionUser;
let customer: SessionUser;
let mine: string[] = [];
const harness = simHarness(() => sim);

const list = (user: SessionUser, changes: Partial<DomainListQuery> = {}) =>
  getAccountOverview(user, { ...DEFAULT_DOMAIN_LIST_QUERY, pageSize: 100, ...changes }, { today: TODAY });

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 1_500 });
  enom.client = client;
  await runFullSync();
  staff = await createTestUser({ email: "staff@overview.test", role: "staff" });
  const { paks } = await client.getPopExpirations();
  mine = [...new Set(paks.map((pak) => pak.domainName.toLowerCase()))].sort().slice(0, 2);
  const northwind = await createTestCustomer("Zyxwv Holdings", mine);
  customer = await createTestUser({
    email: "nancy@overview.test",
    role: "customer",
    customerId: northwind.id,
  });
});

afterAll(async () => {
  await sim?.close();
});

describe("getAccountOverview", () => {
  it("lists every domain of the account with its mailboxes, storage and auto-renew as GetPOP3 gives them", async () => {
    const page = await list(staff);
    const listed = await client.getDomains();
    const { paks } = await client.getPopExpirations();
    const names = new Set([
      ...listed.domains.map((domain) => domain.name.toLowerCase()),
      ...paks.map((pak) => pak.domainName.toLowerCase()),
    ]);
    expect(page.accountTotal).toBe(names.size);
    expect(page.rows.map((row) => row.domain)).toEqual([...names].sort());
    expect(page.mirror.state).toBe("synced");
    expect(page.detailsPending).toBe(0);
    for (const row of page.rows.filter((candidate) => candidate.paks > 0)) {
      const email = await client.getPop3({ domain: row.domain });
      const purchased = email.paks.reduce((sum, pak) => sum + pak.qtyPurchased, 0);
      const used = email.paks.reduce((sum, pak) => sum + Math.max(0, pak.qtyPurchased - pak.qtyAvailable), 0);
      const on = email.paks.filter((pak) => pak.autoRenew).length;
      expect(row).toMatchObject({
        paks: email.paks.length,
        details: "loaded",
        mailboxes: { used, purchased },
        autoRenew: on === email.paks.length ? "on" : on === 0 ? "off" : "mixed",
        nearestExpiry: { iso: email.paks.map((pak) => pak.expires.iso).sort()[0] },
      });
    }
    const bare = page.rows.find((row) => row.paks === 0);
    expect(bare).toMatchObject({
      mailboxes: null,
      autoRenew: null,
      nearestExpiry: null,
      emailAvailable: true,
    });
  });

  it("asks eNom nothing while a page reads", async () => {
    const mark = await harness.lastSeq();
    await list(staff, { filters: ["expiring"], sort: "mailboxes", dir: "desc" });
    await list(customer);
    await getAccountPaks(staff);
    expect(await harness.calls(mark)).toEqual([]);
  });

  it("counts each filter over the whole account, and each filter keeps only the domains it names", async () => {
    const all = await list(staff);
    for (const filter of DOMAIN_FILTERS) {
      const filtered = await list(staff, { filters: [filter] });
      expect(filtered.total).toBe(all.counts[filter]);
      const today = TODAY.toISOString().slice(0, 10);
      for (const row of filtered.rows)
        switch (filter) {
          case "noEmail":
            expect(row.paks).toBe(0);
            break;
          case "expired":
            expect((row.nearestExpiry?.iso ?? "9999") < today).toBe(true);
            break;
          case "expiring":
            expect(row.paks).toBeGreaterThan(0);
            break;
          case "full":
            expect(row.fullPaks).toBeGreaterThan(0);
            break;
          case "autoRenewOff":
            expect(["off", "mixed"]).toContain(row.autoRenew);
            break;
        }
    }
    expect(all.counts.noEmail).toBeGreaterThan(0);
    expect(all.counts.noEmail).toBeLessThan(all.accountTotal);
  });

  it("sorts by nearest expiry either way with the domains without paks last, and pages in order", async () => {
    for (const dir of ["asc", "desc"] as const) {
      const page = await list(staff, { sort: "expiry", dir });
      const dates = page.rows.flatMap((row) => (row.nearestExpiry ? [row.nearestExpiry.iso] : []));
      const sorted = [...dates].sort();
      expect(dates).toEqual(dir === "asc" ? sorted : sorted.reverse());
      const firstBare = page.rows.findIndex((row) => row.paks === 0);
      expect(page.rows.slice(firstBare).every((row) => row.paks === 0)).toBe(true);
    }
    const whole = await list(staff, { sort: "domain", dir: "desc" });
    const pages = [];
    for (let number = 1; number <= Math.ceil(whole.total / 25); number += 1)
      pages.push(...(await list(staff, { sort: "domain", dir: "desc", pageSize: 25, page: number })).rows);
    expect(pages.map((row) => row.domain)).toEqual(whole.rows.map((row) => row.domain));
    // Past the last page: the last page.
    const past = await list(staff, { pageSize: 25, page: 999 });
    expect(past.page).toBe(past.pageCount);
    expect(past.rows.length).toBeGreaterThan(0);
  });

  it("finds domains by part of their name or by their customer's name, for staff", async () => {
    const byCustomer = await list(staff, { q: "zyxwv" });
    expect(byCustomer.rows.map((row) => row.domain)).toEqual(mine);
    expect(byCustomer.rows.every((row) => row.customer?.name === "Zyxwv Holdings")).toBe(true);
    const part = mine[0]?.slice(2, 8) ?? "";
    const byName = await list(staff, { q: part.toUpperCase() });
    expect(byName.rows.map((row) => row.domain)).toContain(mine[0]);
    expect(byName.rows.every((row) => row.domain.includes(part))).toBe(true);
  });

  it("shows a customer only its own domains, without owners, and its own paks only", async () => {
    const page = await list(customer);
    expect(page.rows.map((row) => row.domain)).toEqual(mine);
    expect(page.accountTotal).toBe(mine.length);
    expect(page.rows.every((row) => row.customer === null)).toBe(true);
    // A customer cannot find other customers' domains by searching for a name.
    expect((await list(customer, { q: "zyxwv" })).total).toBe(0);
    const { paks } = await getAccountPaks(customer);
    expect(new Set(paks.map((pak) => pak.domain))).toEqual(new Set(mine));
  });
});
