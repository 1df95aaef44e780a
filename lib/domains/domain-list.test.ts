import { describe, expect, it } from "vitest";
import { DEFAULT_DOMAIN_LIST_QUERY, domainListHref, parseDomainListSearch } from "./domain-list";

describe("parseDomainListSearch", () => {
  it("reads search, filters, order and page from the URL", () => {
    expect(
      parseDomainListSearch({
        q: "  cafe ",
        filter: ["autoRenewOff", "expiring"],
        sort: "expiry",
        dir: "desc",
        page: "3",
        size: "25",
      }),
    ).toEqual({
      q: "cafe",
      filters: ["expiring", "autoRenewOff"],
      sort: "expiry",
      dir: "desc",
      page: 3,
      pageSize: 25,
    });
  });

  it("falls back to the default for each setting it cannot read, alone", () => {
    expect(
      parseDomainListSearch({
        q: "x".repeat(300),
        filter: ["bogus", "full"],
        sort: "price",
        page: "-1",
        size: "33",
      }),
    ).toEqual({ ...DEFAULT_DOMAIN_LIST_QUERY, filters: ["full"] });
    expect(parseDomainListSearch({ page: ["2", "5"], dir: ["sideways"] })).toMatchObject({
      page: 2,
      dir: "asc",
    });
  });
});

describe("domainListHref", () => {
  it("leaves defaults out and keeps the rest, so links stay short and shareable", () => {
    expect(domainListHref(DEFAULT_DOMAIN_LIST_QUERY)).toBe("/domains");
    const query = parseDomainListSearch({
      q: "a b",
      filter: ["expired", "full"],
      sort: "mailboxes",
      dir: "desc",
    });
    expect(domainListHref(query, { page: 2 })).toBe(
      "/domains?q=a+b&filter=expired&filter=full&sort=mailboxes&dir=desc&page=2",
    );
    expect(parseDomainListSearch(Object.fromEntries(new URLSearchParams("size=100&page=1")))).toMatchObject({
      pageSize: 100,
      page: 1,
    });
  });
});
