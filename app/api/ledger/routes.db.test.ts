import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseCsv } from "@/lib/csv";
import { getDb } from "@/lib/db";
import { purchaseAttempts, users } from "@/lib/db/schema";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs, type SessionUser } from "@/test/session-mock";
import { GET as exportLedger } from "./export/route";
import { GET as statementCsv } from "./statement/route";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));

/**
 * The ledger's downloads: a statement's CSV for staff (cost with `orders.view`) and for a
 * customer's administrator (its own only, never a cost or eNom's TrackingKey), and the accounting
 * export for staff who see costs. Anyone else is told they do not exist.
 */

let admin: SessionUser;
let support: SessionUser;
let owner: SessionUser;
let stranger: SessionUser;
let bakeryId: string;
let floristId: string;
const month = new Date().toISOString().slice(0, 7);
const today = new Date().toISOString().slice(0, 10);

const ALLOWED = {
  canPurchase: true,
  canRenew: true,
  canCreateMailboxes: true,
  canManageMailboxes: true,
  canToggleAutoRenew: false,
};

const get = (route: typeof statementCsv, path: string) =>
  route(new NextRequest(new URL(path, "http://localhost")));

beforeAll(async () => {
  admin = await createTestUser({ email: "admin@ledger-routes.test", role: "admin" });
  support = await createTestUser({ email: "support@ledger-routes.test", role: "support" });
  const bakery = await createTestCustomer("Bakery", ["bakery.test"], { canPurchase: true, canRenew: true });
  const florist = await createTestCustomer("Florist", ["florist.test"], {
    canPurchase: true,
    canRenew: true,
  });
  bakeryId = bakery.id;
  floristId = florist.id;
  owner = {
    ...(await createTestUser({ email: "owner@bakery.test", role: "customer", customerId: bakeryId })),
    customer: ALLOWED,
  };
  stranger = {
    ...(await createTestUser({ email: "owner@florist.test", role: "customer", customerId: floristId })),
    customer: ALLOWED,
  };
  const db = await getDb();
  await db.update(users).set({ customerAdmin: true }).where(eq(users.email, "owner@bakery.test"));
  await db.update(users).set({ customerAdmin: true }).where(eq(users.email, "owner@florist.test"));
  const made = (key: string, domain: string, retailCents: number) => ({
    key,
    kind: "purchase" as const,
    status: "ok" as const,
    actorId: admin.id,
    actorEmail: admin.email,
    actorRole: "admin",
    domain,
    request: { quantityUnit: "boxes", quantity: 2, capacityGb: 1, billingPeriod: "year" },
    costCents: 200,
    retailCents,
    enomOrderId: `ORD-${key}`,
    enomTrackingKey: "TK-SECRET",
  });
  await db.insert(purchaseAttempts).values([made("a1", "bakery.test", 600), made("a2", "florist.test", 700)]);
});

beforeEach(() => signInAs(null));

describe("a statement's CSV", () => {
  it("gives staff who see costs the rows with cost, margin and TrackingKey", async () => {
    signInAs(admin);
    const response = await get(statementCsv, `/api/ledger/statement?customerId=${bakeryId}&month=${month}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="statement-${month}.csv"`);
    const { records } = parseCsv(await response.text());
    expect(records[1]).toEqual([
      expect.any(String),
      "bakery.test",
      "Bought 2 mailboxes · 1 GB each, yearly",
      "ORD-a1",
      "TK-SECRET",
      "6.00",
      "2.00",
      "4.00",
    ]);
    expect(records).toHaveLength(3);
  });

  it("gives support the rows without cost", async () => {
    signInAs(support);
    const text = await (
      await get(statementCsv, `/api/ledger/statement?customerId=${bakeryId}&month=${month}`)
    ).text();
    expect(text).toContain("ORD-a1");
    expect(text).not.toMatch(/Cost|Margin/);
  });

  it("gives a customer's administrator its own statement only, never a cost or TrackingKey", async () => {
    signInAs(owner);
    // Naming another customer changes nothing: a customer reads its own.
    const text = await (
      await get(statementCsv, `/api/ledger/statement?customerId=${floristId}&month=${month}`)
    ).text();
    expect(text).toContain("ORD-a1");
    expect(text).not.toContain("ORD-a2");
    expect(text).not.toMatch(/enom|cost|margin|TK-SECRET/i);
    expect(parseCsv(text).records.at(-1)).toEqual(["Total", "", "", "", "6.00"]);
  });

  it("is not found for a customer's member, nor signed-out, nor a bad month", async () => {
    const db = await getDb();
    await db.update(users).set({ customerAdmin: false }).where(eq(users.email, "owner@florist.test"));
    signInAs(stranger);
    expect((await get(statementCsv, `/api/ledger/statement?month=${month}`)).status).toBe(404);
    signInAs(null);
    expect(
      (await get(statementCsv, `/api/ledger/statement?customerId=${bakeryId}&month=${month}`)).status,
    ).toBe(401);
    signInAs(admin);
    expect(
      (await get(statementCsv, `/api/ledger/statement?customerId=${bakeryId}&month=2026-13`)).status,
    ).toBe(400);
    expect((await get(statementCsv, `/api/ledger/statement?customerId=nope&month=${month}`)).status).toBe(
      404,
    );
  });
});

describe("the accounting export", () => {
  it("streams every row of the range to staff who see costs", async () => {
    signInAs(admin);
    const response = await get(exportLedger, `/api/ledger/export?from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    const { records } = parseCsv(await response.text());
    expect(records.slice(1).map((record) => [record[2], record[6], record[10]])).toEqual([
      ["Bakery", "ORD-a1", "4.00"],
      ["Florist", "ORD-a2", "5.00"],
    ]);
  });

  it("is not found for support and customers, and refuses a range it cannot read", async () => {
    for (const user of [support, owner]) {
      signInAs(user);
      expect((await get(exportLedger, `/api/ledger/export?from=${today}&to=${today}`)).status).toBe(404);
    }
    signInAs(admin);
    const bad = await get(exportLedger, `/api/ledger/export?from=${today}&to=2000-01-01`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { to: ["The last day comes before the first."] } });
  });
});
