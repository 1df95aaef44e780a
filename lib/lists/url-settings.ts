import { z } from "zod";

/**
 * What every server-paged list (domains, expirations) keeps in its URL besides its own filters:
 * a search, a sort column and direction, a page and a page size. Pure, so a page, its GET form, a
 * CSV export and the tests read the same names; each list adds its filters and defaults.
 */

export type SortDirection = "asc" | "desc";

/** A search as long as the longest domain name. */
export const SEARCH_MAX = 253;

export type SearchValue = string | string[] | undefined;
export type ListSearchParams = Record<string, SearchValue>;

export interface ListSettings<Sort extends string> {
  /** Part of a domain or customer name, as typed. */
  q: string;
  sort: Sort;
  dir: SortDirection;
  /** 1-based; past the last page shows the last page. */
  page: number;
  pageSize: number;
}

const firstValue = (value: SearchValue): string | undefined => (Array.isArray(value) ? value[0] : value);

/** Every value a repeated parameter (`?filter=a&filter=b`) holds. */
export const allValues = (value: SearchValue): string[] =>
  Array.isArray(value) ? value : value ? [value] : [];

/** One setting read with its schema; a value that does not fit falls back to the default alone. */
export function readSetting<T>(schema: z.ZodType<T>, value: SearchValue, fallback: T): T {
  const parsed = schema.safeParse(firstValue(value));
  return parsed.success ? parsed.data : fallback;
}

const searchSchema = z.string().trim().max(SEARCH_MAX);
const dirSchema = z.enum(["asc", "desc"]);
const pageSchema = z.coerce.number().int().min(1).max(1_000_000);

/**
 * Reads search, order and paging from the URL. Never throws: an old link or a hand-typed URL
 * falls back to the default for that setting alone.
 */
export function parseListSettings<Sort extends string>(
  raw: ListSearchParams,
  list: {
    sorts: readonly [Sort, ...Sort[]];
    pageSizes: readonly [number, ...number[]];
    defaults: ListSettings<Sort>;
  },
): ListSettings<Sort> {
  const { defaults } = list;
  return {
    q: readSetting(searchSchema, raw.q, defaults.q),
    sort: readSetting(z.enum(list.sorts), raw.sort, defaults.sort),
    dir: readSetting(dirSchema, raw.dir, defaults.dir),
    page: readSetting(pageSchema, raw.page, defaults.page),
    pageSize: readSetting(z.coerce.number().pipe(z.literal(list.pageSizes)), raw.size, defaults.pageSize),
  };
}

/**
 * Adds order and paging to a list's URL parameters, each only when it differs from the default,
 * to keep links short; `paging: false` leaves page and size out (a download takes every page).
 */
export function appendListSettings<Sort extends string>(
  params: URLSearchParams,
  settings: ListSettings<Sort>,
  defaults: ListSettings<Sort>,
  options: { paging?: boolean } = {},
): void {
  if (settings.sort !== defaults.sort) params.set("sort", settings.sort);
  if (settings.dir !== defaults.dir) params.set("dir", settings.dir);
  if (options.paging === false) return;
  if (settings.pageSize !== defaults.pageSize) params.set("size", String(settings.pageSize));
  if (settings.page > 1) params.set("page", String(settings.page));
}

/** `path?search`, or the bare path when nothing is set. */
export function listHref(path: string, params: URLSearchParams): string {
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
