import { describe, expect, it } from "vitest";
import { DEFAULT_PRICE_LIST } from "@/lib/pricing/price-list";
import {
  balanceShortfallCents,
  baseCapacityOf,
  bucketOf,
  daysBetween,
  oneTermRenewalCents,
  summariseExpirations,
  toExpirationRows,
  upcomingMonths,
  type PakExpiry,
} from "./model";

const TODAY = "2026-11-24";
const COST = DEFAULT_PRICE_LIST.cost;

let nextId = 1000;
function pak(domain: string, expires: string, overrides: Partial<PakExpiry> = {}): PakExpiry {
  return {
    domain,
    bundleId: nextId++,
    expires,
    autoRenew: true,
    details: "loaded",
    qtyPurchased: 10,
    quotaMb: 1024,
    capacityGb: 1,
    prodType: 2011,
    ...overrides,
  };
}

function rows(paks: PakExpiry[], owners = new Map<string, { customerId: string; customerName: string }>()) {
  return toExpirationRows(paks, { todayIso: TODAY, prices: COST, owners });
}

describe("days and windows", () => {
  it("counts calendar days, across months and leap days", () => {
    expect(daysBetween(TODAY, TODAY)).toBe(0);
    expect(daysBetween(TODAY, "2026-11-23")).toBe(-1);
    expect(daysBetween(TODAY, "2026-12-24")).toBe(30);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
  });

  it("places each day count in one window, the edges included in the nearer one", () => {
    expect([-400, -1, 0, 30, 31, 60, 61, 90, 91].map(bucketOf)).toEqual([
      "expired",
      "expired",
      "30",
      "30",
      "60",
      "60",
      "90",
      "90",
      "later",
    ]);
  });
});

describe("the cost of renewing a pak for one term", () => {
  it("pays every mailbox at its capacity's yearly price (no eNom reply gives a billing period)", () => {
    expect(oneTermRenewalCents(pak("a.com", TODAY), COST)).toBe(10 * 100);
    expect(
      oneTermRenewalCents(pak("a.com", TODAY, { capacityGb: 5, quotaMb: 5120, qtyPurchased: 3 }), COST),
    ).toBe(3 * 400);
    expect(oneTermRenewalCents(pak("a.com", TODAY, { prodType: 38 }), COST)).toBe(10 * 100);
  });

  it("adds extra storage: a 1.5 GB quota is a 1 GB pak with one 512 MB unit per mailbox", () => {
    const withStorage = pak("a.com", TODAY, { quotaMb: 1536, capacityGb: null, qtyPurchased: 4 });
    expect(baseCapacityOf(withStorage)).toBe(1);
    expect(oneTermRenewalCents(withStorage, COST)).toBe(4 * 100 + 4 * 50);
    expect(baseCapacityOf({ quotaMb: 4096, capacityGb: null })).toBe(3);
  });

  it("cannot price a pak whose details are not read yet, or when eNom gave no mailbox count or quota", () => {
    const notRead = pak("a.com", TODAY, {
      details: "not-loaded",
      qtyPurchased: null,
      quotaMb: null,
      capacityGb: null,
    });
    expect(oneTermRenewalCents(notRead, COST)).toBeNull();
    expect(oneTermRenewalCents(pak("a.com", TODAY, { qtyPurchased: null }), COST)).toBeNull();
    expect(oneTermRenewalCents(pak("a.com", TODAY, { quotaMb: null, capacityGb: null }), COST)).toBeNull();
  });

  it("uses the price list it is given (the reseller's own cost list)", () => {
    const dearer = { ...COST, mailbox: { ...COST.mailbox, year: { ...COST.mailbox.year, 1: 250 } } };
    expect(oneTermRenewalCents(pak("a.com", TODAY), dearer)).toBe(2500);
  });
});

describe("rows", () => {
  it("carry days left, window, cost and the domain's customer", () => {
    const owners = new Map([["a.com", { customerId: "c1", customerName: "Acme" }]]);
    const [owned, unassigned] = rows([pak("a.com", "2026-12-01"), pak("b.com", "2026-10-01")], owners);
    expect(owned).toMatchObject({
      days: 7,
      bucket: "30",
      renewalCents: 1000,
      customer: { id: "c1", name: "Acme" },
    });
    expect(unassigned).toMatchObject({ days: -54, bucket: "expired", customer: null });
  });
});

