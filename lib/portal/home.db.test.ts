import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { createEnomClient, type EnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { runFullSync } from "@/lib/mirror/sync";
import { testEnom as enom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { getPortalHome } from "./home";

/**
 * The customer's home page data: only its own domains, with their mailboxes and what needs
 * attention, from the account mirror (filled here by a full sync), with no eNom call at all.
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

let sim: RunningSimulator;
let client: EnomClient;
let customer: SessionUser;
let mine: string[];
let others: string[];

async function callsSince(seq: number): Promise<{ seq: number; command: string }[]> {
  const response = await fetch(`${sim.origin}/_sim/calls?since=${seq}`);
  return ((await response.json()) as { calls: { seq: number; command: string }[] }).calls;
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true, domainCount: 40 });
  client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw" });
  enom.client = client;
  const { paks } = await client.getPopExpirations();
  const names = [...new Set(paks.map((pak) => pak.domainName.toLowerCase()))].sort();
  mine = names.slice(0, 6);
  others = names.slice(6, 12);
  const company = await createTestCustomer("Home Customer", mine);
  await createTestCustomer("Someone Else", others);
  customer = await createTestUser({ email: "home@customer.test", role: "customer", customerId: company.id });
  await runFullSync();
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

describe("getPortalHome", () => {
  it("lists exactly the customer's domains from the mirror, asking eNom nothing", async () => {
    const seq = (await callsSince(0)).reduce((max, call) => Math.max(max, call.seq), 0);
    const home = await getPortalHome(customer);
    expect(home.domains.map((domain) => domain.domain).sort()).toEqual(mine);
    expect(home.domains.every((domain) => !("customer" in domain))).toBe(true);
    expect(home.domains.some((domain) => others.includes(domain.domain))).toBe(false);
    expect(await callsSince(seq)).toEqual([]);
    // Attention only ever names the customer's own domains.
    expect(home.attention.every((item) => mine.includes(item.domain))).toBe(true);
  });

  it("counts used and free mailboxes per domain as the paks have them", async () => {
    const home = await getPortalHome(customer);
    for (const domain of home.domains) {
      const { paks } = await client.getPop3({ domain: domain.domain });
      const purchased = paks.reduce((sum, pak) => sum + pak.qtyPurchased, 0);
      const used = paks.reduce((sum, pak) => sum + Math.max(0, pak.qtyPurchased - pak.qtyAvailable), 0);
      expect({ domain: domain.domain, details: domain.details, mailboxes: domain.mailboxes }).toEqual({
        domain: domain.domain,
        details: "loaded",
        mailboxes: { purchased, used },
      });
    }
  });

  it("marks expired and soon-expiring paks for attention, each linked to its domain", async () => {
    const today = new Date();
    const home = await getPortalHome(customer, today);
    for (const domain of home.domains) {
      const state = domain.nearestExpiry?.state;
      const kinds = home.attention.filter((item) => item.domain === domain.domain).map((item) => item.kind);
      if (state === "expired") expect(kinds).toContain("expired");
      if (state === "soon") expect(kinds).toContain("expiring");
      if ((domain.fullPaks ?? 0) > 0) expect(kinds).toContain("full");
      if (state === "later" && domain.fullPaks === 0) expect(kinds).toEqual([]);
    }
  });
});
