import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db";
import { purchaseAttempts, type PurchaseKind, type PurchaseStatus } from "@/lib/db/schema";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import type { SessionUser } from "@/test/session-mock";
import { BadOrderCursorError, encodeOrderCursor } from "./cursor";
import type { OrderFilter } from "./model";
import { iterateOrders, listOrderCustomers, listOrders, orderAudienceOf } from "./orders";

let admin: SessionUser;
let staff: SessionUser;
let support: SessionUser;
let bakeryOwner: SessionUser;
let bakeryColleague: SessionUser;
let bakeryViewer: SessionUser;
let floristOwner: SessionUser;
let bakeryId: string;
let floristId: string;

const BUYER = {
  canPurchase: true,
  canRenew: false,
  canCreateMailboxes: true,
  canManageMailboxes: true,
  canToggleAutoRenew: false,
};
const RENEWER = { ...BUYER, canPurchase: false, canRenew: true };
const NEITHER = { ...BUYER, canPurchase: false };

let sequence = 0;
function key(): string {
  sequence += 1;
  return `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`;
}

async function insertOrder(values: {
  at: string;
  domain: string;
  actor: SessionUser;
  kind?: PurchaseKind;
  status?: PurchaseStatus;
  request?: Record<string, unknown>;
  orderId?: string | null;
  retailCents?: number | null;
  costCents?: number | null;
  pakId?: string | null;
  key?: string;
}): Promise<string> {
  const db = await getDb();
  const row = {
    key: values.key ?? key(),
    kind: values.kind ?? "purchase",
    status: values.status ?? "ok",
    actorId: values.actor.id,
    actorEmail: values.actor.email,
    actorRole: values.actor.role,
    customerId: values.actor.role === "customer" ? values.actor.customerId : null,
    domain: values.domain,
    pakId: values.pakId ?? null,
    request: values.request ?? {
      kind: "purchase",
      domain: values.domain,
      quantityUnit: "boxes",
      quantity: 10,
      capacityGb: 5,
      billingPeriod: "year",
      terms: 1,
    },
    result: {},
    retailCents: values.retailCents === undefined ? 6000 : values.retailCents,
    costCents: values.costCents === undefined ? 2500 : values.costCents,
    enomOrderId: values.orderId === undefined ? null : values.orderId,
    enomTrackingKey: "TK-SECRET",
    createdAt: new Date(values.at),
  };
  await db.insert(purchaseAttempts).values(row);
  return row.key;
}

const keys: Record<string, string> = {};

beforeAll(async () => {
  admin = await createTestUser({ email: "admin@reseller.test", role: "admin" });
  staff = await createTestUser({ email: "ann@reseller.test", role: "staff" });
  support = await createTestUser({ email: "sam@reseller.test", role: "support" });
  const bakery = await createTestCustomer("Bakery Ltd", ["bakery.test", "bakery-shop.test"], BUYER);
  const florist = await createTestCustomer("Florist Inc", ["florist.test"], RENEWER);
  bakeryId = bakery.id;
  floristId = florist.id;
  bakeryOwner = {
    ...(await createTestUser({ email: "owner@bakery.test", role: "customer", customerId: bakery.id })),
    customer: BUYER,
  };
  bakeryColleague = {
    ...(await createTestUser({ email: "colleague@bakery.test", role: "customer", customerId: bakery.id })),
    customer: BUYER,
  };
  bakeryViewer = {
    ...(await createTestUser({ email: "viewer@bakery.test", role: "customer", customerId: bakery.id })),
    customer: NEITHER,
  };
  floristOwner = {
    ...(await createTestUser({ email: "owner@florist.test", role: "customer", customerId: florist.id })),
    customer: RENEWER,
  };

  keys.bakeryBought = await insertOrder({
    at: "2026-05-01T10:00:00Z",
    domain: "bakery.test",
    actor: bakeryOwner,
    orderId: "157001",
    pakId: "4711",
  });
  keys.bakeryGrowthFailed = await insertOrder({
    at: "2026-05-02T10:00:00Z",
    domain: "bakery-shop.test",
    actor: bakeryColleague,
    kind: "add-mailboxes",
    status: "failed",
    request: { kind: "add-mailboxes", domain: "bakery-shop.test", bundleId: 4712, quantity: 5 },
  });
  // Staff bought on the bakery's domain: the reseller's own order, not shown to the bakery.
  keys.staffOnBakery = await insertOrder({
    at: "2026-05-03T10:00:00Z",
    domain: "bakery.test",
    actor: staff,
    orderId: "157003",
  });
  keys.floristRenewal = await insertOrder({
    at: "2026-05-04T10:00:00Z",
    domain: "florist.test",
    actor: floristOwner,
    kind: "renew",
    status: "unknown",
    request: { kind: "renew", domain: "florist.test", bundleId: 900, years: 2 },
    orderId: "258004",
  });
  keys.staffUnowned = await insertOrder({
    at: "2026-05-05T10:00:00Z",
    domain: "unowned.test",
    actor: admin,
    kind: "add-storage",
    status: "pending",
    request: { kind: "add-storage", domain: "unowned.test", bundleId: 1, units: 2 },
    retailCents: null,
    costCents: null,
  });
});

