import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { createEnomClient, type EnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { DEFAULT_PRICE_LIST } from "@/lib/pricing/price-list";
import { savePriceList } from "@/lib/pricing/settings";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { testEnom as enom } from "@/test/enom-mock";
import { loadDashboardPaks } from "@/lib/dashboard/overview";
import { runFullSync } from "@/lib/mirror/sync";
import { loadExpirations } from "./load";

/**
 * The expirations data against a real simulator, read into the account mirror by a full sync:
 * every pak once, with its customer and its cost at the reseller's own price list; a customer only
 * ever sees its own paks; no eNom call while the page reads.
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

let sim: RunningSimulator;
let staff: SessionUser;
let customer: SessionUser;
let owned: string;
let pakCount = 0;

async function callsSince(seq: number): Promise<{ seq: number; command: string }[]> {
  const response = await fetch(`${sim.origin}/_sim/calls?since=${seq}`);
  return ((await response.json()) as { calls: { seq: number; command: string }[] }).calls;
}
async function lastSeq(): Promise<number> {
  return (await callsSince(0)).reduce((max, call) => Math.max(max, call.seq), 0);
}

/** A domain whose every pak is a plain 1 GB pak (no extra storage), by its GetPOP3. */
async function plainOneGbDomain(client: EnomClient, domains: readonly string[]): Promise<string> {
  for (const domain of domains) {
    const { paks } = await client.getPop3({ domain });
    if (paks.length > 0 && paks.every((pak) => pak.capacityGb === 1 && pak.quotaMb === 1024)) return domain;
  }
  throw new Error("The seeded world has no domain with only plain 1 GB paks.");
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 1_500 });
  const { paks } = await enom.client.getPopExpirations();
  pakCount = paks.length;
  owned = await plainOneGbDomain(enom.client, [...new Set(paks.map((pak) => pak.domainName.toLowerCase()))]);
  staff = await createTestUser({ email: "staff@load.test", role: "staff" });
  const northwind = await createTestCustomer("Northwind", [owned]);
  customer = await createTestUser({ email: "nancy@load.test", role: "customer", customerId: northwind.id });
  await runFullSync();
});

afterAll(async () => {
  await sim?.close();
});

describe("loadExpirations", () => {
  it("lists every pak of the account for staff, with its customer and its cost at the saved price list", async () => {
    const data = await loadExpirations(staff);
    expect(data.rows).toHaveLength(pakCount);
    expect(data.stale).toBe(false);
    const row = data.rows.find((candidate) => candidate.domain === owned);
    expect(row?.customer?.name).toBe("Northwind");
    expect(row?.renewalCents).toBe((row?.qtyPurchased ?? 0) * DEFAULT_PRICE_LIST.cost.mailbox.year[1]);
    expect(data.summary.total).toBe(pakCount);
    expect(data.summary.detailsPending).toBe(0);

    const dearer = structuredClone(DEFAULT_PRICE_LIST);
    dearer.cost.mailbox.year[1] = 999;
    await savePriceList(dearer);
    const repriced = (await loadExpirations(staff)).rows.find((candidate) => candidate.domain === owned);
    expect(repriced?.renewalCents).toBe((row?.qtyPurchased ?? 0) * 999);
    await savePriceList(DEFAULT_PRICE_LIST);
  });

  it("gives a customer its own paks only, without owners", async () => {
    const data = await loadExpirations(customer);
    expect(data.rows.length).toBeGreaterThan(0);
    expect(new Set(data.rows.map((row) => row.domain))).toEqual(new Set([owned]));
    expect(data.rows.every((row) => row.customer === null)).toBe(true);
  });

  it("has each pak's size and auto-renew from its domain's GetPOP3, and asks eNom nothing", async () => {
    const mark = await lastSeq();
    const data = await loadExpirations(staff);
    expect(await callsSince(mark)).toEqual([]);
    const { paks } = await (enom.client as EnomClient).getPop3({ domain: owned });
    for (const pak of paks) {
      expect(data.rows.find((row) => row.domain === owned && row.bundleId === pak.bundleId)).toMatchObject({
        details: "loaded",
        qtyPurchased: pak.qtyPurchased,
        quotaMb: pak.quotaMb,
        autoRenew: pak.autoRenew,
      });
    }
  });

  it("still lists the paks, as last read, while eNom is not answering", async () => {
    await fetch(`${sim.origin}/_sim/faults`, {
      method: "POST",
      body: JSON.stringify({ command: "*", mode: "http500" }),
    });
    try {
      const data = await loadExpirations(staff);
      expect(data.rows).toHaveLength(pakCount);
      expect(data.mirror.state).toBe("synced");
    } finally {
      await fetch(`${sim.origin}/_sim/faults`, { method: "DELETE" });
    }
  });
});

describe("loadDashboardPaks", () => {
  it("sums the same renewals due as the expirations page", async () => {
    const [dashboard, expirations] = await Promise.all([loadDashboardPaks(staff), loadExpirations(staff)]);
    expect(dashboard.ok).toBe(true);
    if (!dashboard.ok) return;
    expect(dashboard.paks.paks).toBe(pakCount);
    expect(dashboard.expirations.dueSoon).toEqual(expirations.summary.dueSoon);
    expect(dashboard.expirations.dueSoon.costCents).toBeGreaterThan(0);
  });

  it("counts every domain's mailboxes, all of them read", async () => {
    const dashboard = await loadDashboardPaks(staff);
    if (!dashboard.ok) throw new Error("the dashboard could not be read");
    expect(dashboard.paks.mailboxes.domainsRead).toBe(dashboard.paks.domainsWithEmail);
    expect(dashboard.paks.mailboxes.purchased).toBeGreaterThan(0);
  });
});
