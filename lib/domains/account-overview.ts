import "server-only";
import { requirePermission } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { listCustomerDomains, listDomainOwners } from "@/lib/db/queries/customers";
import { getEnomClient } from "@/lib/enom";
import type { AccountDomain, PopExpiration } from "@/lib/enom/types";
import { createSnapshotCache, type CachedRead, type SnapshotCache } from "./account-cache";
import {
  DETAIL_FILTERS,
  DOMAIN_FILTERS,
  type AutoRenewSummary,
  type DomainFilter,
  type DomainHosting,
  type DomainListPage,
  type DomainListQuery,
  type DomainListRow,
  type PakDetailsState,
} from "./domain-list";
import { daysUntil, expiryState, EXPIRING_WITHIN_DAYS } from "./expiry";
import { pakDetailsReader, type PakDetailsMap, type PakDetailsRead } from "./pak-details";

/**
 * The domains page's data. The account list (every domain, every pak and its expiry) comes from
 * the account-wide reads: GetDomains on both tabs, IOwn (registered) and IHost (DNS hosting; such
 * domains can have email too, seeds/000), at most 100 names a page, and GetPOPExpirations. Both
 * are kept for a while (then refreshed behind the readers), shared by concurrent page loads; the
 * panel's own writes drop the pak list. What GetPOPExpirations does not carry (mailboxes,
 * storage, auto-renew) comes from the pak details reader (pak-details.ts: one GetPOP3 per domain),
 * read for the page's rows only unless a filter or sort needs them all. Search, filters, sorting
 * and paging run on the server, so the browser only ever receives one page.
 */

/** A domain and its paks as the account-wide lists have them; does not depend on the day. */
export interface DomainEmailSummary {
  domain: string;
  emailAvailable: boolean;
  hosting: DomainHosting | null;
  paks: number;
  /** Every pak's expiry (ISO calendar dates), earliest first. */
  pakExpiries: string[];
  /** Auto-renew where GetPOPExpirations gave it for every pak (its Text format only); else null. */
  listedAutoRenew: AutoRenewSummary | null;
}

export interface AccountSnapshot {
  domains: DomainEmailSummary[];
  /** GetDomains stopped before the end of the account's list. */
  truncated: boolean;
}

/** A copy is served for a minute; for four more, at once while a new one loads behind it. */
export const OVERVIEW_TTL_MS = 60_000;
export const OVERVIEW_REFRESH_IN_BACKGROUND_MS = 4 * 60_000;

/**
 * Merges the GetDomains tabs and GetPOPExpirations per domain, sorted by name. A domain listed on
 * both tabs counts as registered.
 */
export function mergeAccountDomains(
  domains: readonly AccountDomain[],
  paks: readonly PopExpiration[],
): DomainEmailSummary[] {
  const byDomain = new Map<
    string,
    { emailAvailable: boolean; hosting: DomainHosting | null; paks: PopExpiration[] }
  >();
  for (const domain of domains) {
    const name = domain.name.toLowerCase();
    const known = byDomain.get(name);
    if (known && known.hosting === "Registered") continue;
    byDomain.set(name, { emailAvailable: domain.emailAvailable, hosting: domain.status, paks: [] });
  }
  for (const pak of paks) {
    const name = pak.domainName.toLowerCase();
    const entry = byDomain.get(name);
    // A pak whose domain the listing missed (cut short, or just registered) still has email.
    if (entry) entry.paks.push(pak);
    else byDomain.set(name, { emailAvailable: true, hosting: null, paks: [pak] });
  }
  return [...byDomain]
    .map(([domain, entry]) => ({
      domain,
      emailAvailable: entry.emailAvailable,
      hosting: entry.hosting,
      paks: entry.paks.length,
      pakExpiries: entry.paks.map((pak) => pak.expires.iso).sort(),
      listedAutoRenew: autoRenewOf(entry.paks.map((pak) => pak.autoRenew)),
    }))
    .sort((a, b) => compareText(a.domain, b.domain));
}

