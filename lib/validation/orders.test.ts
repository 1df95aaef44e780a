import { describe, expect, it } from "vitest";
import { hasOrderFilters, orderSearchQuery, parseOrderSearch } from "./orders";

const CUSTOMER_ID = "3f2b8c1e-7a4d-4e6f-9b1a-2c3d4e5f6a7b";

describe("the order history's filters in the URL", () => {
  it("reads every filter, the domain lower-cased, the days as whole UTC days", () => {
    const { filter, errors, after } = parseOrderSearch({
      q: " 1570 ",
      domain: "Bakery.",
      kind: "renew",
      outcome: "unknown",
      customer: CUSTOMER_ID,
      from: "2026-05-01",
      to: "2026-05-31",
      after: "WyJvIl0",
    });
    expect(errors).toEqual({});
    expect(after).toBe("WyJvIl0");
    expect(filter).toEqual({
      q: "1570",
      domain: "bakery",
      kind: "renew",
      outcome: "unknown",
      customerId: CUSTOMER_ID,
      from: new Date("2026-05-01T00:00:00Z"),
      to: new Date("2026-06-01T00:00:00Z"),
    });
  });

  it("drops a filter it cannot read and says why, keeping the others", () => {
    const { filter, errors } = parseOrderSearch({
      kind: "refund",
      outcome: "ok",
      customer: "someone",
      from: "2026-02-30",
      domain: "bakery test",
    });
    expect(errors).toEqual({
      kind: ["Choose what was ordered from the list."],
      customer: ["Choose a customer from the list."],
      from: ["That date does not exist."],
      domain: ["Enter the start of a domain name: letters, digits, dots and hyphens."],
    });
    expect(filter).toMatchObject({ outcome: "ok", kind: undefined, customerId: undefined, from: undefined });
  });

  it("refuses an end date before the start date", () => {
    const { errors, filter } = parseOrderSearch({ from: "2026-05-31", to: "2026-05-01" });
    expect(errors).toEqual({ to: ["The end date is before the start date."] });
    expect(filter.from).toEqual(new Date("2026-05-31T00:00:00Z"));
    expect(filter.to).toBeUndefined();
  });

  it("takes a repeated parameter once and an empty one as no filter", () => {
    const { search } = parseOrderSearch({ outcome: ["failed", "ok"], domain: "  ", q: "" });
    expect(search).toEqual({ outcome: "failed" });
    expect(hasOrderFilters(search)).toBe(true);
    expect(hasOrderFilters(parseOrderSearch({ after: "abc" }).search)).toBe(false);
  });

  it("refuses a page cursor that is not one", () => {
    const { errors, after } = parseOrderSearch({ after: "not a cursor!" });
    expect(after).toBeUndefined();
    expect(errors.after).toEqual([
      "This page of orders is no longer valid; start again from the newest orders.",
    ]);
  });

  it("writes the same filters back into a link, the cursor only when asked", () => {
    const { search } = parseOrderSearch({ kind: "purchase", domain: "bakery", after: "abc" });
    expect(orderSearchQuery(search)).toBe("?domain=bakery&kind=purchase");
    expect(orderSearchQuery(search, { after: "def" })).toBe("?domain=bakery&kind=purchase&after=def");
    expect(orderSearchQuery({})).toBe("");
  });
});
