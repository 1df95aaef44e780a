import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { revertToListPricesAction, saveCustomerPricesAction } from "@/lib/actions/ledger";
import { NotFoundError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db";
import { MIGRATIONS_FOLDER } from "@/lib/db/client";
import { customerPrices, ledgerEntries, purchaseAttempts, users, type PurchaseKind } from "@/lib/db/schema";
import { describeOrder } from "@/lib/orders/model";
import { priceListForOrder, priceListsForOrder } from "@/lib/pricing/customer-prices";
import { DEFAULT_PRICE_LIST } from "@/lib/pricing/price-list";
import { auditAfter, lastAuditId } from "@/test/audit";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs, type SessionUser } from "@/test/session-mock";
import {
  getMarginByMonth,
  getStatement,
  getStatementMonths,
  iterateAccounting,
  portalStatementsAllowed,
} from "./statements";
import { monthOf } from "./model";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

/**
 * The ledger in the database: the trigger of migration 0018 writes one row per made attempt and
 * none for the rest; statements, the accounting export and the margin read it for whoever may;
 * customer prices are kept, audited and used for the customer's quotes.
 */

let admin: SessionUser;
let staff: SessionUser;
let support: SessionUser;
let bakeryAdmin: SessionUser;
let bakeryMember: SessionUser;
let floristAdmin: SessionUser;
let viewerAdmin: SessionUser;
let bakeryId: string;
let floristId: string;
let viewerId: string;

const BUYER = {
  canCreateMailboxes: true,
  canManageMailboxes: true,
  canToggleAutoRenew: false,
  canPurchase: true,
  canRenew: true,
};

async function customerLogin(email: string, customerId: string, customerAdmin: boolean, allowances = BUYER) {
  const user = await createTestUser({ email, role: "customer", customerId });
  if (customerAdmin) {
    const db = await getDb();
    await db.update(users).set({ customerAdmin: true }).where(eq(users.id, user.id));
  }
  return { ...user, customer: allowances };
}

let sequence = 0;
const nextKey = () => `ledger-${++sequence}`;

async function attempt(values: {
  domain: string;
  actor: SessionUser;
  kind?: PurchaseKind;
  status?: "pending" | "ok" | "failed" | "unknown";
  request?: Record<string, unknown>;
  costCents?: number | null;
  retailCents?: number | null;
  key?: string;
}): Promise<string> {
  const db = await getDb();
  const key = values.key ?? nextKey();
  await db.insert(purchaseAttempts).values({
    key,
    kind: values.kind ?? "purchase",
    status: values.status ?? "pending",
    actorId: values.actor.id,
    actorEmail: values.actor.email,
    actorRole: values.actor.role,
    customerId: values.actor.role === "customer" ? values.actor.customerId : null,
    domain: values.domain,
    request: values.request ?? {
      kind: "purchase",
      domain: values.domain,
      quantityUnit: "boxes",
      quantity: 10,
      capacityGb: 5,
      billingPeriod: "year",
      terms: 1,
    },
    costCents: values.costCents === undefined ? 4000 : values.costCents,
    retailCents: values.retailCents === undefined ? 9000 : values.retailCents,
  });
  return key;
}

/** As outcome.ts records eNom's answer: status, order id, TrackingKey and cost in one update. */
async function settle(key: string, patch: Partial<typeof purchaseAttempts.$inferInsert>) {
  const db = await getDb();
  await db
    .update(purchaseAttempts)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(purchaseAttempts.key, key));
}

async function ledgerRow(key: string) {
  const db = await getDb();
  return db.select().from(ledgerEntries).where(eq(ledgerEntries.attemptKey, key));
}

/** Moves a row to a moment, as if it had been made then. */
async function madeAt(key: string, at: string) {
  const db = await getDb();
  await db
    .update(ledgerEntries)
    .set({ occurredAt: new Date(at) })
    .where(eq(ledgerEntries.attemptKey, key));
}

