import { describe, expect, it } from "vitest";
import { parseSearch, resultKey, searchQueryString, usedPercent } from "./model";

describe("parseSearch", () => {
  it("reads text, filter, cursor and page size, lower-casing and trimming the text", () => {
    expect(parseSearch({ q: "  Ann@Bakery.TEST ", filter: "admins", cursor: "abc_-1", limit: "5" })).toEqual({
      ok: true,
      input: { q: "ann@bakery.test", filter: "admins", cursor: "abc_-1", limit: 5 },
    });
  });

  it("takes a filter without text, and text without a filter, with 20 results by default", () => {
    expect(parseSearch({ filter: "near-full" })).toEqual({
      ok: true,
      input: { q: "", filter: "near-full", cursor: null, limit: 20 },
    });
    expect(parseSearch(new URLSearchParams("q=roses"))).toEqual({
      ok: true,
      input: { q: "roses", filter: null, cursor: null, limit: 20 },
    });
  });

  it("reads the first of a repeated parameter and treats an empty one as absent", () => {
    expect(parseSearch(new URLSearchParams("q=one&q=two&filter=&cursor="))).toEqual({
      ok: true,
      input: { q: "one", filter: null, cursor: null, limit: 20 },
    });
  });

  it.each([
    [{}, "Type something to search for, or choose a filter."],
    [{ q: "   " }, "Type something to search for, or choose a filter."],
    [{ q: "a".repeat(101) }, "Search for at most 100 characters."],
    [{ q: "a\u0000b" }, "The search contains characters no address has."],
    [
      { q: "a", filter: "expired" },
      "Choose a filter from the list: near-full, admins, expiring, auto-renew-off.",
    ],
    [{ q: "a", cursor: "has space" }, "This page of results is no longer valid; start the search again."],
    [{ q: "a", limit: "0" }, "The page size must be at least 1."],
    [{ q: "a", limit: "51" }, "The page size is at most 50."],
    [{ q: "a", limit: "2.5" }, "The page size must be a whole number."],
  ])("refuses %j with one message for the user", (raw, message) => {
    expect(parseSearch(raw)).toEqual({ ok: false, message });
  });

  it("keeps exactly 100 characters", () => {
    expect(parseSearch({ q: "b".repeat(100) })).toMatchObject({ ok: true });
  });
});

describe("searchQueryString", () => {
  it("writes only what is set, and reads back the same search", () => {
    expect(searchQueryString({ q: "  " })).toBe("");
    const query = searchQueryString({ q: "ann & co", filter: "expiring", cursor: "xyz", limit: 5 });
    expect(query).toBe("?q=ann+%26+co&filter=expiring&cursor=xyz&limit=5");
    expect(parseSearch(new URLSearchParams(query.slice(1)))).toEqual({
      ok: true,
      input: { q: "ann & co", filter: "expiring", cursor: "xyz", limit: 5 },
    });
  });
});

describe("result helpers", () => {
  it("gives each kind of result its own key", () => {
    const base = { domain: "bakery.test", customerName: null };
    expect(resultKey({ ...base, kind: "domain", hasEmail: true, readAt: null })).toBe("d:bakery.test");
    expect(
      resultKey({
        ...base,
        kind: "pak",
        bundleId: 7,
        expires: "2026-01-01",
        autoRenew: true,
        purchased: 1,
        available: 0,
        capacityGb: 1,
        readAt: "",
      }),
    ).toBe("p:bakery.test:7");
  });

  it("counts storage used in whole percent, and not at all without a quota", () => {
    expect(usedPercent({ quotaMb: 1024, quotaUsedMb: 922 })).toBe(90);
    expect(usedPercent({ quotaMb: 1024, quotaUsedMb: 921 })).toBe(89);
    expect(usedPercent({ quotaMb: null, quotaUsedMb: 5 })).toBeNull();
    expect(usedPercent({ quotaMb: 0, quotaUsedMb: 5 })).toBeNull();
  });
});