/** "on", "off" or "mixed" over the paks; null without paks or when any is unknown. */
function autoRenewOf(flags: readonly (boolean | null)[]): AutoRenewSummary | null {
  if (flags.length === 0 || flags.some((flag) => flag === null)) return null;
  const on = flags.filter(Boolean).length;
  return on === flags.length ? "on" : on === 0 ? "off" : "mixed";
}

/** What the pak details add to a domain of the list, or nulls while they are not read. */
interface DomainDetailFigures {
  details: PakDetailsState;
  mailboxes: { used: number; purchased: number } | null;
  quotasMb: number[] | null;
  storageUsedMb: number | null;
  autoRenew: AutoRenewSummary | null;
  fullPaks: number | null;
}

function detailFigures(summary: DomainEmailSummary, read: PakDetailsRead | undefined): DomainDetailFigures {
  if (summary.paks === 0)
    return {
      details: "loaded",
      mailboxes: null,
      quotasMb: null,
      storageUsedMb: null,
      autoRenew: null,
      fullPaks: null,
    };
  if (read?.state !== "loaded")
    return {
      details: read?.state ?? "not-loaded",
      mailboxes: null,
      quotasMb: null,
      storageUsedMb: null,
      autoRenew: summary.listedAutoRenew,
      fullPaks: null,
    };
  let used = 0;
  let purchased = 0;
  let fullPaks = 0;
  const quotas = new Set<number>();
  for (const pak of read.details.paks) {
    purchased += pak.qtyPurchased;
    used += Math.max(0, pak.qtyPurchased - pak.qtyAvailable);
    if (pak.qtyPurchased > 0 && pak.qtyAvailable === 0) fullPaks += 1;
    if (pak.quotaMb !== null) quotas.add(pak.quotaMb);
  }
  return {
    details: "loaded",
    mailboxes: { used, purchased },
    quotasMb: [...quotas].sort((a, b) => a - b),
    storageUsedMb: read.details.storageUsedMb,
    // GetPOP3 has each pak's AutoRenew; GetPOPExpirations has it only in its Text format.
    autoRenew: autoRenewOf(read.details.paks.map((pak) => pak.autoRenew)) ?? summary.listedAutoRenew,
    fullPaks,
  };
}

export interface DomainListScope {
  /** Owner of each assigned domain; empty for a customer's own view (they see no owners). */
  owners: ReadonlyMap<string, { customerId: string; customerName: string }>;
  /** The only domains this user may see; null for staff (every domain of the account). */
  visible: ReadonlySet<string> | null;
  today: Date;
  /** The pak details known now (pak-details.ts); a domain missing here is `not-loaded`. */
  details: PakDetailsMap;
}

interface Candidate {
  summary: DomainEmailSummary;
  figures: DomainDetailFigures;
  customer: { id: string; name: string } | null;
  expired: boolean;
  expiring: boolean;
}

/** The domains this user may see, with their owners: the list before search and filters. */
export function visibleDomains(
  snapshot: AccountSnapshot,
  visible: ReadonlySet<string> | null,
): DomainEmailSummary[] {
  return visible ? snapshot.domains.filter((summary) => visible.has(summary.domain)) : snapshot.domains;
}