describe("the account's summary", () => {
  const summary = summariseExpirations(
    rows([
      pak("old.com", "2026-09-01", { autoRenew: false }), // expired
      pak("old.com", "2026-11-23"), // expired yesterday
      pak("soon.com", TODAY, { qtyPurchased: 5 }), // today
      pak("soon.com", "2026-12-24", { autoRenew: false, qtyPurchased: 1 }), // day 30
      pak("mid.com", "2026-12-25", { details: "not-loaded", qtyPurchased: null, autoRenew: null }), // day 31, not read
      pak("mid.com", "2027-01-23"), // day 60
      pak("late.com", "2027-02-22", { autoRenew: false }), // day 90
      pak("far.com", "2027-10-31"), // in the 12th month
      pak("far.com", "2027-11-01"), // past the chart
    ]),
    TODAY,
  );

  it("counts each window, and the running totals of the cards", () => {
    expect(summary.total).toBe(9);
    expect(summary.buckets).toEqual({ expired: 2, "30": 2, "60": 2, "90": 1, later: 2 });
    expect(summary.dueWithin).toEqual({ 30: 2, 60: 4, 90: 5 });
    expect(summary.autoRenewOff).toBe(3);
    expect(summary.autoRenewUnknown).toBe(1);
    expect(summary.atRiskAutoRenewOff).toBe(2);
    expect(summary.detailsPending).toBe(1);
  });

  it("prices what is due now: every expired pak and every one due within 30 days, one term each", () => {
    expect(summary.dueSoon).toEqual({
      paks: 4,
      expired: 2,
      // 10 + 10 + 5 + 1 mailboxes a year at $1.
      costCents: 1000 + 1000 + 500 + 100,
      unpriced: 0,
    });
  });

  it("spreads the renewals not yet expired over this month and the next eleven", () => {
    expect(summary.months.map((month) => month.month)).toEqual([
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
      "2027-03",
      "2027-04",
      "2027-05",
      "2027-06",
      "2027-07",
      "2027-08",
      "2027-09",
      "2027-10",
    ]);
    const byMonth = Object.fromEntries(
      summary.months.map((month) => [month.month, [month.paks, month.costCents]]),
    );
    expect(byMonth["2026-11"]).toEqual([1, 500]);
    expect(byMonth["2026-12"]).toEqual([2, 100]); // the pak not read yet counts, at no cost
    expect(byMonth["2027-01"]).toEqual([1, 1000]);
    expect(byMonth["2027-02"]).toEqual([1, 1000]);
    expect(byMonth["2027-10"]).toEqual([1, 1000]);
    expect(summary.months.reduce((sum, month) => sum + month.paks, 0)).toBe(6);
  });

  it("counts paks due now that cannot be priced (yet) apart instead of guessing their cost", () => {
    const unpriced = summariseExpirations(
      rows([
        pak("x.com", TODAY, { qtyPurchased: null }),
        pak("y.com", TODAY, { details: "not-loaded", qtyPurchased: null, capacityGb: null, quotaMb: null }),
        pak("z.com", TODAY),
      ]),
      TODAY,
    );
    expect(unpriced.dueSoon).toEqual({ paks: 3, expired: 0, costCents: 1000, unpriced: 2 });
  });

  it("is empty for an account without paks", () => {
    const empty = summariseExpirations([], TODAY);
    expect(empty.total).toBe(0);
    expect(empty.dueSoon.costCents).toBe(0);
    expect(empty.months).toHaveLength(12);
  });
});

describe("months and the balance", () => {
  it("labels months across a year end", () => {
    expect(upcomingMonths("2026-12-31", 2)).toEqual([
      { month: "2026-12", label: "Dec 2026" },
      { month: "2027-01", label: "Jan 2027" },
    ]);
  });

  it("says how much the balance falls short of the renewals due, if at all", () => {
    const due = { paks: 3, expired: 0, costCents: 2500, unpriced: 0 };
    expect(balanceShortfallCents(1000, due)).toBe(1500);
    expect(balanceShortfallCents(2500, due)).toBe(0);
    expect(balanceShortfallCents(null, due)).toBeNull();
  });
});
