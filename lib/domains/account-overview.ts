import "server-only";
import { requirePermission } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { listCustomerDomains, listDomainOwners } from "@/lib/db/queries/customers";
import { getEnomClient } from "@/lib/enom";
import type { AccountDomain, PopExpiration } from "@/lib/enom/types";
import { createSnapshotCache, type SnapshotCache } from "./account-cache";
import {
  DOMAIN_FILTERS,
  type AutoRenewSummary,
  type DomainFilter,
  type DomainListPage,
  type DomainListQuery,
  type DomainListRow,
} from "./domain-list";
import { daysUntil, expiryState, EXPIRING_WITHIN_DAYS } from "./expiry";

/**
 * The domains page's data: every domain of the eNom account with its email, from exactly two
 * account-wide eNom calls (GetDomains and GetPOPExpirations), never one GetPOP3 per domain. The
 * merged list is kept for a minute (then refreshed behind the readers for a few more) and shared
 * by concurrent page loads; the panel's own writes drop it at once. Search, filters, sorting and
 * paging run on the server over that copy, so the browser only ever receives one page.
 */

/** A domain's email, merged from the two account-wide lists; does not depend on the day. */
export interface DomainEmailSummary {
  domain: string;
  emailAvailable: boolean;
  paks: number;
  mailboxesUsed: number;
  mailboxesPurchased: number;
  quotasMb: number[];
  /** Every pak's expiry (ISO calendar dates), earliest first. */
  pakExpiries: string[];
  autoRenew: AutoRenewSummary | null;
  fullPaks: number;
}

export interface AccountSnapshot {
  domains: DomainEmailSummary[];
  /** GetDomains stopped before the end of the account's list. */
  truncated: boolean;
  /** Every pak as GetPOPExpirations listed it, for the expirations dashboard (hand-built copies may omit it). */
  paks?: readonly PopExpiration[];
}

/** A copy is served for a minute; for four more, at once while a new one loads behind it. */
export const OVERVIEW_TTL_MS = 60_000;
export const OVERVIEW_REFRESH_IN_BACKGROUND_MS = 4 * 60_000;

/** Merges GetDomains and GetPOPExpirations per domain, sorted by name. */
export function mergeAccountDomains(
  domains: readonly AccountDomain[],
  paks: readonly PopExpiration[],
): DomainEmailSummary[] {
  const byDomain = new Map<string, { emailAvailable: boolean; paks: PopExpiration[] }>();
  for (const domain of domains)
    byDomain.set(domain.name.toLowerCase(), { emailAvailable: domain.emailAvailable, paks: [] });
  for (const pak of paks) {
    const name = pak.domainName.toLowerCase();
    const entry = byDomain.get(name);
    // A pak whose domain the listing missed (cut short, or just registered) still has email.
    if (entry) entry.paks.push(pak);
    else byDomain.set(name, { emailAvailable: true, paks: [pak] });
  }
  return [...byDomain]
    .map(([domain, entry]) => summarise(domain, entry.emailAvailable, entry.paks))
    .sort((a, b) => compareText(a.domain, b.domain));
}

function summarise(
  domain: string,
  emailAvailable: boolean,
  paks: readonly PopExpiration[],
): DomainEmailSummary {
  let mailboxesUsed = 0;
  let mailboxesPurchased = 0;
  let fullPaks = 0;
  let renewing = 0;
  const quotas = new Set<number>();
  for (const pak of paks) {
    const purchased = pak.qtyPurchased ?? 0;
    const available = pak.qtyAvailable ?? purchased;
    mailboxesPurchased += purchased;
    mailboxesUsed += Math.max(0, purchased - available);
    if (purchased > 0 && available === 0) fullPaks += 1;
    if (pak.autoRenew) renewing += 1;
    if (pak.quotaMb !== null) quotas.add(pak.quotaMb);
  }
  return {
    domain,
    emailAvailable,
    paks: paks.length,
    mailboxesUsed,
    mailboxesPurchased,
    quotasMb: [...quotas].sort((a, b) => a - b),
    pakExpiries: paks.map((pak) => pak.expires.iso).sort(),
    autoRenew: paks.length === 0 ? null : renewing === paks.length ? "on" : renewing === 0 ? "off" : "mixed",
    fullPaks,
  };
}

export interface DomainListScope {
  /** Owner of each assigned domain; empty for a customer's own view (they see no owners). */
  owners: ReadonlyMap<string, { customerId: string; customerName: string }>;
  /** The only domains this user may see; null for staff (every domain of the account). */
  visible: ReadonlySet<string> | null;
  today: Date;
}

interface Candidate {
  summary: DomainEmailSummary;
  customer: { id: string; name: string } | null;
  expired: boolean;
  expiring: boolean;
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
  for (const summary of snapshot.domains) {
    if (scope.visible && !scope.visible.has(summary.domain)) continue;
    const owner = scope.owners.get(summary.domain);
    // ISO dates compare as text, so the expiry checks need no date arithmetic per domain.
    candidates.push({
      summary,
      customer: owner ? { id: owner.customerId, name: owner.customerName } : null,
      expired: (summary.pakExpiries[0] ?? "9999") < todayIso,
      expiring: summary.pakExpiries.some((iso) => iso >= todayIso && iso <= soonIso),
    });
  }

  const counts = Object.fromEntries(
    DOMAIN_FILTERS.map((filter) => [filter, candidates.filter((c) => matchesFilter(c, filter)).length]),
  ) as Record<DomainFilter, number>;

