import { describe, expect, it } from "vitest";
import { pricePurchase, priceRenewal, type PakFacts } from "@/lib/purchases/quote";
import {
  customerPricesInputSchema,
  ownPriceCount,
  overlayRetail,
  priceListWith,
} from "./customer-price-model";
import { DEFAULT_PRICE_LIST } from "./price-list";

const none = { 1: null, 3: null, 5: null, 10: null };
const own = {
  mailbox: { year: { ...none, 5: 750 }, month: none },
  storageUnit: { year: 80, month: null },
};

describe("a customer's own retail prices", () => {
  it("lay over the price list's retail; empty prices follow the list; cost never changes", () => {
    const list = priceListWith(DEFAULT_PRICE_LIST, own);
    expect(list.cost).toEqual(DEFAULT_PRICE_LIST.cost);
    expect(list.retail.mailbox.year[5]).toBe(750);
    expect(list.retail.mailbox.year[1]).toBe(DEFAULT_PRICE_LIST.retail.mailbox.year[1]);
    expect(list.retail.storageUnit).toEqual({ year: 80, month: DEFAULT_PRICE_LIST.retail.storageUnit.month });
    expect(ownPriceCount(own)).toBe(2);
  });

  it("are ignored when the stored value cannot be read, and absent means the list", () => {
    expect(overlayRetail(DEFAULT_PRICE_LIST.retail, { mailbox: "x" })).toEqual(DEFAULT_PRICE_LIST.retail);
    expect(priceListWith(DEFAULT_PRICE_LIST, null)).toBe(DEFAULT_PRICE_LIST);
  });

  it("change the retail of a customer's quote, not its cost", () => {
    const request = {
      kind: "purchase" as const,
      domain: "bakery.example",
      quantityUnit: "boxes" as const,
      quantity: 10,
      capacityGb: 5 as const,
      billingPeriod: "year" as const,
      terms: 1,
    };
    const base = pricePurchase(DEFAULT_PRICE_LIST, request, null, "2026-05-01");
    const theirs = pricePurchase(priceListWith(DEFAULT_PRICE_LIST, own), request, null, "2026-05-01");
    expect(base).toMatchObject({ costCents: 4000, retailCents: 9000 });
    expect(theirs).toMatchObject({ costCents: 4000, retailCents: 7500 });
  });

  it("price each pak of a renewal at the prices of its domain's customer", () => {
    const pak = (domain: string, bundleId: number): PakFacts => ({
      domain,
      bundleId,
      qtyPurchased: 2,
      expires: "2026-09-01",
      billingPeriod: "year",
      prodType: 2011,
      shape: { capacityGb: 5, storageUnits: 1 },
    });
    const theirs = priceListWith(DEFAULT_PRICE_LIST, own);
    const priced = priceRenewal(
      (domain) => (domain === "bakery.example" ? theirs : DEFAULT_PRICE_LIST),
      [pak("bakery.example", 1), pak("other.example", 2)],
      1,
      "2026-05-01",
    );
    // 2 × (5 GB at 7.50 + 512 MB at 0.80) for the bakery; 2 × (9.00 + 1.00) at the list.
    expect(priced.lines.map((line) => line.retailCents)).toEqual([2 * (750 + 80), 2 * (900 + 100)]);
    expect(priced.lines.map((line) => line.costCents)).toEqual([2 * (400 + 50), 2 * (400 + 50)]);
  });

  it("are posted as cents or digit strings; an empty field is the list's", () => {
    const parsed = customerPricesInputSchema.safeParse({
      customerId: "0b6c9e7e-3a56-4a53-9a8e-5c4d1c0f8a11",
      retail: {
        mailbox: { year: { 1: "", 3: "275", 5: 750, 10: null }, month: { 1: "", 3: "", 5: "", 10: "" } },
        storageUnit: { year: "", month: "12" },
      },
    });
    expect(parsed.success && parsed.data.retail.mailbox.year).toEqual({ 1: null, 3: 275, 5: 750, 10: null });
    const bad = customerPricesInputSchema.safeParse({
      customerId: "0b6c9e7e-3a56-4a53-9a8e-5c4d1c0f8a11",
      retail: { ...own, storageUnit: { year: -1, month: "1.5" } },
    });
    expect(bad.success).toBe(false);
  });
});
