import { describe, expect, it } from "vitest";
import { DEFAULT_PRICE_LIST } from "@/lib/pricing/price-list";
import {
  DEFAULT_EXPIRATION_QUERY,
  expirationsExportHref,
  expirationsHref,
  pageOfExpirations,
  parseExpirationSearch,
  selectExpirations,
  type ExpirationQuery,
} from "./list";
import { toExpirationRows, type PakExpiry } from "./model";

const TODAY = "2026-11-24";

function pak(domain: string, bundleId: number, expires: string, autoRenew: boolean | null = true): PakExpiry {
  return {
    domain,
    bundleId,
    expires,
    autoRenew,
    details: autoRenew === null ? "not-loaded" : "loaded",
    qtyPurchased: autoRenew === null ? null : 10,
    quotaMb: autoRenew === null ? null : 1024,
    capacityGb: autoRenew === null ? null : 1,
    prodType: null,
  };
}

const ROWS = toExpirationRows(
  [
    pak("zeta.com", 1, "2026-10-01", false), // expired
    pak("alpha.com", 2, "2026-12-01"), // 7 days
    pak("alpha.com", 3, "2027-01-10", false), // 47 days
    pak("beta.org", 4, "2027-02-15"), // 83 days
    pak("gamma.net", 5, "2028-01-01"), // later
  ],
  {
    todayIso: TODAY,
    prices: DEFAULT_PRICE_LIST.cost,
    owners: new Map([
      ["alpha.com", { customerId: "c1", customerName: "Northwind" }],
      ["beta.org", { customerId: "c2", customerName: "Acme" }],
    ]),
  },
);

const query = (changes: Partial<ExpirationQuery> = {}): ExpirationQuery => ({
  ...DEFAULT_EXPIRATION_QUERY,
  ...changes,
});
const ids = (rows: { bundleId: number }[]) => rows.map((row) => row.bundleId);

describe("the URL's settings", () => {
  it("reads what fits and falls back per setting for what does not", () => {
    expect(
      parseExpirationSearch({
        filter: "30",
        q: " alpha ",
        sort: "domain",
        dir: "desc",
        page: "2",
        size: "100",
      }),
    ).toEqual({
      filter: "30",
      q: "alpha",
      sort: "domain",
      dir: "desc",
      page: 2,
      pageSize: 100,
    });
    expect(parseExpirationSearch({ filter: "45", sort: "price", page: "-1", size: "7" })).toEqual(
      DEFAULT_EXPIRATION_QUERY,
    );
    expect(parseExpirationSearch({ filter: ["expired", "30"] }).filter).toBe("expired");
  });

  it("writes short links, and the CSV link keeps the filter but not the page", () => {
    expect(expirationsHref(DEFAULT_EXPIRATION_QUERY)).toBe("/expirations");
    const filtered = query({ filter: "30", q: "acme", page: 3, pageSize: 100 });
    expect(expirationsHref(filtered)).toBe("/expirations?filter=30&q=acme&size=100&page=3");
    expect(expirationsHref(filtered, { page: 1 })).toBe("/expirations?filter=30&q=acme&size=100");
    expect(expirationsExportHref(filtered)).toBe("/api/expirations/export?filter=30&q=acme");
    expect(expirationsExportHref(DEFAULT_EXPIRATION_QUERY)).toBe("/api/expirations/export");
  });
});

describe("filters, search and order", () => {
  it("filters by window (each window includes the nearer ones, never the expired) and by auto-renew", () => {
    expect(ids(selectExpirations(ROWS, query({ filter: "expired" })))).toEqual([1]);
    expect(ids(selectExpirations(ROWS, query({ filter: "30" })))).toEqual([2]);
    expect(ids(selectExpirations(ROWS, query({ filter: "60" })))).toEqual([2, 3]);
    expect(ids(selectExpirations(ROWS, query({ filter: "90" })))).toEqual([2, 3, 4]);
    expect(ids(selectExpirations(ROWS, query({ filter: "autoRenewOff" })))).toEqual([1, 3]);
  });

  it("leaves a pak whose auto-renew is not read yet out of the auto-renew filter, not out of its window", () => {
    const unread = toExpirationRows([pak("x.com", 9, "2026-12-01", null)], {
      todayIso: TODAY,
      prices: DEFAULT_PRICE_LIST.cost,
      owners: new Map(),
    });
    expect(selectExpirations(unread, query({ filter: "autoRenewOff" }))).toEqual([]);
    expect(ids(selectExpirations(unread, query({ filter: "30" })))).toEqual([9]);
  });

  it("searches domains and customers, whatever the case", () => {
    expect(ids(selectExpirations(ROWS, query({ q: "ALPHA" })))).toEqual([2, 3]);
    expect(ids(selectExpirations(ROWS, query({ q: "acme" })))).toEqual([4]);
    expect(ids(selectExpirations(ROWS, query({ q: "northwind", filter: "30" })))).toEqual([2]);
  });

  it("sorts by expiry (soonest first by default), domain or customer, unassigned paks last", () => {
    expect(ids(selectExpirations(ROWS, query()))).toEqual([1, 2, 3, 4, 5]);
    expect(ids(selectExpirations(ROWS, query({ dir: "desc" })))).toEqual([5, 4, 3, 2, 1]);
    expect(ids(selectExpirations(ROWS, query({ sort: "domain" })))).toEqual([2, 3, 4, 5, 1]);
    expect(ids(selectExpirations(ROWS, query({ sort: "customer" })))).toEqual([4, 2, 3, 1, 5]);
    expect(ids(selectExpirations(ROWS, query({ sort: "customer", dir: "desc" })))).toEqual([2, 3, 4, 1, 5]);
  });
});

describe("paging", () => {
  it("serves one page of many, and the last page for a page past the end", () => {
    const many = toExpirationRows(
      Array.from({ length: 10_000 }, (_, i) => pak(`d${i}.com`, i + 1, "2027-06-01")),
      { todayIso: TODAY, prices: DEFAULT_PRICE_LIST.cost, owners: new Map() },
    );
    const page = pageOfExpirations(many, query({ page: 3, pageSize: 200 }));
    expect(page).toMatchObject({ total: 10_000, page: 3, pageCount: 50, pageSize: 200 });
    expect(page.rows).toHaveLength(200);
    expect(page.rows[0]?.domain).toBe("d400.com");
    expect(pageOfExpirations(many, query({ page: 999, pageSize: 200 })).page).toBe(50);
    expect(pageOfExpirations([], query())).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1 });
  });
});
