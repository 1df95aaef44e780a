import { describe, expect, it } from "vitest";
import { RuleError } from "@/lib/auth/errors";
import { DEFAULT_PRICE_LIST } from "@/lib/pricing/price-list";
import { PROD_TYPE_CLASSIC_POP, PROD_TYPE_MAILBOX } from "@/lib/validation/enom-rules";
import { addTerm, renewedExpiry, termsLeft } from "./dates";
import { shapeOfQuota } from "./pak-shape";
import {
  dollars,
  growthCoversPartOfATerm,
  priceRenewal,
  pricePurchase,
  quoteFor,
  type PakFacts,
} from "./quote";

const TODAY = "2026-03-15";

function pak(overrides: Partial<PakFacts> = {}): PakFacts {
  return {
    domain: "example.com",
    bundleId: 700,
    qtyPurchased: 10,
    expires: "2026-09-01",
    billingPeriod: "year",
    prodType: PROD_TYPE_MAILBOX,
    shape: { capacityGb: 5, storageUnits: 0 },
    ...overrides,
  };
}

describe("eNom's term arithmetic", () => {
  it("adds months and years, keeping the day where the month has it", () => {
    expect(addTerm("2026-01-31", "month", 1)).toBe("2026-02-28");
    expect(addTerm("2028-02-29", "year", 1)).toBe("2029-02-28");
    expect(addTerm("2026-03-15", "year", 2)).toBe("2028-03-15");
  });

  it("counts whole terms left, at least one", () => {
    expect(termsLeft("2026-09-01", "year", TODAY)).toBe(1);
    expect(termsLeft("2027-06-01", "year", TODAY)).toBe(2);
    expect(termsLeft("2026-03-16", "month", TODAY)).toBe(1);
    expect(termsLeft("2026-06-15", "month", TODAY)).toBe(3);
    expect(termsLeft("2025-01-01", "year", TODAY)).toBe(1);
  });

  it("renews from the expiry while it is today or later, from today once it has passed", () => {
    expect(renewedExpiry("2026-09-01", TODAY, 1)).toBe("2027-09-01");
    expect(renewedExpiry(TODAY, TODAY, 2)).toBe("2028-03-15");
    expect(renewedExpiry("2026-01-10", TODAY, 1)).toBe("2027-03-15");
  });
});

describe("a pak's make-up from its quota", () => {
  it("reads the capacity and the extra storage", () => {
    expect(shapeOfQuota(5120)).toEqual({ capacityGb: 5, storageUnits: 0 });
    expect(shapeOfQuota(1536)).toEqual({ capacityGb: 1, storageUnits: 1 });
    expect(shapeOfQuota(10240 + 2048)).toEqual({ capacityGb: 10, storageUnits: 4 });
    expect(shapeOfQuota(null)).toBeNull();
    expect(shapeOfQuota(100)).toBeNull();
  });

  it("prefers what Mailpak recorded when the quota reads two ways", () => {
    expect(shapeOfQuota(3072)).toEqual({ capacityGb: 3, storageUnits: 0 });
    expect(shapeOfQuota(3072, { capacityGb: 1 })).toEqual({ capacityGb: 1, storageUnits: 4 });
    expect(shapeOfQuota(3072, { storageUnits: 4 })).toEqual({ capacityGb: 1, storageUnits: 4 });
    // A recorded capacity that cannot be right is ignored.
    expect(shapeOfQuota(3072, { capacityGb: 5 })).toEqual({ capacityGb: 3, storageUnits: 0 });
  });
});

