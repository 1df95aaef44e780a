import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { invalidateAccountOverview } from "@/lib/domains/account-overview";
import { createEnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { DEFAULT_PRICE_LIST } from "@/lib/pricing/price-list";
import { savePriceList } from "@/lib/pricing/settings";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { testEnom as enom } from "@/test/enom-mock";
import { loadDashboardPaks } from "@/lib/dashboard/overview";
import { loadExpirations } from "./load";

/**
 * The expirations data against a real simulator: every pak once, with its customer and its cost at
 * the reseller's own price list; a customer only ever sees its own paks.
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

let sim: RunningSimulator;
let staff: SessionUser;
let customer: SessionUser;
let owned: string;
let pakCount = 0;

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 1_500 });
  const { paks } = await enom.client.getPopExpirations();
  pakCount = paks.length;
  owned = paks.find((pak) => pak.capacityGb === 1 && pak.billingPeriod === "year")?.domainName ?? "";
  staff = await createTestUser({ email: "staff@load.test", role: "staff" });
  const northwind = await createTestCustomer("Northwind", [owned]);
  customer = await createTestUser({ email: "nancy@load.test", role: "customer", customerId: northwind.id });
});

afterAll(async () => {
  await sim?.close();
});

describe("loadExpirations", () => {
  it("lists every pak of the account for staff, with its customer and its cost at the saved price list", async () => {
    invalidateAccountOverview();
    const data = await loadExpirations(staff);
    expect(data.rows).toHaveLength(pakCount);
    expect(data.stale).toBe(false);
    const row = data.rows.find((candidate) => candidate.domain === owned);
    expect(row?.customer?.name).toBe("Northwind");
    expect(row?.renewalCents).toBe((row?.qtyPurchased ?? 0) * DEFAULT_PRICE_LIST.cost.mailbox.year[1]);
    expect(data.summary.total).toBe(pakCount);

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

  it("reports eNom's silence instead of throwing when no copy is at hand", async () => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("mailpak.accountOverview")];
    await fetch(`${sim.origin}/_sim/faults`, {
      method: "POST",
      body: JSON.stringify({ command: "*", mode: "http500" }),
    });
    expect(await loadDashboardPaks(staff)).toEqual({ ok: false });
    await fetch(`${sim.origin}/_sim/faults`, { method: "DELETE" });
  });
});
