import { z } from "zod";
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
export type SortDirection = "asc" | "desc";

export const EXPIRATION_PAGE_SIZES = [25, 50, 100, 200] as const;
export const SEARCH_MAX = 253;

export interface ExpirationQuery {
  filter: ExpirationFilter | null;
  /** Part of a domain or customer name. */
  q: string;
  sort: ExpirationSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
}

export const DEFAULT_EXPIRATION_QUERY: ExpirationQuery = {
  filter: null,
  q: "",
  sort: "expiry",
  dir: "asc",
  page: 1,
  pageSize: 50,
};

type SearchValue = string | string[] | undefined;
export type ExpirationSearchParams = Record<string, SearchValue>;

const first = (value: SearchValue): string | undefined => (Array.isArray(value) ? value[0] : value);

const querySchema = {
  filter: z.enum(EXPIRATION_FILTERS),
  q: z.string().trim().max(SEARCH_MAX),
  sort: z.enum(EXPIRATION_SORTS),
  dir: z.enum(["asc", "desc"]),
  page: z.coerce.number().int().min(1).max(1_000_000),
  size: z.coerce.number().pipe(z.literal(EXPIRATION_PAGE_SIZES)),
};

/** Never throws: a setting that does not fit (an old link, a typo) falls back to its default alone. */
export function parseExpirationSearch(raw: ExpirationSearchParams): ExpirationQuery {
  const pick = <T>(schema: z.ZodType<T>, value: SearchValue, fallback: T): T => {
    const parsed = schema.safeParse(first(value));
    return parsed.success ? parsed.data : fallback;
  };
  const defaults = DEFAULT_EXPIRATION_QUERY;
  return {
    filter: pick<ExpirationFilter | null>(querySchema.filter, raw.filter, defaults.filter),
    q: pick(querySchema.q, raw.q, defaults.q),
    sort: pick(querySchema.sort, raw.sort, defaults.sort),
    dir: pick(querySchema.dir, raw.dir, defaults.dir),
    page: pick(querySchema.page, raw.page, defaults.page),
    pageSize: pick(querySchema.size, raw.size, defaults.pageSize),
  };
}

/** The query string (no `?`) of these settings, defaults left out; paging only when asked. */
export function expirationSearch(
  query: ExpirationQuery,
  options: { paging?: boolean } = { paging: true },
): string {
  const params = new URLSearchParams();
  const defaults = DEFAULT_EXPIRATION_QUERY;
  if (query.filter) params.set("filter", query.filter);
  if (query.q) params.set("q", query.q);
  if (query.sort !== defaults.sort) params.set("sort", query.sort);
  if (query.dir !== defaults.dir) params.set("dir", query.dir);
  if (options.paging !== false) {
    if (query.pageSize !== defaults.pageSize) params.set("size", String(query.pageSize));
    if (query.page > 1) params.set("page", String(query.page));
  }
  return params.toString();
}

export function expirationsHref(query: ExpirationQuery, changes: Partial<ExpirationQuery> = {}): string {
  const search = expirationSearch({ ...query, ...changes });
  return search ? `/expirations?${search}` : "/expirations";
}

/** The CSV download of the same rows (every page of them). */
export function expirationsExportHref(query: ExpirationQuery): string {
  const search = expirationSearch(query, { paging: false });
  return search ? `/api/expirations/export?${search}` : "/api/expirations/export";
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