describe("pricing", () => {
  it("prices a new pak at cost and retail, by mailboxes, capacity and terms", () => {
    const priced = pricePurchase(
      DEFAULT_PRICE_LIST,
      {
        kind: "purchase",
        domain: "example.com",
        quantityUnit: "packs",
        quantity: 2,
        capacityGb: 5,
        billingPeriod: "year",
        terms: 2,
      },
      null,
      TODAY,
    );
    // 20 mailboxes × $4.00 × 2 years at cost; × $9.00 retail.
    expect(priced.costCents).toBe(16_000);
    expect(priced.retailCents).toBe(36_000);
    expect(priced.lines.map((line) => line.label)).toEqual(["20 mailboxes, 5 GB each, 2 years"]);
    expect(priced.newPakExpires).toBe("2028-03-15");
    expect(priced.expiries).toEqual([]);
  });

  it("prices added mailboxes for the terms left, with the pak's extra storage", () => {
    const priced = pricePurchase(
      DEFAULT_PRICE_LIST,
      { kind: "add-mailboxes", domain: "example.com", bundleId: 700, quantity: 3 },
      pak({ expires: "2027-06-01", shape: { capacityGb: 3, storageUnits: 2 } }),
      TODAY,
    );
    // Two years left: 3 × $2.50 × 2 + 2 units × 3 mailboxes × $0.50 × 2.
    expect(priced.costCents).toBe(1_500 + 600);
    expect(priced.lines).toHaveLength(2);
    expect(priced.expiries).toEqual([
      { domain: "example.com", bundleId: 700, from: "2027-06-01", to: "2027-06-01" },
    ]);
  });

  it("prices storage for every mailbox of a monthly pak, per month left", () => {
    const priced = pricePurchase(
      DEFAULT_PRICE_LIST,
      { kind: "add-storage", domain: "example.com", bundleId: 700, units: 2 },
      pak({ billingPeriod: "month", expires: "2026-06-15", qtyPurchased: 4 }),
      TODAY,
    );
    // 2 units × 4 mailboxes × $0.05 × 3 months.
    expect(priced.costCents).toBe(120);
    expect(priced.retailCents).toBe(240);
  });

  it("refuses growth of an expired pak, and mailboxes in a classic pak, in plain words", () => {
    const grow = (facts: PakFacts) =>
      pricePurchase(
        DEFAULT_PRICE_LIST,
        { kind: "add-mailboxes", domain: "example.com", bundleId: 700, quantity: 1 },
        facts,
        TODAY,
      );
    expect(() => grow(pak({ expires: "2026-01-01" }))).toThrow(
      new RuleError("Pak 700 expired on 2026-01-01. Renew it first, then add mailboxes."),
    );
    expect(() => grow(pak({ prodType: PROD_TYPE_CLASSIC_POP }))).toThrow(/classic pak/);
  });

  it("prices a renewal of several paks with their storage, and shows each new expiry", () => {
    const priced = priceRenewal(
      DEFAULT_PRICE_LIST,
      [
        pak(),
        pak({
          domain: "other.org",
          bundleId: 701,
          qtyPurchased: 2,
          expires: "2026-01-01",
          shape: { capacityGb: 1, storageUnits: 3 },
        }),
      ],
      2,
      TODAY,
    );
    // 10 × $4.00 × 2, and 2 × ($1.00 + 3 × $0.50) × 2.
    expect(priced.lines.map((line) => line.costCents)).toEqual([8_000, 1_000]);
    expect(priced.costCents).toBe(9_000);
    expect(priced.expiries).toEqual([
      { domain: "example.com", bundleId: 700, from: "2026-09-01", to: "2028-09-01" },
      { domain: "other.org", bundleId: 701, from: "2026-01-01", to: "2028-03-15" },
    ]);
  });
});

describe("pricing what eNom does not report", () => {
  it("prices growth of a pak bought elsewhere by the year, and says so", () => {
    const priced = pricePurchase(
      DEFAULT_PRICE_LIST,
      { kind: "add-mailboxes", domain: "example.com", bundleId: 700, quantity: 2 },
      pak({ billingPeriod: null, expires: "2026-06-15" }),
      TODAY,
    );
    // One year (the pak's unknown billing is priced yearly): 2 × $4.00.
    expect(priced.costCents).toBe(800);
    expect(priced.lines[0]?.label).toBe(
      "2 more mailboxes, 5 GB each, until Jun 15, 2026? The email service's charge for part of a term is not documented; your price list charges a full term (1 year; priced by the year, as the pak's billing period is not known)",
    );
  });

  it("renews a monthly Mailbox pak by the month, a classic pak and an unknown-billing pak by the year", () => {
    const monthly = pak({
      billingPeriod: "month",
      qtyPurchased: 2,
      shape: { capacityGb: 1, storageUnits: 0 },
    });
    const classic = pak({ bundleId: 701, prodType: PROD_TYPE_CLASSIC_POP, billingPeriod: "month" });
    const unknown = pak({ bundleId: 702, billingPeriod: null });
    const priced = priceRenewal(DEFAULT_PRICE_LIST, [monthly, classic, unknown], 1, TODAY);
    // 2 × $0.10 × 12 months; 10 × $4.00 × 1 year; 10 × $4.00 × 1 year.
    expect(priced.lines.map((line) => line.costCents)).toEqual([240, 4_000, 4_000]);
    expect(priced.lines[0]?.label).toBe("Pak 700 of example.com: 2 mailboxes, 1 GB, 12 months");
    expect(priced.expiries.map((expiry) => expiry.to)).toEqual(["2027-09-01", "2027-09-01", "2027-09-01"]);
  });

  it("refuses, before anything is sent, a pak whose product is not reported or a monthly pak for years", () => {
    expect(() => priceRenewal(DEFAULT_PRICE_LIST, [pak({ prodType: null })], 1, TODAY)).toThrow(
      /did not say which product pak 700 is/,
    );
    expect(() => priceRenewal(DEFAULT_PRICE_LIST, [pak({ billingPeriod: "month" })], 2, TODAY)).toThrow(
      new RuleError(
        "Pak 700 is billed monthly, and one renewal covers at most 12 months. Renew it for 1 year at a time.",
      ),
    );
  });
});