beforeAll(async () => {
  admin = await createTestUser({ email: "admin@ledger.test", role: "admin" });
  staff = await createTestUser({ email: "staff@ledger.test", role: "staff" });
  support = await createTestUser({ email: "support@ledger.test", role: "support" });
  const bakery = await createTestCustomer("Bakery", ["bakery.example", "bread.example"], BUYER);
  const florist = await createTestCustomer("Florist", ["florist.example"], BUYER);
  const viewer = await createTestCustomer("Viewer", ["viewer.example"], {
    canPurchase: false,
    canRenew: false,
  });
  bakeryId = bakery.id;
  floristId = florist.id;
  viewerId = viewer.id;
  bakeryAdmin = await customerLogin("owner@bakery.test", bakeryId, true);
  bakeryMember = await customerLogin("member@bakery.test", bakeryId, false);
  floristAdmin = await customerLogin("owner@florist.test", floristId, true);
  viewerAdmin = await customerLogin("owner@viewer.test", viewerId, true, {
    ...BUYER,
    canPurchase: false,
    canRenew: false,
  });
});

beforeEach(() => signInAs(null));

describe("the trigger on purchase attempts", () => {
  it("records a made attempt once, with eNom's order id, TrackingKey and cost, and the retail owed", async () => {
    const key = await attempt({ domain: "bakery.example", actor: staff });
    expect(await ledgerRow(key)).toEqual([]);
    await settle(key, { status: "ok", enomOrderId: "157790001", enomTrackingKey: "TK-1", costCents: 3999 });
    // Later updates of the same attempt (a re-read, a second "ok") write nothing more.
    await settle(key, { status: "ok", message: "read again" });
    await settle(key, { message: "and again" });
    const rows = await ledgerRow(key);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      customerId: bakeryId,
      domain: "bakery.example",
      kind: "purchase",
      description: "Bought 10 mailboxes · 5 GB each, yearly",
      enomOrderId: "157790001",
      enomTrackingKey: "TK-1",
      costCents: 3999,
      retailCents: 9000,
    });
  });

  it("records an unknown attempt settled as made, and nothing for failed, not-made, pending or unknown ones", async () => {
    const failed = await attempt({ domain: "bakery.example", actor: staff });
    await settle(failed, { status: "failed", enomError: "refused" });
    const notMade = await attempt({ domain: "bakery.example", actor: staff });
    await settle(notMade, { status: "unknown" });
    await settle(notMade, { status: "failed", reconciliation: "not-made" });
    const pending = await attempt({ domain: "bakery.example", actor: staff });
    const unknown = await attempt({ domain: "bakery.example", actor: staff });
    await settle(unknown, { status: "unknown" });
    for (const key of [failed, notMade, pending, unknown]) expect(await ledgerRow(key)).toEqual([]);

    await settle(unknown, { status: "ok", reconciliation: "made", pakId: "77" });
    expect(await ledgerRow(unknown)).toHaveLength(1);
  });

  it("belongs to the customer that placed it, else the domain's customer, else no one", async () => {
    const own = await attempt({ domain: "florist.example", actor: floristAdmin, status: "ok" });
    const forCustomer = await attempt({ domain: "bread.example", actor: admin, status: "ok" });
    const reseller = await attempt({ domain: "reseller-own.example", actor: staff, status: "ok" });
    expect((await ledgerRow(own))[0]?.customerId).toBe(floristId);
    expect((await ledgerRow(forCustomer))[0]?.customerId).toBe(bakeryId);
    expect((await ledgerRow(reseller))[0]?.customerId).toBeNull();
  });

  it("describes each kind of order in the order history's words", async () => {
    const cases: { kind: PurchaseKind; request: Record<string, unknown> }[] = [
      {
        kind: "purchase",
        request: { quantityUnit: "packs", quantity: 2, capacityGb: 10, billingPeriod: "month", terms: 3 },
      },
      {
        kind: "purchase",
        request: { quantityUnit: "boxes", quantity: 1, capacityGb: 1, billingPeriod: "year" },
      },
      { kind: "purchase", request: {} },
      { kind: "add-mailboxes", request: { quantity: 1 } },
      { kind: "add-mailboxes", request: { quantity: 5 } },
      { kind: "add-storage", request: { units: 1 } },
      { kind: "add-storage", request: { units: 3 } },
      { kind: "add-storage", request: { units: 4 } },
      { kind: "renew", request: { years: 1 } },
      { kind: "renew", request: { years: 2 } },
      { kind: "renew", request: { years: "x" } },
    ];
    for (const { kind, request } of cases) {
      const key = await attempt({
        domain: "reseller-own.example",
        actor: staff,
        kind,
        request,
        status: "ok",
      });
      expect((await ledgerRow(key))[0]?.description).toBe(describeOrder(kind, request));
    }
  });

  it("never stops an attempt's outcome from being recorded", async () => {
    // A customer id that no longer exists (deleted meanwhile): the row belongs to no one.
    const db = await getDb();
    const key = nextKey();
    await db.insert(purchaseAttempts).values({
      key,
      kind: "renew",
      status: "ok",
      actorId: bakeryAdmin.id,
      actorEmail: bakeryAdmin.email,
      actorRole: "customer",
      customerId: "00000000-0000-4000-8000-000000000999",
      domain: "gone.example",
      request: { years: 1 },
      costCents: null,
      retailCents: null,
    });
    expect((await ledgerRow(key))[0]).toMatchObject({ customerId: null, costCents: 0, retailCents: 0 });
  });

  it("the migration's backfill records attempts made before the ledger, once", async () => {
    const db = await getDb();
    const key = nextKey();
    await db.execute(sql`alter table purchase_attempts disable trigger purchase_attempts_ledger`);
    try {
      await attempt({ domain: "bread.example", actor: staff, status: "ok", key });
    } finally {
      await db.execute(sql`alter table purchase_attempts enable trigger purchase_attempts_ledger`);
    }
    expect(await ledgerRow(key)).toEqual([]);
    const migration = readFileSync(path.join(MIGRATIONS_FOLDER, "0018_ledger.sql"), "utf8");
    const backfill = migration.split("--> statement-breakpoint").at(-1) ?? "";
    expect(backfill).toMatch(/INSERT INTO ledger_entries/);
    await db.execute(sql.raw(backfill));
    await db.execute(sql.raw(backfill));
    expect(await ledgerRow(key)).toHaveLength(1);
    expect((await ledgerRow(key))[0]?.customerId).toBe(bakeryId);
  });
});