  const needle = query.q.trim().toLowerCase();
  const matching = candidates.filter(
    (candidate) =>
      (!needle ||
        candidate.summary.domain.includes(needle) ||
        (candidate.customer?.name.toLowerCase().includes(needle) ?? false)) &&
      query.filters.every((filter) => matchesFilter(candidate, filter)),
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
    page,
    pageCount,
    pageSize: query.pageSize,
    truncated: snapshot.truncated,
  };
}

function matchesFilter(candidate: Candidate, filter: DomainFilter): boolean {
  const { summary } = candidate;
  switch (filter) {
    case "expiring":
      return candidate.expiring;
    case "expired":
      return candidate.expired;
    case "autoRenewOff":
      return summary.autoRenew === "off" || summary.autoRenew === "mixed";
    case "full":
      return summary.fullPaks > 0;
    case "noEmail":
      return summary.paks === 0;
  }
}

function comparator(query: DomainListQuery): (a: Candidate, b: Candidate) => number {
  const sign = query.dir === "asc" ? 1 : -1;
  const byDomain = (a: Candidate, b: Candidate) => compareText(a.summary.domain, b.summary.domain);
  // Missing values (no customer, no pak) go last in either direction: they are never "the top".
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
      return (a, b) =>
        sign * (a.summary.mailboxesUsed - b.summary.mailboxesUsed) ||
        sign * (a.summary.mailboxesPurchased - b.summary.mailboxesPurchased) ||
        byDomain(a, b);
    case "expiry":
      return nullsLast((c) => c.summary.pakExpiries[0] ?? null, compareText);
  }
}

function toRow(candidate: Candidate, today: Date): DomainListRow {
  const { summary } = candidate;
  const nearest = summary.pakExpiries[0];
  return {
    domain: summary.domain,
    emailAvailable: summary.emailAvailable,
    customer: candidate.customer,
    paks: summary.paks,
    mailboxesUsed: summary.mailboxesUsed,
    mailboxesPurchased: summary.mailboxesPurchased,
    quotasMb: summary.quotasMb,
    nearestExpiry: nearest
      ? { iso: nearest, state: expiryState(nearest, today), days: daysUntil(nearest, today) }
      : null,
    autoRenew: summary.autoRenew,
    fullPaks: summary.fullPaks,
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

async function loadAccountSnapshot(): Promise<AccountSnapshot> {
  const client = getEnomClient();
  const [domains, expirations] = await Promise.all([client.getDomains(), client.getPopExpirations()]);
  return {
    domains: mergeAccountDomains(domains.domains, expirations.paks),
    truncated: domains.truncated,
    paks: expirations.paks,
  };
}

// On globalThis, so that every route bundle of this process (pages, route handlers, server
// actions) shares one copy and one invalidation.
const CACHE = Symbol.for("mailpak.accountOverview");
type CacheHolder = { [CACHE]?: SnapshotCache<AccountSnapshot> };

function accountCache(): SnapshotCache<AccountSnapshot> {
  const holder = globalThis as CacheHolder;
  holder[CACHE] ??= createSnapshotCache(loadAccountSnapshot, {
    ttlMs: OVERVIEW_TTL_MS,
    refreshInBackgroundMs: OVERVIEW_REFRESH_IN_BACKGROUND_MS,
  });
  return holder[CACHE];
}

/** After a write that changes paks or mailboxes: the next domains page reads eNom again. */
export function invalidateAccountOverview(): void {
  accountCache().invalidate();
}

/**
 * One page of the domains list for this user. Staff see every domain of the account with its
 * customer; a customer sees only the domains assigned to it, and no owners. Throws what the eNom
 * client throws when eNom cannot be read and no earlier copy is at hand.
 */
export async function getAccountOverview(
  user: SessionUser,
  query: DomainListQuery,
  options: { today?: Date } = {},
): Promise<DomainListPage> {
  requirePermission(user, "domains.view");
  const today = options.today ?? new Date();
  const isCustomer = user.role === "customer";
  const visible = isCustomer
    ? new Set(user.customerId ? await listCustomerDomains(user.customerId) : [])
    : null;
  // A customer without domains has nothing to read from eNom.
  if (visible && visible.size === 0) {
    const empty = queryDomainList({ domains: [], truncated: false }, query, {
      owners: new Map(),
      visible,
      today,
    });
    return { ...empty, fetchedAt: today.toISOString(), stale: false };
  }
  const [snapshot, owners] = await Promise.all([
    accountCache().get(),
    isCustomer ? Promise.resolve(new Map()) : listDomainOwners(),
  ]);
  const page = queryDomainList(snapshot.value, query, { owners, visible, today });
  return { ...page, fetchedAt: snapshot.fetchedAt.toISOString(), stale: snapshot.stale };
}

export interface AccountPaks {
  paks: readonly PopExpiration[];
  /** When eNom was read (ISO instant). */
  fetchedAt: string;
  /** The latest read failed; this is the last good list. */
  stale: boolean;
}

/**
 * Every pak this user may see, from the same shared copy as the domains list (no extra eNom call):
 * staff get the whole account, a customer only the paks of its own domains. Throws what the eNom
 * client throws when eNom cannot be read and no earlier copy is at hand.
 */
export async function getAccountPaks(user: SessionUser): Promise<AccountPaks> {
  requirePermission(user, "domains.view");
  const visible =
    user.role === "customer"
      ? new Set(user.customerId ? await listCustomerDomains(user.customerId) : [])
      : null;
  if (visible && visible.size === 0) return { paks: [], fetchedAt: new Date().toISOString(), stale: false };
  const snapshot = await accountCache().get();
  const paks = snapshot.value.paks ?? [];
  return {
    paks: visible ? paks.filter((pak) => visible.has(pak.domainName.toLowerCase())) : paks,
    fetchedAt: snapshot.fetchedAt.toISOString(),
    stale: snapshot.stale,
  };
}