describe("what a viewer sees of a quote", () => {
  const priced = priceRenewal(DEFAULT_PRICE_LIST, [pak()], 1, TODAY);

  it("gives a customer retail prices only", () => {
    const quote = quoteFor(priced, false, { cents: 1 });
    expect(quote.costCents).toBeNull();
    expect(quote.lines.every((line) => line.costCents === null)).toBe(true);
    expect(quote.balanceCents).toBeNull();
    expect(quote.sufficient).toBe(true);
    expect(quote.retailCents).toBe(9_000);
  });

  it("gives staff the cost, the balance and whether it covers the order", () => {
    expect(quoteFor(priced, true, { cents: 10_000 })).toMatchObject({
      costCents: 4_000,
      balanceCents: 10_000,
      balanceAfterCents: 6_000,
      sufficient: true,
    });
    expect(quoteFor(priced, true, { cents: 3_999 })).toMatchObject({
      sufficient: false,
      balanceAfterCents: -1,
    });
    expect(quoteFor(priced, true, { problem: "not read" })).toMatchObject({
      balanceCents: null,
      sufficient: true,
      balanceProblem: "not read",
    });
  });

  it("writes amounts as dollars", () => {
    expect(dollars(123_456)).toBe("$1,234.56");
    expect(dollars(5)).toBe("$0.05");
    expect(dollars(-250)).toBe("-$2.50");
  });
});

describe("what growth costs, and until when (eNom does not document part-term charges)", () => {
  const addThree = { kind: "add-mailboxes", domain: "example.com", bundleId: 700, quantity: 3 } as const;

  it("6½ months left: the price list's full year, and the quote says plainly that eNom's part-term charge is unknown", () => {
    const priced = pricePurchase(DEFAULT_PRICE_LIST, addThree, pak({ expires: "2026-10-01" }), TODAY);
    // 3 × $4.00 × 1 year at cost, × $9.00 retail: the whole year, as before.
    expect(priced.costCents).toBe(1_200);
    expect(priced.retailCents).toBe(2_700);
    expect(priced.lines[0]?.label).toBe(
      "3 more mailboxes, 5 GB each, until Oct 1, 2026? The email service's charge for part of a term is not documented; your price list charges a full term (1 year)",
    );
    expect(priced.expiries).toEqual([
      { domain: "example.com", bundleId: 700, from: "2026-10-01", to: "2026-10-01" },
    ]);

    const staff = quoteFor(priced, true, { cents: 10_000 });
    expect(staff.lines).toEqual([{ label: priced.lines[0]?.label, costCents: 1_200, retailCents: 2_700 }]);
    const customer = quoteFor(priced, false, null);
    expect(customer.lines).toEqual([
      {
        label: "3 more mailboxes, 5 GB each, until Oct 1, 2026, charged as a full year",
        costCents: null,
        retailCents: 2_700,
      },
    ]);
    expect(JSON.stringify(customer)).not.toMatch(/enom|price list|documented|email service/i);
  });

  it("whole terms that end at the expiry: no part of a term, nothing to warn about", () => {
    expect(growthCoversPartOfATerm("2027-03-15", "year", TODAY)).toBe(false);
    expect(growthCoversPartOfATerm("2026-10-01", "year", TODAY)).toBe(true);
    expect(growthCoversPartOfATerm("2026-06-15", "month", TODAY)).toBe(false);
    const priced = pricePurchase(DEFAULT_PRICE_LIST, addThree, pak({ expires: "2027-03-15" }), TODAY);
    expect(priced.lines[0]?.label).toBe("3 more mailboxes, 5 GB each, until Mar 15, 2027 (1 year)");
    expect(quoteFor(priced, false, null).lines[0]?.label).toBe(
      "3 more mailboxes, 5 GB each, until Mar 15, 2027 (1 year)",
    );
  });

  it("storage of a monthly pak with part of a month left: full months, said for staff and customers", () => {
    const priced = pricePurchase(
      DEFAULT_PRICE_LIST,
      { kind: "add-storage", domain: "example.com", bundleId: 700, units: 1 },
      pak({ billingPeriod: "month", expires: "2026-06-20", qtyPurchased: 2 }),
      TODAY,
    );
    // 1 unit × 2 mailboxes × $0.05 × 4 months (Mar 15 → Jun 15 is 3, Jun 20 needs a 4th).
    expect(priced.costCents).toBe(40);
    expect(priced.lines[0]?.label).toBe(
      "1 × 512 MB more for each of 2 mailboxes, until Jun 20, 2026? The email service's charge for part of a term is not documented; your price list charges full terms (4 months)",
    );
    expect(quoteFor(priced, false, null).lines[0]?.label).toBe(
      "1 × 512 MB more for each of 2 mailboxes, until Jun 20, 2026, charged as 4 full months",
    );
  });

  it("the pak's extra storage for new mailboxes carries the same words", () => {
    const priced = pricePurchase(
      DEFAULT_PRICE_LIST,
      addThree,
      pak({ expires: "2026-10-01", shape: { capacityGb: 1, storageUnits: 2 } }),
      TODAY,
    );
    expect(priced.lines.map((line) => line.customerLabel)).toEqual([
      "3 more mailboxes, 1 GB each, until Oct 1, 2026, charged as a full year",
      "The pak's extra storage (2 × 512 MB) for the new mailboxes, until Oct 1, 2026, charged as a full year",
    ]);
  });
});
