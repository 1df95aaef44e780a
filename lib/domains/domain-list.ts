import { z } from "zod";
import {
  allValues,
  appendListSettings,
  listHref,
  parseListSettings,
  SEARCH_MAX,
  type ListSearchParams,
  type ListSettings,
  type SortDirection,
} from "@/lib/lists/url-settings";
import type { MirrorStatus } from "@/lib/mirror/status";
import type { ExpiryState } from "./expiry";

/**
 * The domains list as it travels in the URL (`/domains?q=cafe&filter=expiring&sort=expiry&page=2`)
 * and as the server hands it to the page. Pure, so the page, its form and the server read the same
 * names; lib/domains/account-overview.ts applies it.
 */

export const DOMAIN_FILTERS = [
  "expiring",
  "expired",
  "autoRenewOff",
  "full",
  "mailProblems",
  "noEmail",
] as const;
export type DomainFilter = (typeof DOMAIN_FILTERS)[number];

export const DOMAIN_FILTER_LABELS: Record<DomainFilter, string> = {
  expiring: "Expiring within 30 days",
  expired: "Expired",
  autoRenewOff: "Auto-renew off",
  full: "A pak is full",
  mailProblems: "Mail delivery problems",
  noEmail: "Without email",
};

export const DOMAIN_SORTS = ["domain", "customer", "paks", "mailboxes", "expiry"] as const;
export type DomainSort = (typeof DOMAIN_SORTS)[number];
export type { SortDirection };

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
export { SEARCH_MAX };

export interface DomainListQuery extends ListSettings<DomainSort> {
  /** Every ticked filter must hold. */
  filters: DomainFilter[];
}

export const DEFAULT_DOMAIN_LIST_QUERY: DomainListQuery = {
  q: "",
  filters: [],
  sort: "domain",
  dir: "asc",
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

export type DomainListSearchParams = ListSearchParams;

const filterSchema = z.enum(DOMAIN_FILTERS);

/**
 * Reads the URL's list settings. Never throws: a value that does not fit (an old link, a hand-typed
 * URL) falls back to the default for that setting alone.
 */
export function parseDomainListSearch(raw: DomainListSearchParams): DomainListQuery {
  const filters = allValues(raw.filter).flatMap((value) => {
    const parsed = filterSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
  const settings = parseListSettings(raw, {
    sorts: DOMAIN_SORTS,
    pageSizes: PAGE_SIZES,
    defaults: DEFAULT_DOMAIN_LIST_QUERY,
  });
  return { ...settings, filters: DOMAIN_FILTERS.filter((filter) => filters.includes(filter)) };
}

/** The list's URL with some settings changed; defaults are left out to keep links short. */
export function domainListHref(query: DomainListQuery, changes: Partial<DomainListQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  for (const filter of next.filters) params.append("filter", filter);
  appendListSettings(params, next, DEFAULT_DOMAIN_LIST_QUERY);
  return listHref("/domains", params);
}

export function hasDomainListFilters(query: DomainListQuery): boolean {
  return Boolean(query.q) || query.filters.length > 0;
}

export type AutoRenewSummary = "on" | "off" | "mixed";

/** Which GetDomains tab listed the domain: registered with the account (IOwn) or on its DNS hosting (IHost). */
export type DomainHosting = "Registered" | "DNSHosted";

/**
 * Whether a domain's pak details (mailboxes, storage, auto-renew: one GetPOP3 per domain) are read:
 * `loaded`; `not-loaded` yet (shown as "—", never as zero); or the read `failed`.
 */
export type PakDetailsState = "loaded" | "not-loaded" | "failed";

/** The filters and the sort that need every domain's pak details, not only the page's. */
export const DETAIL_FILTERS: ReadonlySet<DomainFilter> = new Set<DomainFilter>(["autoRenewOff", "full"]);

/** One domain in the list: plain data, safe for the browser. */
export interface DomainListRow {
  domain: string;
  /** Email can be bought: the domain is registered with the account or on its DNS hosting. */
  emailAvailable: boolean;
  /** Null for a domain only GetPOPExpirations listed (the domain listing missed it). */
  hosting: DomainHosting | null;
  /** The owning customer; null for the reseller's own domains (and always null for a customer's view). */
  customer: { id: string; name: string } | null;
  /** From GetPOPExpirations: always known. */
  paks: number;
  /** Whether the fields below, from GetPOP3, are known; `loaded` for a domain without paks. */
  details: PakDetailsState;
  /** Mailboxes in use and bought over every pak; null until the details are read. */
  mailboxes: { used: number; purchased: number } | null;
  /** Each pak's storage per mailbox in MB, distinct, smallest first; null until read. */
  quotasMb: number[] | null;
  /** Storage the mailboxes use (`quotaused`), MB; null until read or when eNom did not say. */
  storageUsedMb: number | null;
  nearestExpiry: { iso: string; state: ExpiryState; days: number } | null;
  /** Null without paks, or while not known. */
  autoRenew: AutoRenewSummary | null;
  /** Paks with no free mailbox; null until read. */
  fullPaks: number | null;
}

export interface DomainListPage {
  rows: DomainListRow[];
  /** Domains matching the search and filters. */
  total: number;
  /** Every domain this user can see. */
  accountTotal: number;
  /** How many of the user's domains each filter alone would show (the detail filters: of those read). */
  counts: Record<DomainFilter, number>;
  /** Domains with email whose details are not read yet (or failed): the detail filters and sort leave them out. */
  detailsPending: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** When the data was read (ISO instant): the oldest read of the account mirror among these domains. */
  fetchedAt: string;
  /** The latest read of some domain failed; it shows its previous read. */
  stale: boolean;
  /** The account has more domains than one listing holds; some are missing. */
  truncated: boolean;
  /** Where the account mirror stands; before its first full sync the list is partial. */
  mirror?: MirrorStatus;
}
