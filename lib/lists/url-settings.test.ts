import { describe, expect, it } from "vitest";
import { appendListSettings, listHref, parseListSettings, type ListSettings } from "./url-settings";

const SORTS = ["name", "size"] as const;
type Sort = (typeof SORTS)[number];
const DEFAULTS: ListSettings<Sort> = { q: "", sort: "name", dir: "asc", page: 1, pageSize: 50 };
const list = { sorts: SORTS, pageSizes: [25, 50] as const, defaults: DEFAULTS };

describe("parseListSettings", () => {
  it("reads search, order and paging from the URL", () => {
    expect(
      parseListSettings({ q: " acme ", sort: "size", dir: "desc", page: "4", size: "25" }, list),
    ).toEqual({ q: "acme", sort: "size", dir: "desc", page: 4, pageSize: 25 });
  });

  it("falls back to the default for each setting it cannot read, alone", () => {
    expect(
      parseListSettings({ q: "x".repeat(254), sort: "price", dir: "up", page: "0", size: "100" }, list),
    ).toEqual(DEFAULTS);
    expect(parseListSettings({ page: ["3", "9"], size: ["50", "25"], dir: "desc" }, list)).toEqual({
      ...DEFAULTS,
      page: 3,
      dir: "desc",
    });
  });
});

describe("appendListSettings and listHref", () => {
  it("leave defaults out, so the bare list is the bare path", () => {
    const params = new URLSearchParams();
    appendListSettings(params, DEFAULTS, DEFAULTS);
    expect(listHref("/things", params)).toBe("/things");
  });

  it("keep order and paging, or order alone for a download", () => {
    const settings: ListSettings<Sort> = { q: "", sort: "size", dir: "desc", page: 2, pageSize: 25 };
    const paged = new URLSearchParams({ q: "a b" });
    appendListSettings(paged, settings, DEFAULTS);
    expect(listHref("/things", paged)).toBe("/things?q=a+b&sort=size&dir=desc&size=25&page=2");
    const whole = new URLSearchParams();
    appendListSettings(whole, settings, DEFAULTS, { paging: false });
    expect(listHref("/things.csv", whole)).toBe("/things.csv?sort=size&dir=desc");
  });
});
