import { z } from "zod";
import type { FieldErrors } from "@/lib/actions/result";
import { countFilters, parseUrlFilters } from "./url-filters";
import type { AuditFilter } from "@/lib/audit";
import { AUDIT_OUTCOMES } from "@/lib/db/schema";

/**
 * The audit log's filters as they travel in the URL (`/audit?actor=…&outcome=failed`), read the
 * same way by the audit page and by the CSV export, so a download holds exactly what the page shows.
 * Dates are whole days in UTC, both ends included. `before` (the page) and `entry` (the entry open
 * in the details drawer) ride along so that a reload, the Back button or a shared link show the
 * same view; neither filters anything.
 */

type SearchValue = string | string[] | undefined;
export type AuditSearchParams = Record<string, SearchValue>;

/** A repeated parameter counts once; an empty one is no filter at all. */
function single(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() === "" ? undefined : first;
}

const text = (max: number, what: string) =>
  z.preprocess(single, z.string().trim().max(max, `${what} has at most ${max} characters.`).optional());

const day = z.preprocess(
  single,
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Enter a date like 2026-05-31.", abort: true })
    .refine(isRealDay, "That date does not exist.")
    .optional(),
);

const entryId = (message: string) =>
  z.preprocess(
    single,
    z
      .string()
      .trim()
      .regex(/^[1-9]\d{0,15}$/, message)
      .transform(Number)
      .refine(Number.isSafeInteger, message)
      .optional(),
  );

export const auditSearchSchema = z
  .object({
    actor: text(254, "The user filter"),
    domain: text(253, "The domain filter"),
    action: z.preprocess(
      single,
      z
        .string()
        .trim()
        .max(100, "The action filter has at most 100 characters.")
        .regex(/^[a-z0-9][a-z0-9._-]*$/i, "Choose an action from the list.")
        .optional(),
    ),
    outcome: z.preprocess(single, z.enum(AUDIT_OUTCOMES, "Choose an outcome from the list.").optional()),
    from: day,
    to: day,
    q: text(200, "The search"),
    before: entryId("This page of the log does not exist; showing the newest entries."),
    entry: entryId("There is no audit entry with that number."),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    path: ["to"],
    message: "The end date is before the start date.",
  });
export type AuditSearch = z.infer<typeof auditSearchSchema>;

/** The keys that filter the log, in the order a link writes them. */
export const AUDIT_FILTER_KEYS = ["q", "actor", "domain", "action", "outcome", "from", "to"] as const;

export interface ParsedAuditSearch {
  /** The filters that were understood; a bad one is dropped, not guessed at. */
  search: AuditSearch;
  filter: AuditFilter;
  beforeId: number | undefined;
  /** The entry to show in the details drawer. */
  entryId: number | undefined;
  errors: FieldErrors;
}

/** Reads the URL's filters. Never throws: a mistyped date drops that filter and says why. */
export function parseAuditSearch(raw: AuditSearchParams): ParsedAuditSearch {
  const { search, errors } = parseUrlFilters(auditSearchSchema, raw);
  return {
    search,
    filter: auditFilterOf(search),
    beforeId: search.before,
    entryId: search.entry,
    errors,
  };
}

export function auditFilterOf(search: AuditSearch): AuditFilter {
  return {
    q: search.q,
    actor: search.actor,
    domain: search.domain?.toLowerCase(),
    action: search.action,
    outcome: search.outcome,
    from: search.from ? startOfDay(search.from) : undefined,
    to: search.to ? new Date(startOfDay(search.to).getTime() + 24 * 60 * 60 * 1000) : undefined,
  };
}

/**
 * The query string for a link to the same filters (paging, the CSV export, an entry's details);
 * `before` and `entry` only when asked, so a link to other filters starts again at the newest.
 */
export function auditSearchQuery(
  search: AuditSearch,
  options: { before?: number; entry?: number } = {},
): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  if (options.before) params.set("before", String(options.before));
  if (options.entry) params.set("entry", String(options.entry));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** How many filters are in force (0: the whole log). */
export function auditFilterCount(search: AuditSearch): number {
  return countFilters(search, AUDIT_FILTER_KEYS);
}

export function hasAuditFilters(search: AuditSearch): boolean {
  return auditFilterCount(search) > 0;
}

/** 2026-02-30 parses as a date in JavaScript (2 March); it is not one. */
function isRealDay(value: string): boolean {
  const date = startOfDay(value);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function startOfDay(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}
