import { z } from "zod";
import type { FieldErrors } from "@/lib/actions/result";
import type { AuditFilter } from "@/lib/audit";
import { AUDIT_OUTCOMES } from "@/lib/db/schema";

/**
 * The audit log's filters as they travel in the URL (`/audit?actor=…&outcome=failed`), read the
 * same way by the audit page and by the CSV export, so a download holds exactly what the page shows.
 * Dates are whole days in UTC, both ends included.
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
    before: z.preprocess(single, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional()),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    path: ["to"],
    message: "The end date is before the start date.",
  });
export type AuditSearch = z.infer<typeof auditSearchSchema>;

export interface ParsedAuditSearch {
  /** The filters that were understood; a bad one is dropped, not guessed at. */
  search: AuditSearch;
  filter: AuditFilter;
  beforeId: number | undefined;
  errors: FieldErrors;
}

/** Reads the URL's filters. Never throws: a mistyped date drops that filter and says why. */
export function parseAuditSearch(raw: AuditSearchParams): ParsedAuditSearch {
  const input: AuditSearchParams = { ...raw };
  const errors: FieldErrors = {};
  let result = auditSearchSchema.safeParse(input);
  // Each round drops the fields that failed; the object-level date check can fail once more after that.
  for (let round = 0; !result.success && round < 3; round += 1) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "form");
      (errors[key] ??= []).push(issue.message);
      delete input[key];
    }
    result = auditSearchSchema.safeParse(input);
  }
  const search: AuditSearch = result.success ? result.data : {};
  return { search, filter: auditFilterOf(search), beforeId: search.before, errors };
}

export function auditFilterOf(search: AuditSearch): AuditFilter {
  return {
    actor: search.actor,
    domain: search.domain?.toLowerCase(),
    action: search.action,
    outcome: search.outcome,
    from: search.from ? startOfDay(search.from) : undefined,
    to: search.to ? new Date(startOfDay(search.to).getTime() + 24 * 60 * 60 * 1000) : undefined,
  };
}

/** The query string for a link to the same filters (paging, the CSV export); `before` only when asked. */
export function auditSearchQuery(search: AuditSearch, options: { before?: number } = {}): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "domain", "action", "outcome", "from", "to"] as const) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  if (options.before) params.set("before", String(options.before));
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function hasAuditFilters(search: AuditSearch): boolean {
  return Boolean(
    search.actor || search.domain || search.action || search.outcome || search.from || search.to,
  );
}

/** 2026-02-30 parses as a date in JavaScript (2 March); it is not one. */
function isRealDay(value: string): boolean {
  const date = startOfDay(value);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function startOfDay(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}
