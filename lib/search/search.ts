import "server-only";
import { ForbiddenError } from "@/lib/auth/errors";
import { requirePermission } from "@/lib/auth/guards";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { EXPIRING_WITHIN_DAYS } from "@/lib/domains/expiry";
import { keptUntilMirrorChanges } from "@/lib/mirror/version";
import {
  BadCursorError,
  compareRows,
  decodeCursor,
  encodeCursor,
  type PakPosition,
  type RowPosition,
  type SearchPosition,
} from "./cursor";
import {
  NEAR_FULL_PERCENT,
  type DomainResult,
  type MailboxResult,
  type MirrorFreshness,
  type PakResult,
  type SearchInput,
  type SearchPage,
  type SearchResult,
} from "./model";
import {
  findDomains,
  findMailboxes,
  findPaks,
  mirrorFreshness,
  type DomainRow,
  type MailboxRow,
  type PakRow,
  type SearchScope,
} from "./queries";

/**
 * Account-wide search over the mirror: the one server door for `/api/search` and the search pages.
 * Staff (admin, staff, support) search the whole account; a customer only the domains of their
 * own customer, and only while they may view domains. Never waits on eNom.
 */
export async function searchAccount(
  user: SessionUser,
  input: SearchInput,
  options: { today?: Date } = {},
): Promise<SearchPage> {
  const scope = scopeOf(user);
  input = { ...input, q: input.q.trim().toLowerCase() };
  const position = input.cursor ? decodeCursor(input.cursor) : null;
  const today = options.today ?? new Date();
  // The same search of the same scope answers alike until the mirror changes (lib/mirror/version).
  const key = `search:${JSON.stringify(scope)}:${today.toISOString().slice(0, 10)}:${JSON.stringify(input)}`;
  return keptUntilMirrorChanges(key, () => runSearch(scope, input, position, today));
}

async function runSearch(
  scope: SearchScope,
  input: SearchInput,
  position: SearchPosition | null,
  today: Date,
): Promise<SearchPage> {
  const staff = scope.kind === "account";
  const [page, freshness] = await Promise.all([
    input.filter === "expiring" || input.filter === "auto-renew-off"
      ? searchPaks(scope, input, pakPosition(position), today)
      : searchRows(scope, input, rowPosition(position)),
    position ? null : mirrorFreshness(scope),
  ]);

  return {
    results: staff ? page.results : page.results.map(withoutCustomerName),
    nextCursor: page.next ? encodeCursor(page.next) : null,
    freshness: freshness ? freshnessOf(freshness) : null,
  };
}

function scopeOf(user: SessionUser): SearchScope {
  requirePermission(user, "domains.view");
  if (isStaffRole(user.role)) return { kind: "account" };
  if (user.role === "customer" && user.customerId) return { kind: "customer", customerId: user.customerId };
  throw new ForbiddenError("Your account cannot search domains.");
}

function rowPosition(position: SearchPosition | null): RowPosition | null {
  if (position && position.kind !== "row") return badCursor();
  return position;
}

function pakPosition(position: SearchPosition | null): PakPosition | null {
  if (position && position.kind !== "pak") return badCursor();
  return position;
}

/** A cursor of another kind of search (paks against mailboxes) is refused like a broken one. */
function badCursor(): never {
  throw new BadCursorError();
}

interface Ranked {
  position: RowPosition;
  result: DomainResult | MailboxResult;
}

/** Domains and mailboxes in one order: each query fetches one more than a page, then they merge. */
async function searchRows(
  scope: SearchScope,
  input: SearchInput,
  after: RowPosition | null,
): Promise<{ results: SearchResult[]; next: RowPosition | null }> {
  const mailboxFilter = input.filter === "near-full" || input.filter === "admins" ? input.filter : null;
  const [domains, mailboxes] = await Promise.all([
    // A mailbox filter leaves domains out: they are neither full nor administrators.
    mailboxFilter ? [] : findDomains({ scope, q: input.q, after, limit: input.limit + 1 }),
    findMailboxes({
      scope,
      q: input.q,
      filter: mailboxFilter,
      nearFullPercent: NEAR_FULL_PERCENT,
      after,
      limit: input.limit + 1,
    }),
  ]);
  const merged: Ranked[] = [...domains.map(rankDomain), ...mailboxes.map(rankMailbox)].sort((a, b) =>
    compareRows(a.position, b.position),
  );
  const shown = merged.slice(0, input.limit);
  const last = shown.at(-1);
  return {
    results: shown.map((entry) => entry.result),
    next: merged.length > input.limit && last ? last.position : null,
  };
}

async function searchPaks(
  scope: SearchScope,
  input: SearchInput,
  after: PakPosition | null,
  today: Date,
): Promise<{ results: SearchResult[]; next: PakPosition | null }> {
  const filter =
    input.filter === "expiring"
      ? { expiresOnOrBefore: isoDay(addDays(today, EXPIRING_WITHIN_DAYS)) }
      : { autoRenew: false as const };
  const rows = await findPaks({ scope, q: input.q, filter, after, limit: input.limit + 1 });
  const shown = rows.slice(0, input.limit);
  const last = shown.at(-1);
  return {
    results: shown.map(pakResult),
    next:
      rows.length > input.limit && last
        ? { kind: "pak", expires: last.expires, domain: last.domain, bundleId: last.bundleId }
        : null,
  };
}

function rankDomain(row: DomainRow): Ranked {
  return {
    position: { kind: "row", tier: row.tier, domain: row.domain, rank: 0, name: "" },
    result: {
      kind: "domain",
      domain: row.domain,
      customerName: row.customerName,
      hasEmail: row.hasEmail,
      readAt: iso(row.emailReadAt),
    },
  };
}

function rankMailbox(row: MailboxRow): Ranked {
  return {
    position: { kind: "row", tier: row.tier, domain: row.domain, rank: 1, name: row.userName },
    result: {
      kind: "mailbox",
      domain: row.domain,
      address: row.address,
      displayName: row.displayName,
      isAdmin: row.isAdmin,
      quotaMb: row.quotaMb,
      quotaUsedMb: row.quotaUsedMb,
      customerName: row.customerName,
      readAt: iso(row.readAt) ?? "",
    },
  };
}

function pakResult(row: PakRow): PakResult {
  return {
    kind: "pak",
    domain: row.domain,
    bundleId: row.bundleId,
    expires: row.expires,
    autoRenew: row.autoRenew,
    purchased: row.purchased,
    available: row.available,
    capacityGb: row.capacityGb,
    customerName: row.customerName,
    readAt: iso(row.readAt) ?? "",
  };
}

function withoutCustomerName(result: SearchResult): SearchResult {
  return { ...result, customerName: null };
}

function freshnessOf(row: { oldest: Date | string | null; newest: Date | string | null; unread: number }) {
  const freshness: MirrorFreshness = {
    oldestReadAt: iso(row.oldest),
    newestReadAt: iso(row.newest),
    unreadDomains: Number(row.unread),
  };
  return freshness;
}

/** Aggregates may come back as text from the driver; both become ISO strings. */
function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