describe("statements", () => {
  let mayKeys: string[];
  beforeAll(async () => {
    // Three of the bakery's in May 2026 (one on the last second of the month), one in June, one of
    // the florist's in May.
    mayKeys = [];
    for (const [retail, cost, at] of [
      [9000, 4000, "2026-05-01T00:00:00Z"],
      [600, 250, "2026-05-15T10:00:00Z"],
      [1500, 700, "2026-05-31T23:59:59Z"],
    ] as const) {
      const key = await attempt({
        domain: "bread.example",
        actor: staff,
        status: "ok",
        retailCents: retail,
        costCents: cost,
      });
      await madeAt(key, at);
      mayKeys.push(key);
    }
    const june = await attempt({
      domain: "bakery.example",
      actor: bakeryAdmin,
      status: "ok",
      retailCents: 111,
    });
    await madeAt(june, "2026-06-01T00:00:00Z");
    const florist = await attempt({ domain: "florist.example", actor: floristAdmin, status: "ok" });
    await madeAt(florist, "2026-05-10T00:00:00Z");
  });

  it("total a customer's month (UTC) for staff, with cost and margin when they see costs", async () => {
    const statement = await getStatement(staff, bakeryId, "2026-05");
    expect(statement.customerName).toBe("Bakery");
    expect(statement.lines).toHaveLength(3);
    expect(statement.totals).toEqual({ count: 3, retailCents: 11_100, costCents: 4950, marginCents: 6150 });
    expect(statement.lines.map((line) => line.trackingKey)).toEqual([null, null, null]);
    const june = await getStatement(admin, bakeryId, "2026-06");
    expect(june.totals.retailCents).toBe(111);
  });

  it("give support the statement without cost or margin", async () => {
    const statement = await getStatement(support, bakeryId, "2026-05");
    expect(statement.audience).toBe("staff");
    expect(statement.totals).toEqual({ count: 3, retailCents: 11_100, costCents: null, marginCents: null });
    expect(statement.lines.every((line) => line.costCents === null)).toBe(true);
  });

  it("give a customer's administrator its own statement at retail only, never another's", async () => {
    const own = await getStatement(bakeryAdmin, bakeryId, "2026-05");
    expect(own.audience).toBe("customer");
    expect(own.totals).toEqual({ count: 3, retailCents: 11_100, costCents: null, marginCents: null });
    expect(JSON.stringify(own)).not.toMatch(/costCents":\d|TK-/);
    await expect(getStatement(bakeryAdmin, floristId, "2026-05")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStatementMonths(floristAdmin, bakeryId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await portalStatementsAllowed(bakeryAdmin)).toBe(true);
  });

  it("are refused to a customer's member, and to a customer that may neither buy nor renew", async () => {
    await expect(getStatement(bakeryMember, bakeryId, "2026-05")).rejects.toBeInstanceOf(NotFoundError);
    expect(await portalStatementsAllowed(bakeryMember)).toBe(false);
    await expect(getStatement(viewerAdmin, viewerId, "2026-05")).rejects.toBeInstanceOf(NotFoundError);
    expect(await portalStatementsAllowed(viewerAdmin)).toBe(false);
  });

  it("printed, have the customer's columns whoever prints them", async () => {
    const printed = await getStatement(admin, bakeryId, "2026-05", { print: true });
    expect(printed.audience).toBe("customer");
    expect(printed.totals.costCents).toBeNull();
    expect(printed.lines.every((line) => line.costCents === null && line.trackingKey === null)).toBe(true);
  });

  it("answer a malformed customer id as not found", async () => {
    await expect(getStatement(admin, "not-a-uuid", "2026-05")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("offer the months with rows and the current month", async () => {
    const months = await getStatementMonths(staff, bakeryId, new Date("2026-07-02T00:00:00Z"));
    // Earlier tests' rows were made today, whenever the suite runs: newest first, each once.
    expect(months).toEqual([...new Set(months)].sort().reverse());
    expect(months).toEqual(expect.arrayContaining(["2026-07", "2026-06", "2026-05", monthOf(new Date())]));
  });
});

describe("the accounting export and the margin", () => {
  it("export every row in the range to staff who see costs, and refuse anyone else", async () => {
    const rows = [];
    for await (const row of iterateAccounting(admin, {
      from: new Date("2026-05-01T00:00:00Z"),
      to: new Date("2026-06-01T00:00:00Z"),
    }))
      rows.push(row);
    expect(rows.map((row) => row.customerName).sort()).toEqual(["Bakery", "Bakery", "Bakery", "Florist"]);
    for (const user of [support, bakeryAdmin]) {
      const refused = iterateAccounting(user, { from: new Date(0), to: new Date() });
      await expect(refused.next()).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("sum retail, cost and margin per month for the dashboard", async () => {
    const db = await getDb();
    const [may] = await db
      .select({
        retail: sql<string>`sum(${ledgerEntries.retailCents})`,
        cost: sql<string>`sum(${ledgerEntries.costCents})`,
      })
      .from(ledgerEntries)
      .where(sql`${ledgerEntries.occurredAt} >= '2026-05-01' and ${ledgerEntries.occurredAt} < '2026-06-01'`);
    const series = await getMarginByMonth(staff, new Date("2026-06-15T00:00:00Z"));
    expect(series).toHaveLength(12);
    expect(series.at(-1)?.month).toBe("2026-06");
    const mayMargin = series.find((month) => month.month === "2026-05");
    expect(mayMargin).toMatchObject({
      retailCents: Number(may?.retail),
      costCents: Number(may?.cost),
      marginCents: Number(may?.retail) - Number(may?.cost),
      count: 4,
    });
    expect(mayMargin?.retailCents).toBe(11_100 + 9000);
    await expect(getMarginByMonth(support)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMarginByMonth(bakeryAdmin)).rejects.toBeInstanceOf(NotFoundError);
    expect(monthOf(new Date("2026-06-30T23:59:59Z"))).toBe("2026-06");
  });
});

describe("customer prices", () => {
  const none = { 1: "", 3: "", 5: "", 10: "" };
  const input = (customerId: string) => ({
    customerId,
    retail: { mailbox: { year: { ...none, 5: "750" }, month: none }, storageUnit: { year: "", month: "" } },
  });

  it("are set by staff who manage customers, audited, and used for the customer's quotes", async () => {
    signInAs(staff);
    const audit = await lastAuditId();
    const saved = await saveCustomerPricesAction(input(bakeryId));
    expect(saved).toMatchObject({ ok: true });
    const [entry] = await auditAfter(audit);
    expect(entry).toMatchObject({ action: "customer.prices", outcome: "ok", targetCustomerId: bakeryId });
    expect(entry?.summary).toMatch(/1 retail price/);

    // The customer's own orders, and staff buying for one of its domains.
    expect((await priceListForOrder(bakeryAdmin, "bakery.example")).retail.mailbox.year[5]).toBe(750);
    expect((await priceListForOrder(staff, "bread.example")).retail.mailbox.year[5]).toBe(750);
    expect((await priceListForOrder(staff, "bread.example")).cost).toEqual(DEFAULT_PRICE_LIST.cost);
    // Another customer, and the reseller's own domains, pay the list.
    expect((await priceListForOrder(floristAdmin, "florist.example")).retail.mailbox.year[5]).toBe(900);
    const forStaff = await priceListsForOrder(staff, ["bakery.example", "florist.example", "own.example"]);
    expect(
      ["bakery.example", "florist.example", "own.example"].map((d) => forStaff(d).retail.mailbox.year[5]),
    ).toEqual([750, 900, 900]);
  });

  it("go back to the price list with 'use the price list', audited", async () => {
    signInAs(admin);
    expect(await saveCustomerPricesAction(input(floristId))).toMatchObject({ ok: true });
    const audit = await lastAuditId();
    expect(await revertToListPricesAction({ customerId: floristId })).toMatchObject({ ok: true });
    const db = await getDb();
    expect(await db.select().from(customerPrices).where(eq(customerPrices.customerId, floristId))).toEqual(
      [],
    );
    expect((await auditAfter(audit))[0]?.summary).toMatch(/price list/);
    expect((await priceListForOrder(floristAdmin, "florist.example")).retail.mailbox.year[5]).toBe(900);
  });

  it("are refused to support and to customers, changing nothing", async () => {
    for (const user of [support, bakeryAdmin]) {
      signInAs(user);
      const result = await saveCustomerPricesAction({
        ...input(floristId),
        retail: { ...input(floristId).retail, storageUnit: { year: "1", month: "1" } },
      });
      expect(result.ok).toBe(false);
      expect(await revertToListPricesAction({ customerId: bakeryId })).toMatchObject({ ok: false });
    }
    const db = await getDb();
    expect(await db.select().from(customerPrices).where(eq(customerPrices.customerId, floristId))).toEqual(
      [],
    );
    expect(
      await db.select().from(customerPrices).where(eq(customerPrices.customerId, bakeryId)),
    ).toHaveLength(1);
  });

  it("refuse a price that is not an amount, with the field named", async () => {
    signInAs(staff);
    const result = await saveCustomerPricesAction({
      customerId: bakeryId,
      retail: { ...input(bakeryId).retail, storageUnit: { year: "-5", month: "" } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toContain("retail.storageUnit.year");
  });
});
