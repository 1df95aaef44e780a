import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseCsv } from "@/lib/csv";
import { getDb } from "@/lib/db";
import { purchaseAttempts } from "@/lib/db/schema";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs, type SessionUser } from "@/test/session-mock";
import { GET } from "./route";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));

let staff: SessionUser;
let support: SessionUser;
let buyer: SessionUser;
let viewer: SessionUser;

const ALLOWED = {
  canPurchase: true,
  canRenew: true,
  canCreateMailboxes: true,
  canManageMailboxes: true,
  canToggleAutoRenew: false,
};

beforeAll(async () => {
  staff = await createTestUser({ email: "ann@reseller.test", role: "staff" });
  support = await createTestUser({ email: "sam@reseller.test", role: "support" });
  const bakery = await createTestCustomer("Bakery Ltd", ["bakery.test"], {
    canPurchase: true,
    canRenew: true,
  });
  buyer = {
    ...(await createTestUser({ email: "owner@bakery.test", role: "customer", customerId: bakery.id })),
    customer: ALLOWED,
  };
  viewer = {
    ...(await createTestUser({ email: "viewer@bakery.test", role: "customer", customerId: bakery.id })),
    customer: { ...ALLOWED, canPurchase: false, canRenew: false },
  };
  const db = await getDb();
  const base = {
    status: "ok" as const,
    result: {},
    enomTrackingKey: "TK-SECRET",
  };
  await db.insert(purchaseAttempts).values([
    {
      ...base,
      key: "00000000-0000-4000-8000-000000000001",
      kind: "purchase",
      actorId: buyer.id,
      actorEmail: buyer.email,
      actorRole: "customer",
      customerId: bakery.id,
      domain: "bakery.test",
      pakId: "4711",
      request: {
        kind: "purchase",
        quantityUnit: "boxes",
        quantity: 2,
        capacityGb: 3,
        billingPeriod: "year",
        terms: 1,
      },
      retailCents: 1200,
      costCents: 500,
      enomOrderId: "157001",
      createdAt: new Date("2026-05-01T10:00:00Z"),
    },
    {
      ...base,
      key: "00000000-0000-4000-8000-000000000002",
      kind: "renew",
      status: "failed",
      actorId: staff.id,
      actorEmail: staff.email,
      actorRole: "staff",
      domain: "florist.test",
      request: { kind: "renew", bundleId: 900, years: 1 },
      retailCents: 3000,
      costCents: 2100,
      createdAt: new Date("2026-05-02T10:00:00Z"),
    },
  ]);
});

beforeEach(() => signInAs(null));

function exportRequest(query = ""): NextRequest {
  return new NextRequest(`http://localhost/api/orders/export${query}`);
}

async function csvOf(response: Response): Promise<string[][]> {
  return parseCsv(await response.text()).records;
}

describe("GET /api/orders/export", () => {
  it("answers 401 to a signed-out caller", async () => {
    const response = await GET(exportRequest());
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining("Sign in") });
  });

  it("answers 404 to support and to a customer not allowed to buy or renew", async () => {
    for (const user of [support, viewer]) {
      signInAs(user);
      const response = await GET(exportRequest());
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("bakery.test");
    }
  });

  it("streams every order to staff, newest first, with cost, as a CSV download", async () => {
    signInAs(staff);
    const response = await GET(exportRequest());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const records = await csvOf(response);
    expect(records.map((record) => record[1])).toEqual(["Domain", "florist.test", "bakery.test"]);
    expect(records[2]).toEqual([
      "2026-05-01 10:00:00",
      "bakery.test",
      "Bakery Ltd",
      "Bought 2 mailboxes · 3 GB each, yearly",
      "4711",
      "Done",
      "157001",
      "owner@bakery.test",
      "12.00",
      "5.00",
    ]);
  });

  it("applies the page's filters", async () => {
    signInAs(staff);
    const records = await csvOf(await GET(exportRequest("?kind=renew&outcome=failed")));
    expect(records).toHaveLength(2);
    expect(records[1]?.[3]).toBe("Renewed 1 pak for 1 year");
  });

  it("gives a customer its own orders at retail price, without cost, TrackingKey or the word eNom", async () => {
    signInAs(buyer);
    const response = await GET(exportRequest());
    expect(response.status).toBe(200);
    const text = await response.text();
    // No BundleID either: customers never read eNom's pak numbers.
    expect(text).not.toMatch(/florist|enom|TK-SECRET|5\.00|cost|4711/i);
    const records = parseCsv(text).records;
    expect(records).toHaveLength(2);
    expect(records[1]).toEqual([
      "2026-05-01 10:00:00",
      "bakery.test",
      "Bought 2 mailboxes · 3 GB each, yearly",
      "Done",
      "157001",
      "You",
      "12.00",
    ]);
  });

  it("refuses filters it cannot read rather than exporting everything", async () => {
    signInAs(staff);
    const response = await GET(exportRequest("?from=yesterday"));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { from: ["Enter a date like 2026-05-31."] } });
  });
});
