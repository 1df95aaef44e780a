import { describe, expect, it } from "vitest";
import { fitsLimit, monthSpendingLine, monthStartUtc, overLimitMessage, usd } from "./spending-model";

describe("a customer's monthly spending", () => {
  it("starts the month at midnight UTC on the 1st, whatever the time zone", () => {
    expect(monthStartUtc(new Date("2026-12-07T06:43:00Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(monthStartUtc(new Date("2027-01-01T00:00:00Z")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(monthStartUtc(new Date("2026-11-30T23:59:59Z")).toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("reads as the review shows it", () => {
    expect(monthSpendingLine({ spentCents: 12_000, limitCents: 50_000 })).toBe(
      "This month: $120.00 of $500.00 limit",
    );
    expect(monthSpendingLine({ spentCents: 123_456, limitCents: null })).toBe(
      "This month: $1,234.56 spent; no monthly limit",
    );
    expect(usd(5)).toBe("$0.05");
  });

  it("lets an order reach the limit exactly, and not one cent over", () => {
    expect(fitsLimit({ spentCents: 20_000, limitCents: 30_000 }, 10_000)).toBe(true);
    expect(fitsLimit({ spentCents: 20_000, limitCents: 30_000 }, 10_001)).toBe(false);
    expect(fitsLimit({ spentCents: 9_999_999, limitCents: null }, 1)).toBe(true);
  });

  it("says why an order is refused, to the customer and to the staff member approving it", () => {
    const spending = { spentCents: 22_500, limitCents: 30_000, orderCents: 22_500 };
    const customer = overLimitMessage(spending, "customer");
    expect(customer).toContain("This order ($225.00) would go over the monthly spending limit of $300.00");
    expect(customer).toContain("$75.00 is left");
    expect(customer).toContain("ask your provider to raise the limit");
    expect(customer).not.toMatch(/enom|balance/i);
    expect(overLimitMessage(spending, "staff")).toContain("Raise the customer's limit");
    // Already over (the limit was lowered): nothing is left, never a negative amount.
    expect(overLimitMessage({ ...spending, limitCents: 10_000 }, "customer")).toContain("$0.00 is left");
  });
});
