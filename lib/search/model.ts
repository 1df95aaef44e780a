import { z } from "zod";
import { NEARLY_FULL_PERCENT } from "@/lib/validation/mailbox-rules";

/**
 * Account-wide search: what a search asks for and what it answers. Pure and shared by the GET
 * route, the pages and the browser, so the header's dialog and `/search` read the URL the same way.
 */

/** Narrowings of the search; each keeps to one kind of result (mailboxes or paks). */
export const SEARCH_FILTERS = ["near-full", "admins", "expiring", "auto-renew-off"] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export const FILTER_LABELS: Record<SearchFilter, string> = {
  "near-full": `Mailboxes at ${NEARLY_FULL_PERCENT} % of their storage or more`,
  admins: "Administrator mailboxes",
  expiring: "Paks expired or expiring within 30 days",
  "auto-renew-off": "Paks with auto-renew off",
};

/** A mailbox counts as near-full from this share of its quota on (the grid's own threshold). */
export const NEAR_FULL_PERCENT = NEARLY_FULL_PERCENT;

export const MAX_QUERY_LENGTH = 100;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

/** A repeated parameter counts once; an empty one is not given at all. */
function single(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() === "" ? undefined : first;
}

export const searchInputSchema = z
  .object({
    q: z.preprocess(
      single,
      z
        .string()
        .trim()
        .max(MAX_QUERY_LENGTH, `Search for at most ${MAX_QUERY_LENGTH} characters.`)
        // Control characters cannot be part of an address, a name or a domain.
        .refine(
          (value) => !/[\u0000-\u001f\u007f]/.test(value),
          "The search contains characters no address has.",
        )
        .optional(),
    ),
    filter: z.preprocess(
      single,
      z.enum(SEARCH_FILTERS, `Choose a filter from the list: ${SEARCH_FILTERS.join(", ")}.`).optional(),
    ),
    cursor: z.preprocess(
      single,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,600}$/, "This page of results is no longer valid; start the search again.")
        .optional(),
    ),
    limit: z.preprocess(
      single,
      z.coerce
        .number("The page size must be a number.")
        .int("The page size must be a whole number.")
        .min(1, "The page size must be at least 1.")
        .max(MAX_PAGE_SIZE, `The page size is at most ${MAX_PAGE_SIZE}.`)
        .optional(),
    ),
  })
  .refine((value) => Boolean(value.q) || Boolean(value.filter), {
    path: ["q"],
    message: "Type something to search for, or choose a filter.",
  });

export interface SearchInput {
  /** Lower-cased; empty when only a filter is given. */
  q: string;
  filter: SearchFilter | null;
  cursor: string | null;
  limit: number;
}

export type SearchParams = Record<string, string | string[] | undefined>;

export type ParsedSearch = { ok: true; input: SearchInput } | { ok: false; message: string };

/** Reads a search from the URL; never throws. The first problem is the message (one line for the user). */
export function parseSearch(raw: SearchParams | URLSearchParams): ParsedSearch {
  const record: SearchParams = {};
  if (raw instanceof URLSearchParams) {
    for (const key of new Set(raw.keys())) record[key] = raw.getAll(key);
  } else Object.assign(record, raw);
  const result = searchInputSchema.safeParse(record);
  if (!result.success) {
    return { ok: false, message: result.error.issues[0]?.message ?? "The search could not be read." };
  }
  const { q, filter, cursor, limit } = result.data;
  return {
    ok: true,
    input: {
      q: (q ?? "").toLowerCase(),
      filter: filter ?? null,
      cursor: cursor ?? null,
      limit: limit ?? DEFAULT_PAGE_SIZE,
    },
  };
}

/** The query string of a search, for links and for the GET route (`?q=ann&filter=admins`). */
export function searchQueryString(search: {
  q?: string;
  filter?: SearchFilter | null;
  cursor?: string | null;
  limit?: number;
}): string {
  const params = new URLSearchParams();
  if (search.q?.trim()) params.set("q", search.q.trim());
  if (search.filter) params.set("filter", search.filter);
  if (search.cursor) params.set("cursor", search.cursor);
  if (search.limit) params.set("limit", String(search.limit));
  const query = params.toString();
  return query ? `?${query}` : "";
}

export interface DomainResult {
  kind: "domain";
  domain: string;
  /** Staff only: the customer the domain is assigned to. */
  customerName: string | null;
  /** Null until the domain's email was read. */
  hasEmail: boolean | null;
  /** When the domain's email was last read (ISO); null when never. */
  readAt: string | null;
}

export interface MailboxResult {
  kind: "mailbox";
  domain: string;
  address: string;
  displayName: string | null;
  isAdmin: boolean;
  quotaMb: number | null;
  quotaUsedMb: number | null;
  customerName: string | null;
  readAt: string;
}

export interface PakResult {
  kind: "pak";
  domain: string;
  bundleId: number;
  /** ISO calendar date. */
  expires: string;
  autoRenew: boolean;
  purchased: number;
  available: number;
  capacityGb: number | null;
  customerName: string | null;
  readAt: string;
}

export type SearchResult = DomainResult | MailboxResult | PakResult;

export interface MirrorFreshness {
  /** The oldest and newest read of the domains in reach (ISO); null when none was read yet. */
  oldestReadAt: string | null;
  newestReadAt: string | null;
  /** Domains in reach whose email was never read. */
  unreadDomains: number;
}

export interface SearchPage {
  results: SearchResult[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
  /** On the first page only: how fresh the mirror is. */
  freshness: MirrorFreshness | null;
}

export type SearchResponse = { ok: true; data: SearchPage } | { ok: false; message: string };

/** A stable key per result, for React lists and option ids. */
export function resultKey(result: SearchResult): string {
  switch (result.kind) {
    case "domain":
      return `d:${result.domain}`;
    case "mailbox":
      return `m:${result.address}`;
    case "pak":
      return `p:${result.domain}:${result.bundleId}`;
  }
}

/** Storage used as a whole percentage of the quota, or null when eNom gave no quota. */
export function usedPercent(result: Pick<MailboxResult, "quotaMb" | "quotaUsedMb">): number | null {
  if (!result.quotaMb || result.quotaUsedMb === null) return null;
  return Math.floor((result.quotaUsedMb * 100) / result.quotaMb);
}
