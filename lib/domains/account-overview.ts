import "server-only";
import { requirePermission } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import type { MirrorPakRow } from "@/lib/db/schema";
import { ensureMirrorSynced } from "@/lib/mirror/freshness";
import { listExpirationsWithoutPak, listMirrorPaks, mirrorFreshness } from "@/lib/mirror/read";
import { markDomainsForReread } from "@/lib/mirror/refresh";
import { keptUntilMirrorChanges } from "@/lib/mirror/version";
import type { MirrorStatus } from "@/lib/mirror/status";
import { listCustomerDomains } from "@/lib/customers/queries";
import type { AutoRenewSummary, DomainListPage, DomainListQuery, DomainListRow } from "./domain-list";
import { daysUntil, expiryState, EXPIRING_WITHIN_DAYS } from "./expiry";
import { queryMirrorDomainList, type DomainListSqlRow, type DomainScope } from "./queries";

/**
 * The domains page's data, from the account mirror (lib/mirror): every domain of the account
 * with its paks, mailboxes and expiries as eNom last gave them. Search, filters, sorting and
 * paging run in PostgreSQL (queries.ts), so a page of a 10,000-domain account is two queries and
 * the browser only ever receives one page. No eNom call: the mirror is kept fresh by the full
 * sync, by the panel's writes (refreshDomainsInMirror) and by domain views.
 */

