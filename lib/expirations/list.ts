import { z } from "zod";
import {
  appendListSettings,
  listHref,
  parseListSettings,
  readSetting,
  SEARCH_MAX,
  type ListSearchParams,
  type ListSettings,
  type SortDirection,
} from "@/lib/lists/url-settings";
import type { ExpirationRow } from "./model";

/**
 * The expirations table's settings as they live in the URL (`?filter=30&q=acme&sort=expiry`), and
 * the search, filter, sort and paging over every pak of the account. Pure: the page and the CSV
 * export run the same code, so a download holds exactly what the filtered table shows.
 */

export const EXPIRATION_FILTERS = ["expired", "30", "60", "90", "autoRenewOff"] as const;
export type ExpirationFilter = (typeof EXPIRATION_FILTERS)[number];

export const EXPIRATION_FILTER_LABELS: Record<ExpirationFilter, string> = {
  expired: "Expired",
  "30": "Due within 30 days",
  "60": "Due within 60 days",
  "90": "Due within 90 days",
  autoRenewOff: "Auto-renew off",
};

export const EXPIRATION_SORTS = ["expiry", "domain", "customer"] as const;
export type ExpirationSort = (typeof EXPIRATION_SORTS)[number];
export type { SortDirection };

export const EXPIRATION_PAGE_SIZES = [25, 50, 100, 200] as const;
export { SEARCH_MAX };

export interface ExpirationQuery extends ListSettings<ExpirationSort> {
  filter: ExpirationFilter | null;
}

export const DEFAULT_EXPIRATION_QUERY: ExpirationQuery = {
  filter: null,
  q: "",
  sort: "expiry",
  dir: "asc",
  page: 1,
  pageSize: 50,
};

export type ExpirationSearchParams = ListSearchParams;

const filterSchema = z.enum(EXPIRATION_FILTERS);

/** Never throws: a setting that does not fit (an old link, a typo) falls back to its default alone. */
export function parseExpirationSearch(raw: ExpirationSearchParams): ExpirationQuery {
  const settings = parseListSettings(raw, {
    sorts: EXPIRATION_SORTS,
    pageSizes: EXPIRATION_PAGE_SIZES,
    defaults: DEFAULT_EXPIRATION_QUERY,
  });
  return {
    ...settings,
    filter: readSetting<ExpirationFilter | null>(filterSchema, raw.filter, DEFAULT_EXPIRATION_QUERY.filter),
  };
}

/** The URL parameters of these settings, defaults left out; `paging: false` for a download. */
function expirationSearch(query: ExpirationQuery, options: { paging?: boolean } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (query.filter) params.set("filter", query.filter);
  if (query.q) params.set("q", query.q);
  appendListSettings(params, query, DEFAULT_EXPIRATION_QUERY, options);
  return params;
}

export function expirationsHref(query: ExpirationQuery, changes: Partial<ExpirationQuery> = {}): string {
  return listHref("/expirations", expirationSearch({ ...query, ...changes }));
}

/** The CSV download of the same rows (every page of them). */
export function expirationsExportHref(query: ExpirationQuery): string {
  return listHref("/api/expirations/export", expirationSearch(query, { paging: false }));
}

export function matchesExpirationFilter(row: ExpirationRow, filter: ExpirationFilter): boolean {
  switch (filter) {
    case "expired":
      return row.days < 0;
    case "30":
    case "60":
    case "90":
      return row.days >= 0 && row.days <= Number(filter);
    case "autoRenewOff":
      // Known to be off: a pak whose details are not read yet is left out (the page says how many).
      return row.autoRenew === false;
  }
}

/** Every row matching the search and filter, in the chosen order (the CSV takes them all). */
export function selectExpirations(rows: readonly ExpirationRow[], query: ExpirationQuery): ExpirationRow[] {
  const needle = query.q.trim().toLowerCase();
  const filter = query.filter;
  const matching = rows.filter(
    (row) =>
      (!filter || matchesExpirationFilter(row, filter)) &&
      (!needle ||
        row.domain.includes(needle) ||
        (row.customer?.name.toLowerCase().includes(needle) ?? false)),
  );
  return matching.sort(comparator(query));
}

export interface ExpirationPage {
  rows: ExpirationRow[];
  /** Rows matching the search and filter. */
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

export function pageOfExpirations(rows: readonly ExpirationRow[], query: ExpirationQuery): ExpirationPage {
  const matching = selectExpirations(rows, query);
  const pageCount = Math.max(1, Math.ceil(matching.length / query.pageSize));
  const page = Math.min(query.page, pageCount);
  return {
    rows: matching.slice((page - 1) * query.pageSize, page * query.pageSize),
    total: matching.length,
    page,
    pageCount,
    pageSize: query.pageSize,
  };
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

function comparator(query: ExpirationQuery): (a: ExpirationRow, b: ExpirationRow) => number {
  const sign = query.dir === "asc" ? 1 : -1;
  // Ties fall back to the soonest expiry, then the domain and pak, so pages never shuffle.
  const tieBreak = (a: ExpirationRow, b: ExpirationRow) =>
    a.days - b.days || collator.compare(a.domain, b.domain) || a.bundleId - b.bundleId;
  switch (query.sort) {
    case "expiry":
      return (a, b) => sign * (a.days - b.days) || tieBreak(a, b);
    case "domain":
      return (a, b) => sign * collator.compare(a.domain, b.domain) || tieBreak(a, b);
    case "customer":
      // Paks without a customer go last in either direction.
      return (a, b) => {
        if (!a.customer || !b.customer)
          return a.customer === b.customer ? tieBreak(a, b) : a.customer ? -1 : 1;
        return sign * collator.compare(a.customer.name, b.customer.name) || tieBreak(a, b);
      };
  }
}
