import { describe, expect, it } from "vitest";
import { csvDollars, describeOrder, formatOrderTime, outcomeLabel, pakIdOf } from "./model";

describe("describing an order", () => {
  it("says what a new pak was: mailboxes, capacity and billing", () => {
    expect(
      describeOrder("purchase", {
        kind: "purchase",
        domain: "bakery.test",
        quantityUnit: "boxes",
        quantity: 10,
        capacityGb: 5,
        billingPeriod: "year",
        terms: 1,
      }),
    ).toBe("Bought 10 mailboxes · 5 GB each, yearly");
  });

  it("counts packs of 10 as mailboxes, and says a term of more than one period", () => {
    expect(
      describeOrder("purchase", {
        quantityUnit: "packs",
        quantity: 2,
        capacityGb: 1,
        billingPeriod: "month",
        terms: 3,
      }),
    ).toBe("Bought 20 mailboxes · 1 GB each, monthly · 3 months");
    expect(
      describeOrder("purchase", {
        quantityUnit: "boxes",
        quantity: 1,
        capacityGb: 10,
        billingPeriod: "year",
        terms: 2,
      }),
    ).toBe("Bought 1 mailbox · 10 GB each, yearly · 2 years");
  });

  it("says how many mailboxes were added to a pak", () => {
    expect(describeOrder("add-mailboxes", { quantity: 5, bundleId: 123 })).toBe("Added 5 mailboxes");
    expect(describeOrder("add-mailboxes", { quantity: 1, bundleId: 123 })).toBe("Added 1 mailbox");
  });

  it("says storage in 512 MB units as MB or GB per mailbox", () => {
    expect(describeOrder("add-storage", { units: 1 })).toBe("Added 512 MB storage per mailbox");
    expect(describeOrder("add-storage", { units: 2 })).toBe("Added 1 GB storage per mailbox");
    expect(describeOrder("add-storage", { units: 3 })).toBe("Added 1.5 GB storage per mailbox");
  });

  it("says a renewal's years", () => {
    expect(describeOrder("renew", { kind: "renew", bundleId: 7, years: 1 })).toBe("Renewed 1 pak for 1 year");
    expect(describeOrder("renew", { kind: "renew", bundleId: 7, years: 3 })).toBe(
      "Renewed 1 pak for 3 years",
    );
  });

  it("gives a plainer line, never a wrong one, for a request it cannot read", () => {
    expect(describeOrder("purchase", {})).toBe("Bought a pak");
    expect(describeOrder("purchase", { quantity: 2, capacityGb: 3, billingPeriod: "weekly" })).toBe(
      "Bought a pak",
    );
    expect(describeOrder("add-mailboxes", { quantity: -1 })).toBe("Added mailboxes");
    expect(describeOrder("add-storage", { units: "lots" })).toBe("Added storage");
    expect(describeOrder("renew", { years: 1.5 })).toBe("Renewed 1 pak");
  });
});

describe("an order's outcome in words", () => {
  it("tells staff an unknown outcome waits for eNom, and customers the service, never eNom", () => {
    expect(outcomeLabel("unknown", "staff")).toBe("Waiting for eNom's answer");
    expect(outcomeLabel("unknown", "customer")).toBe("Waiting for the email service's answer");
    for (const outcome of ["ok", "failed", "pending", "unknown"] as const)
      expect(outcomeLabel(outcome, "customer")).not.toMatch(/enom/i);
    expect(outcomeLabel("ok", "staff")).toBe("Done");
    expect(outcomeLabel("failed", "customer")).toBe("Failed");
    expect(outcomeLabel("pending", "staff")).toBe("In progress");
  });
});

describe("an order's pak", () => {
  it("is the pak recorded on the attempt, else the result's, else the one asked for", () => {
    expect(pakIdOf("42", { bundleId: 7 }, { bundleId: 9 })).toBe(42);
    expect(pakIdOf(null, { bundleId: 7 }, { bundleId: 9 })).toBe(9);
    expect(pakIdOf(null, { bundleId: 7 }, {})).toBe(7);
    expect(pakIdOf(null, { kind: "purchase" }, { bundleId: null })).toBeNull();
    expect(pakIdOf("not-a-pak", {}, {})).toBeNull();
  });
});

describe("formatting", () => {
  it("shows times in UTC to the second", () => {
    expect(formatOrderTime("2026-05-31T14:02:09.123Z")).toBe("2026-05-31 14:02:09");
  });

  it("writes dollars with two decimals for a spreadsheet, nothing when unknown", () => {
    expect(csvDollars(1200)).toBe("12.00");
    expect(csvDollars(5)).toBe("0.05");
    expect(csvDollars(123456)).toBe("1234.56");
    expect(csvDollars(null)).toBe("");
  });
});