function scopeOf(user: SessionUser): DomainScope | null {
  if (user.role !== "customer") return { kind: "account" };
  return user.customerId ? { kind: "customer", customerId: user.customerId } : null;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function autoRenewOf(on: number, paks: number): AutoRenewSummary | null {
  if (paks === 0) return null;
  return on === paks ? "on" : on === 0 ? "off" : "mixed";
}

function toRow(row: DomainListSqlRow, today: Date): DomainListRow {
  const hasPaks = row.paks > 0;
  return {
    domain: row.domain,
    // Every domain of the account can have email (registered or on its DNS hosting, seeds/000).
    emailAvailable: true,
    hosting: row.hosting,
    customer: row.customerId && row.customerName ? { id: row.customerId, name: row.customerName } : null,
    paks: row.paks,
    details: "loaded",
    mailboxes: hasPaks ? { used: row.used ?? 0, purchased: row.purchased ?? 0 } : null,
    quotasMb: hasPaks ? (row.quotas ?? []) : null,
    storageUsedMb: hasPaks && row.storageKnown !== false ? (row.storageUsed ?? 0) : null,
    nearestExpiry: row.nearest
      ? { iso: row.nearest, state: expiryState(row.nearest, today), days: daysUntil(row.nearest, today) }
      : null,
    autoRenew: autoRenewOf(row.autoRenewOn ?? 0, row.paks),
    fullPaks: hasPaks ? (row.fullPaks ?? 0) : null,
  };
}

/**
 * One page of the domains list for this user. Staff see every domain of the account with its
 * customer; a customer sees only the domains assigned to it, and no owners. `fetchedAt` is the
 * oldest eNom read among the user's domains; `stale` says some domain's latest read failed.
 * Before the first full sync has finished, `mirror` says how far it is (and the sync is started
 * when no instance runs it).
 */
export async function getAccountOverview(
  user: SessionUser,
  query: DomainListQuery,
  options: { today?: Date } = {},
): Promise<DomainListPage & { mirror: MirrorStatus }> {
  requirePermission(user, "domains.view");
  const today = options.today ?? new Date();
  const scope = scopeOf(user);
  const todayIso = isoDay(today);
  const soonIso = isoDay(new Date(today.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000));
  const visible = scope?.kind === "customer" ? await customerDomains(scope.customerId) : scope ? null : [];
  // Kept between views until the mirror or a customer changes (lib/mirror/version).
  const scopeKey = JSON.stringify(scope);
  const [mirror, list, freshness] = await Promise.all([
    ensureMirrorSynced(),
    scope
      ? keptUntilMirrorChanges(`domain-list:${scopeKey}:${todayIso}:${JSON.stringify(query)}`, () =>
          queryMirrorDomainList(scope, query, { todayIso, soonIso }),
        )
      : Promise.resolve(null),
    keptUntilMirrorChanges(`freshness:${scopeKey}`, () => mirrorFreshness(visible)),
  ]);
  const empty = { rows: [], total: 0, accountTotal: 0, page: 1, pageCount: 1 };
  const result = list ?? {
    ...empty,
    counts: { expiring: 0, expired: 0, autoRenewOff: 0, full: 0, mailProblems: 0, noEmail: 0 },
  };
  return {
    rows: result.rows.map((row) => toRow(row, today)),
    total: result.total,
    accountTotal: result.accountTotal,
    counts: result.counts,
    detailsPending: 0,
    page: result.page,
    pageCount: result.pageCount,
    pageSize: query.pageSize,
    fetchedAt: freshness.readAt ?? today.toISOString(),
    stale: freshness.failedDomains > 0,
    truncated: false,
    mirror,
  };
}

async function customerDomains(customerId: string): Promise<string[]> {
  return keptUntilMirrorChanges(`customer-domains:${customerId}`, async () =>
    (await listCustomerDomains(customerId)).map((domain) => domain.toLowerCase()),
  );
}

/** A pak as the mirror holds it (GetPOP3 of its domain, as last read). */
export type AccountPak = Omit<MirrorPakRow, "readAt">;

export interface AccountPaks {
  /** Every pak this user may see, soonest expiry first. */
  paks: AccountPak[];
  /** Paks only the account's expiry list names (their domain could not be read): expiry known, size not. */
  unread: { domain: string; bundleId: number; expires: string; autoRenew: boolean | null }[];
  /** The oldest eNom read among them (ISO instant). */
  fetchedAt: string;
  /** Some domain's latest read failed; its paks are from the read before. */
  stale: boolean;
  mirror: MirrorStatus;
}

/**
 * Every pak this user may see, from the mirror: staff get the whole account, a customer only the
 * paks of its own domains. No eNom call.
 */
export async function getAccountPaks(user: SessionUser): Promise<AccountPaks> {
  requirePermission(user, "domains.view");
  const scope = scopeOf(user);
  const visible = scope?.kind === "customer" ? await customerDomains(scope.customerId) : scope ? null : [];
  const none = Boolean(visible && visible.length === 0);
  const scopeKey = JSON.stringify(scope);
  const [mirror, paks, unread, freshness] = await Promise.all([
    ensureMirrorSynced(),
    none ? Promise.resolve([]) : keptUntilMirrorChanges(`paks:${scopeKey}`, () => listMirrorPaks(visible)),
    none
      ? Promise.resolve([])
      : keptUntilMirrorChanges(`paks-unread:${scopeKey}`, () => listExpirationsWithoutPak(visible)),
    keptUntilMirrorChanges(`freshness:${scopeKey}`, () => mirrorFreshness(visible)),
  ]);
  return {
    paks: paks.map(({ readAt: _readAt, ...pak }) => pak),
    unread: unread.map(({ domain, bundleId, expires, autoRenew }) => ({
      domain,
      bundleId,
      expires,
      autoRenew,
    })),
    fetchedAt: freshness.readAt ?? new Date().toISOString(),
    stale: freshness.failedDomains > 0,
    mirror,
  };
}

/**
 * After a write that changes paks, for callers not yet moved to the awaited
 * `refreshDomainsInMirror` (lib/mirror): the next view of those domains reads them from eNom.
 */
export function invalidateAccountOverview(domains?: string | readonly string[]): void {
  if (domains !== undefined) markDomainsForReread(domains);
}

/** After a write that changes mailboxes or auto-renew: as `invalidateAccountOverview`. */
export function invalidatePakDetails(domains: string | readonly string[]): void {
  markDomainsForReread(domains);
}