async function keysOf(user: SessionUser, filter: OrderFilter = {}): Promise<string[]> {
  return (await listOrders(user, filter)).orders.map((order) => order.key);
}

describe("who may read the order history", () => {
  it("is staff with orders.view, and customers allowed to buy or renew", () => {
    expect(orderAudienceOf(admin)).toBe("staff");
    expect(orderAudienceOf(staff)).toBe("staff");
    expect(orderAudienceOf(support)).toBeNull();
    expect(orderAudienceOf(bakeryOwner)).toBe("customer");
    expect(orderAudienceOf(floristOwner)).toBe("customer");
    expect(orderAudienceOf(bakeryViewer)).toBeNull();
  });

  it("tells anyone else the page does not exist", async () => {
    await expect(listOrders(support, {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(listOrders(bakeryViewer, {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(listOrderCustomers(bakeryViewer)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("listOrders for staff", () => {
  it("lists every order of the account, newest first, with cost, customer and who placed it", async () => {
    const page = await listOrders(staff, {});
    expect(page.audience).toBe("staff");
    expect(page.next).toBeNull();
    expect(page.orders.map((order) => order.key)).toEqual([
      keys.staffUnowned,
      keys.floristRenewal,
      keys.staffOnBakery,
      keys.bakeryGrowthFailed,
      keys.bakeryBought,
    ]);
    expect(page.orders.at(-1)).toEqual({
      key: keys.bakeryBought,
      href: `/purchases/${keys.bakeryBought}`,
      createdAt: "2026-05-01T10:00:00.000Z",
      domain: "bakery.test",
      customerName: "Bakery Ltd",
      kind: "purchase",
      outcome: "ok",
      what: "Bought 10 mailboxes · 5 GB each, yearly",
      pakId: 4711,
      orderId: "157001",
      who: "owner@bakery.test",
      whoRole: "customer",
      retailCents: 6000,
      costCents: 2500,
    });
    // Staff's order on a customer's domain belongs to that customer; an unowned domain to none.
    expect(page.orders[2]).toMatchObject({
      customerName: "Bakery Ltd",
      who: "ann@reseller.test",
      whoRole: "staff",
    });
    expect(page.orders[0]).toMatchObject({
      customerName: null,
      what: "Added 1 GB storage per mailbox",
      costCents: null,
    });
  });

  it("filters by kind, outcome, domain prefix, customer, dates and text", async () => {
    expect(await keysOf(staff, { kind: "renew" })).toEqual([keys.floristRenewal]);
    expect(await keysOf(staff, { outcome: "failed" })).toEqual([keys.bakeryGrowthFailed]);
    expect(await keysOf(staff, { domain: "bakery" })).toEqual([
      keys.staffOnBakery,
      keys.bakeryGrowthFailed,
      keys.bakeryBought,
    ]);
    expect(await keysOf(staff, { domain: "akery" })).toEqual([]);
    expect(await keysOf(staff, { customerId: floristId })).toEqual([keys.floristRenewal]);
    expect(await keysOf(staff, { customerId: bakeryId })).toEqual([
      keys.staffOnBakery,
      keys.bakeryGrowthFailed,
      keys.bakeryBought,
    ]);
    expect(
      await keysOf(staff, { from: new Date("2026-05-02T00:00:00Z"), to: new Date("2026-05-04T00:00:00Z") }),
    ).toEqual([keys.staffOnBakery, keys.bakeryGrowthFailed]);
    expect(await keysOf(staff, { q: "2580" })).toEqual([keys.floristRenewal]);
    expect(await keysOf(staff, { q: "SHOP" })).toEqual([keys.bakeryGrowthFailed]);
    // An order id matches from its start; `%` and `_` are taken literally.
    expect(await keysOf(staff, { q: "004" })).toEqual([]);
    expect(await keysOf(staff, { q: "%" })).toEqual([]);
    expect(await keysOf(staff, { domain: "_akery" })).toEqual([]);
    expect(await keysOf(staff, { kind: "renew", outcome: "ok" })).toEqual([]);
  });

  it("offers every customer to filter by", async () => {
    expect((await listOrderCustomers(staff)).map((customer) => customer.name)).toEqual([
      "Bakery Ltd",
      "Florist Inc",
    ]);
  });
});

describe("listOrders for a customer", () => {
  it("lists only its own people's orders on its own domains, at retail price, never the cost", async () => {
    const page = await listOrders(bakeryOwner, {});
    expect(page.audience).toBe("customer");
    expect(page.orders.map((order) => order.key)).toEqual([keys.bakeryGrowthFailed, keys.bakeryBought]);
    for (const order of page.orders) {
      expect(order.costCents).toBeNull();
      expect(order.customerName).toBeNull();
      expect(order.whoRole).toBeNull();
      expect(order.href).toBe(`/portal/purchases/${order.key}`);
      expect(JSON.stringify(order)).not.toMatch(/TK-SECRET|2500|enom/i);
    }
    expect(page.orders.map((order) => [order.who, order.retailCents])).toEqual([
      ["colleague@bakery.test", 6000],
      ["You", 6000],
    ]);
  });

  it("cannot reach another customer's orders through any filter", async () => {
    expect(await keysOf(floristOwner, {})).toEqual([keys.floristRenewal]);
    expect(await keysOf(floristOwner, { customerId: bakeryId })).toEqual([keys.floristRenewal]);
    expect(await keysOf(floristOwner, { domain: "bakery" })).toEqual([]);
    expect(await keysOf(floristOwner, { q: "157001" })).toEqual([]);
    expect(await listOrderCustomers(floristOwner)).toEqual([]);
  });

  it("loses sight of a domain's orders once the domain is no longer the customer's", async () => {
    const db = await getDb();
    await db.execute(
      sql`update customer_domains set customer_id = ${floristId} where domain = 'bakery-shop.test'`,
    );
    try {
      expect(await keysOf(bakeryOwner)).toEqual([keys.bakeryBought]);
      // Nor does the new owner see the orders the bakery placed before.
      expect(await keysOf(floristOwner)).toEqual([keys.floristRenewal]);
    } finally {
      await db.execute(
        sql`update customer_domains set customer_id = ${bakeryId} where domain = 'bakery-shop.test'`,
      );
    }
  });
});

describe("paging", () => {
  it("pages newest first without skipping or repeating orders of the same microsecond", async () => {
    const same = "2026-06-01T08:00:00.123456Z";
    const db = await getDb();
    const tied: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const tiedKey = await insertOrder({ at: "2026-06-01T08:00:00Z", domain: "tied.test", actor: staff });
      // Microseconds that a JavaScript Date cannot hold.
      await db.execute(
        sql`update purchase_attempts set created_at = ${same}::timestamptz where key = ${tiedKey}`,
      );
      tied.push(tiedKey);
    }
    const filter: OrderFilter = { domain: "tied.test" };
    const first = await listOrders(staff, filter, { limit: 2 });
    expect(first.orders).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const second = await listOrders(staff, filter, { after: first.next ?? undefined, limit: 2 });
    expect(second.next).toBeNull();
    const seen = [...first.orders, ...second.orders].map((order) => order.key);
    expect(seen).toEqual([...tied].sort().reverse());

    const all: string[] = [];
    for await (const order of iterateOrders(staff, {})) all.push(order.key);
    expect(all).toHaveLength(8);
    expect(new Set(all).size).toBe(8);
  });

  it("pages a customer within its own orders only", async () => {
    const first = await listOrders(bakeryOwner, {}, { limit: 1 });
    expect(first.orders.map((order) => order.key)).toEqual([keys.bakeryGrowthFailed]);
    const second = await listOrders(bakeryOwner, {}, { after: first.next ?? undefined, limit: 1 });
    expect(second.orders.map((order) => order.key)).toEqual([keys.bakeryBought]);
    expect(second.next).toBeNull();
  });

  it("refuses a cursor that was not made here", async () => {
    await expect(listOrders(staff, {}, { after: "bm90LWEtY3Vyc29y" })).rejects.toBeInstanceOf(
      BadOrderCursorError,
    );
    const forged = encodeOrderCursor({ at: "2026-05-03T10:00:00Z", key: "x" });
    await expect(listOrders(staff, {}, { after: forged })).rejects.toBeInstanceOf(BadOrderCursorError);
  });
});
