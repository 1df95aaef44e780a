import { z } from "zod";
import type { FieldErrors } from "@/lib/actions/result";
import { countFilters, parseUrlFilters } from "./url-filters";
import { ORDER_KINDS, ORDER_OUTCOMES, type OrderFilter } from "@/lib/orders/model";

/**
 * The order history's filters as they travel in the URL (`/orders?kind=renew&outcome=failed`),
 * read the same way by the staff page, the portal page and the CSV export, so a download holds
 * exactly what the page shows. Dates are whole days in UTC, both ends included.
 */

type SearchValue = string | string[] | undefined;
export type OrderSearchParams = Record<string, SearchValue>;

/** A repeated parameter counts once; an empty one is no filter at all. */
function single(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() === "" ? undefined : first;
}

const day = z.preprocess(
  single,
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Enter a date like 2026-05-31.", abort: true })
    .refine(isRealDay, "That date does not exist.")
    .optional(),
);

export const orderSearchSchema = z
  .object({
    q: z.preprocess(single, z.string().trim().max(253, "The search has at most 253 characters.").optional()),
    domain: z.preprocess(
      single,
      z
        .string()
        .trim()
        .max(253, "A domain name has at most 253 characters.")
        .regex(/^[a-z0-9.-]+$/i, "Enter the start of a domain name: letters, digits, dots and hyphens.")
        .optional(),
    ),
    kind: z.preprocess(single, z.enum(ORDER_KINDS, "Choose what was ordered from the list.").optional()),
    outcome: z.preprocess(single, z.enum(ORDER_OUTCOMES, "Choose an outcome from the list.").optional()),
    customer: z.preprocess(single, z.uuid("Choose a customer from the list.").optional()),
    from: day,
    to: day,
    after: z.preprocess(
      single,
      z
        .string()
        .max(400, "This page of orders is no longer valid; start again from the newest orders.")
        .regex(
          /^[A-Za-z0-9_-]+$/,
          "This page of orders is no longer valid; start again from the newest orders.",
        )
        .optional(),
    ),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    path: ["to"],
    message: "The end date is before the start date.",
  });
export type OrderSearch = z.infer<typeof orderSearchSchema>;

export interface ParsedOrderSearch {
  /** The filters that were understood; a bad one is dropped, not guessed at. */
  search: OrderSearch;
  filter: OrderFilter;
  /** The cursor of the page asked for, if any. */
  after: string | undefined;
  errors: FieldErrors;
}

/** Reads the URL's filters. Never throws: a mistyped date drops that filter and says why. */
export function parseOrderSearch(raw: OrderSearchParams): ParsedOrderSearch {
  const { search, errors } = parseUrlFilters(orderSearchSchema, raw);
  return { search, filter: orderFilterOf(search), after: search.after, errors };
}

export function orderFilterOf(search: OrderSearch): OrderFilter {
  return {
    kind: search.kind,
    outcome: search.outcome,
    domain: search.domain?.toLowerCase().replace(/\.$/, "") || undefined,
    customerId: search.customer,
    q: search.q,
    from: search.from ? startOfDay(search.from) : undefined,
    to: search.to ? new Date(startOfDay(search.to).getTime() + 24 * 60 * 60 * 1000) : undefined,
  };
}

const FILTER_KEYS = ["q", "domain", "kind", "outcome", "customer", "from", "to"] as const;

/** The query string for a link to the same filters (paging, the CSV export); `after` only when asked. */
export function orderSearchQuery(search: OrderSearch, options: { after?: string } = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  if (options.after) params.set("after", options.after);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** How many filters are in force (0: the whole history). */
export function orderFilterCount(search: OrderSearch): number {
  return countFilters(search, FILTER_KEYS);
}

export function hasOrderFilters(search: OrderSearch): boolean {
  return orderFilterCount(search) > 0;
}

/** 2026-02-30 parses as a date in JavaScript (2 March); it is not one. */
function isRealDay(value: string): boolean {
  const date = startOfDay(value);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function startOfDay(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}