/** Applies the user's scope, then search, filters, sorting and paging: pure, for any snapshot. */
export function queryDomainList(
  snapshot: AccountSnapshot,
  query: DomainListQuery,
  scope: DomainListScope,
): Omit<DomainListPage, "fetchedAt" | "stale"> {
  const todayIso = isoDay(scope.today);
  const soonIso = isoDay(new Date(scope.today.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000));
  const candidates: Candidate[] = [];
  let detailsPending = 0;
  for (const summary of visibleDomains(snapshot, scope.visible)) {
    const owner = scope.owners.get(summary.domain);
    const figures = detailFigures(summary, scope.details.get(summary.domain));
    if (figures.details !== "loaded") detailsPending += 1;
    // ISO dates compare as text, so the expiry checks need no date arithmetic per domain.
    candidates.push({
      summary,
      figures,
      customer: owner ? { id: owner.customerId, name: owner.customerName } : null,
      expired: (summary.pakExpiries[0] ?? "9999") < todayIso,
      expiring: summary.pakExpiries.some((iso) => iso >= todayIso && iso <= soonIso),
    });
  }

  const counts = Object.fromEntries(
    DOMAIN_FILTERS.map((filter) => [filter, candidates.filter((c) => matchesFilter(c, filter)).length]),
  ) as Record<DomainFilter, number>;

  const matching = candidates.filter(
    (candidate) =>
      matchesSearch(candidate, query.q) && query.filters.every((filter) => matchesFilter(candidate, filter)),
  );
  matching.sort(comparator(query));

  const pageCount = Math.max(1, Math.ceil(matching.length / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = matching
    .slice((page - 1) * query.pageSize, page * query.pageSize)
    .map((candidate) => toRow(candidate, scope.today));
  return {
    rows,
    total: matching.length,
    accountTotal: candidates.length,
    counts,
    detailsPending,
    page,
    pageCount,
    pageSize: query.pageSize,
    truncated: snapshot.truncated,
  };
}

function matchesSearch(candidate: Candidate, q: string): boolean {
  const needle = q.trim().toLowerCase();
  return (
    !needle ||
    candidate.summary.domain.includes(needle) ||
    (candidate.customer?.name.toLowerCase().includes(needle) ?? false)
  );
}

function matchesFilter(candidate: Candidate, filter: DomainFilter): boolean {
  const { summary, figures } = candidate;
  switch (filter) {
    case "expiring":
      return candidate.expiring;
    case "expired":
      return candidate.expired;
    // The two below need the pak details: a domain not read yet matches neither (the page says so).
    case "autoRenewOff":
      return figures.autoRenew === "off" || figures.autoRenew === "mixed";
    case "full":
      return (figures.fullPaks ?? 0) > 0;
    case "noEmail":
      return summary.paks === 0;
  }
}

function comparator(query: DomainListQuery): (a: Candidate, b: Candidate) => number {
  const sign = query.dir === "asc" ? 1 : -1;
  const byDomain = (a: Candidate, b: Candidate) => compareText(a.summary.domain, b.summary.domain);
  // Missing values (no customer, no pak, details not read) go last in either direction.
  const nullsLast = <T>(pick: (c: Candidate) => T | null, compare: (x: T, y: T) => number) => {
    return (a: Candidate, b: Candidate) => {
      const x = pick(a);
      const y = pick(b);
      if (x === null || y === null) return x === y ? byDomain(a, b) : x === null ? 1 : -1;
      return sign * compare(x, y) || byDomain(a, b);
    };
  };
  switch (query.sort) {
    case "domain":
      return (a, b) => sign * byDomain(a, b);
    case "customer":
      return nullsLast((c) => c.customer?.name ?? null, compareText);
    case "paks":
      return (a, b) => sign * (a.summary.paks - b.summary.paks) || byDomain(a, b);
    case "mailboxes":
      return nullsLast(
        (c) => c.figures.mailboxes,
        (x, y) => x.used - y.used || x.purchased - y.purchased,
      );
    case "expiry":
      return nullsLast((c) => c.summary.pakExpiries[0] ?? null, compareText);
  }
}

function toRow(candidate: Candidate, today: Date): DomainListRow {
  const { summary, figures } = candidate;
  const nearest = summary.pakExpiries[0];
  return {
    domain: summary.domain,
    emailAvailable: summary.emailAvailable,
    hosting: summary.hosting,
    customer: candidate.customer,
    paks: summary.paks,
    ...figures,
    nearestExpiry: nearest
      ? { iso: nearest, state: expiryState(nearest, today), days: daysUntil(nearest, today) }
      : null,
  };
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// ── The shared copy ─────────────────────────────────────────────────────────────────────────

/**
 * The account copy is kept as two: the domain listing (GetDomains, both tabs: 100+ calls for a
 * 10,000-name account, each over a second at eNom's speed) and the pak list (one GetPOPExpirations).
 * The panel's writes change paks and mailboxes, never which domains the account has, so they drop
 * the pak list only: the next page waits for one call, not for a hundred.
 */
interface DomainListing {
  domains: AccountDomain[];
  truncated: boolean;
}

async function loadDomainListing(): Promise<DomainListing> {
  const client = getEnomClient();
  // The client pages GetDomains 100 names at a time (the Display maximum).
  const [owned, hosted] = await Promise.all([
    client.getDomains({ tab: "IOwn" }),
    client.getDomains({ tab: "IHost" }),
  ]);
  return { domains: [...owned.domains, ...hosted.domains], truncated: owned.truncated || hosted.truncated };
}

async function loadPakList(): Promise<readonly PopExpiration[]> {
  return (await getEnomClient().getPopExpirations()).paks;
}

/** Domains registered or hosted elsewhere change rarely and never through the panel. */
export const DOMAIN_LISTING_TTL_MS = 5 * 60_000;
export const DOMAIN_LISTING_REFRESH_IN_BACKGROUND_MS = 55 * 60_000;

interface AccountCopies {
  listing: SnapshotCache<DomainListing>;
  paks: SnapshotCache<readonly PopExpiration[]>;
  /** The last merge, reused while neither copy changed. */
  merged?: { listing: DomainListing; paks: readonly PopExpiration[]; snapshot: AccountSnapshot };
}

// On globalThis, so that every route bundle of this process (pages, route handlers, server
// actions) shares one copy and one invalidation.
const CACHE = Symbol.for("mailpak.accountOverview");
type CacheHolder = { [CACHE]?: AccountCopies };

function accountCopies(): AccountCopies {
  const holder = globalThis as CacheHolder;
  holder[CACHE] ??= {
    listing: createSnapshotCache(loadDomainListing, {
      ttlMs: DOMAIN_LISTING_TTL_MS,
      refreshInBackgroundMs: DOMAIN_LISTING_REFRESH_IN_BACKGROUND_MS,
    }),
    paks: createSnapshotCache(loadPakList, {
      ttlMs: OVERVIEW_TTL_MS,
      refreshInBackgroundMs: OVERVIEW_REFRESH_IN_BACKGROUND_MS,
    }),
  };
  return holder[CACHE];
}

/** The account copy: both lists merged; read at the older of the two reads, stale if either is. */
async function readAccountSnapshot(): Promise<CachedRead<AccountSnapshot>> {
  const copies = accountCopies();
  const [listing, paks] = await Promise.all([copies.listing.get(), copies.paks.get()]);
  let merged = copies.merged;
  if (!merged || merged.listing !== listing.value || merged.paks !== paks.value) {
    merged = {
      listing: listing.value,
      paks: paks.value,
      snapshot: {
        domains: mergeAccountDomains(listing.value.domains, paks.value),
        truncated: listing.value.truncated,
      },
    };
    copies.merged = merged;
  }
  return {
    value: merged.snapshot,
    fetchedAt: listing.fetchedAt < paks.fetchedAt ? listing.fetchedAt : paks.fetchedAt,
    stale: listing.stale || paks.stale,
  };
}

/**
 * After a write that changes paks (bought, renewed, deleted, or maybe, when eNom's answer was
 * lost): the next page reads GetPOPExpirations again, and the pak details of `domains` (every
 * domain's, when none are named: name them, so a large account is not read again in full).
 */
export function invalidateAccountOverview(domains?: string | readonly string[]): void {
  accountCopies().paks.invalidate();
  pakDetailsReader().invalidate(typeof domains === "string" ? [domains] : domains);
}

/**
 * After a write that changes only mailboxes or a pak's auto-renew (which GetPOPExpirations' XML
 * does not carry): the next page reads those domains' GetPOP3 again, nothing account-wide.
 */
export function invalidatePakDetails(domains: string | readonly string[]): void {
  pakDetailsReader().invalidate(typeof domains === "string" ? [domains] : domains);
}

/** The domains this user may see: a customer's assigned ones, or null for staff (every domain). */
async function scopeOf(user: SessionUser): Promise<ReadonlySet<string> | null> {
  return user.role === "customer"
    ? new Set(user.customerId ? (await listCustomerDomains(user.customerId)).map((d) => d.toLowerCase()) : [])
    : null;
}

/**
 * One page of the domains list for this user. Staff see every domain of the account with its
 * customer; a customer sees only the domains assigned to it, and no owners. The page's domains'
 * pak details are read (at most `detailsWaitMs` waited for); a filter or sort on them reads every
 * visible domain's; `details: false` reads none (for callers that need names and pak counts only,
 * such as the purchase wizard's domain search). Throws what the eNom client throws when the
 * account lists cannot be read and no earlier copy is at hand.
 */
export async function getAccountOverview(
  user: SessionUser,
  query: DomainListQuery,
  options: { today?: Date; detailsWaitMs?: number; details?: boolean } = {},
): Promise<DomainListPage> {
  requirePermission(user, "domains.view");
  const today = options.today ?? new Date();
  const isCustomer = user.role === "customer";
  const visible = await scopeOf(user);
  // A customer without domains has nothing to read from eNom.
  if (visible && visible.size === 0) {
    const empty = queryDomainList({ domains: [], truncated: false }, query, {
      owners: new Map(),
      visible,
      today,
      details: new Map(),
    });
    return { ...empty, fetchedAt: today.toISOString(), stale: false };
  }
  const [snapshot, owners] = await Promise.all([
    readAccountSnapshot(),
    isCustomer ? Promise.resolve(new Map()) : listDomainOwners(),
  ]);
  const reader = pakDetailsReader();
  const withEmail = visibleDomains(snapshot.value, visible)
    .filter((summary) => summary.paks > 0)
    .map((summary) => summary.domain);
  const wait = { waitMs: options.detailsWaitMs };
  const scope = { owners, visible, today, details: reader.peek(withEmail) };

  let page: Omit<DomainListPage, "fetchedAt" | "stale">;
  if (options.details === false) {
    page = queryDomainList(snapshot.value, query, scope);
  } else if (query.filters.some((filter) => DETAIL_FILTERS.has(filter)) || query.sort === "mailboxes") {
    page = queryDomainList(snapshot.value, query, { ...scope, details: await reader.read(withEmail, wait) });
  } else {
    // The order and the page do not depend on the details: read only the page's, then fill them in.
    const first = queryDomainList(snapshot.value, query, scope);
    const pageDomains = first.rows.filter((row) => row.paks > 0).map((row) => row.domain);
    const read = await reader.read(pageDomains, wait);
    page = queryDomainList(snapshot.value, query, {
      ...scope,
      details: new Map([...scope.details, ...read]),
    });
  }
  return { ...page, fetchedAt: snapshot.fetchedAt.toISOString(), stale: snapshot.stale };
}

export interface AccountPaks {
  /** Every pak as GetPOPExpirations lists it (domain, pak, expiry). */
  paks: readonly PopExpiration[];
  /** When eNom was read (ISO instant). */
  fetchedAt: string;
  /** The latest read failed; this is the last good list. */
  stale: boolean;
}

/**
 * Every pak this user may see, from the shared pak list the domains page uses too (no extra eNom
 * call): staff get the whole account, a customer only the paks of its own domains. Only
 * GetPOPExpirations is read, never the domain listing: the paks name their domains, so the
 * expirations need no GetDomains and keep working when it cannot be read. Their sizes and
 * auto-renew come from the pak details reader (pak-details.ts). Throws what the eNom client throws
 * when GetPOPExpirations cannot be read and no earlier copy is at hand.
 */
export async function getAccountPaks(user: SessionUser): Promise<AccountPaks> {
  requirePermission(user, "domains.view");
  const visible = await scopeOf(user);
  if (visible && visible.size === 0) return { paks: [], fetchedAt: new Date().toISOString(), stale: false };
  const read = await accountCopies().paks.get();
  return {
    paks: visible ? read.value.filter((pak) => visible.has(pak.domainName.toLowerCase())) : read.value,
    fetchedAt: read.fetchedAt.toISOString(),
    stale: read.stale,
  };
}
