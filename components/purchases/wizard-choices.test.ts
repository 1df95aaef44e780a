import { describe, expect, it } from "vitest";
import { purchaseRequestSchema, renewRequestSchema } from "@/lib/validation/purchases";
import {
  DEFAULT_PURCHASE_CHOICES,
  growModeFromSearch,
  pakFromSearch,
  purchaseChoicesFromSearch,
  purchaseRequestOf,
  purchaseWizardHref,
  renewItemsFromSearch,
  renewRequestOf,
  renewWizardHref,
  renewYearsFromSearch,
  type GrowthTarget,
} from "./wizard-choices";

const growth = (mode: GrowthTarget["mode"]): GrowthTarget => ({
  mode,
  domain: "example.com",
  bundleId: 42,
  capacityGb: 5,
  quotaMb: 5120,
  purchased: 10,
  used: 3,
  expires: "2027-03-01",
});

describe("purchase wizard choices", () => {
  it("reads the choices from the URL and falls back to the defaults for anything unreadable", () => {
    expect(
      purchaseChoicesFromSearch({
        domain: " Example.COM ",
        unit: "boxes",
        qty: "25",
        gb: "10",
        period: "month",
        terms: "6",
      }),
    ).toEqual({
      ...DEFAULT_PURCHASE_CHOICES,
      domain: "example.com",
      quantityUnit: "boxes",
      quantity: "25",
      capacityGb: 10,
      billingPeriod: "month",
      terms: 6,
    });
    expect(
      purchaseChoicesFromSearch({ unit: "crates", qty: "-3", gb: "2", period: "week", terms: "13" }),
    ).toEqual(DEFAULT_PURCHASE_CHOICES);
    expect(purchaseChoicesFromSearch({ domain: ["a.com", "b.com"] }).domain).toBe("a.com");
  });

  it("round-trips the choices through the wizard's URL", () => {
    const choices = {
      ...DEFAULT_PURCHASE_CHOICES,
      domain: "example.com",
      quantity: "3",
      capacityGb: 3 as const,
    };
    const href = purchaseWizardHref("/portal", choices, null);
    expect(href.startsWith("/portal/purchase?")).toBe(true);
    const search = Object.fromEntries(new URLSearchParams(href.split("?")[1]));
    expect(purchaseChoicesFromSearch(search)).toEqual(choices);

    const grow = purchaseWizardHref("", { ...choices, growthAmount: "4" }, { mode: "storage", bundleId: 42 });
    const growSearch = Object.fromEntries(new URLSearchParams(grow.split("?")[1]));
    expect(growModeFromSearch(growSearch)).toBe("storage");
    expect(pakFromSearch(growSearch)).toBe(42);
    expect(purchaseChoicesFromSearch(growSearch).growthAmount).toBe("4");
  });

  it("builds the request each action expects, which the shared schema accepts", () => {
    const choices = { ...DEFAULT_PURCHASE_CHOICES, domain: "example.com", growthAmount: "2" };
    expect(purchaseRequestSchema.parse(purchaseRequestOf(choices, null))).toMatchObject({
      kind: "purchase",
      quantityUnit: "packs",
      quantity: 1,
    });
    expect(purchaseRequestSchema.parse(purchaseRequestOf(choices, growth("mailboxes")))).toEqual({
      kind: "add-mailboxes",
      domain: "example.com",
      bundleId: 42,
      quantity: 2,
    });
    expect(purchaseRequestSchema.parse(purchaseRequestOf(choices, growth("storage")))).toEqual({
      kind: "add-storage",
      domain: "example.com",
      bundleId: 42,
      units: 2,
    });
  });

  it("ignores unknown growth modes and malformed paks", () => {
    expect(growModeFromSearch({ grow: "everything" })).toBeNull();
    expect(pakFromSearch({ pak: "12a" })).toBeNull();
    expect(pakFromSearch({})).toBeNull();
  });
});

describe("renew wizard choices", () => {
  it("reads the expirations page's list and a pak card's link, once each", () => {
    expect(
      renewItemsFromSearch({ items: "a.com:12,B.org:34,a.com:12,broken,c.net:x", domain: "d.io", pak: "7" }),
    ).toEqual([
      { domain: "a.com", bundleId: 12 },
      { domain: "b.org", bundleId: 34 },
      { domain: "d.io", bundleId: 7 },
    ]);
    expect(renewItemsFromSearch({})).toEqual([]);
  });

  it("keeps the years within 1 to 10", () => {
    expect(renewYearsFromSearch({ years: "3" })).toBe(3);
    expect(renewYearsFromSearch({ years: "11" })).toBe(1);
    expect(renewYearsFromSearch({})).toBe(1);
  });

  it("round-trips the selection through the wizard's URL and builds a valid request", () => {
    const items = [
      { domain: "a.com", bundleId: 12 },
      { domain: "b.org", bundleId: 34 },
    ];
    const href = renewWizardHref("", items, 2);
    const search = Object.fromEntries(new URLSearchParams(href.split("?")[1]));
    expect(renewItemsFromSearch(search)).toEqual(items);
    expect(renewYearsFromSearch(search)).toBe(2);
    expect(renewRequestSchema.parse(renewRequestOf(items, 2))).toEqual({ items, years: 2 });
  });
});
