import "server-only";
import { and, eq, max, min, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import {
  customerDomains,
  customers,
  mailboxDisplayNames,
  mirrorDomains,
  mirrorMailboxes,
  mirrorPaks,
} from "@/lib/db/schema";
import type { PakPosition, RowPosition } from "./cursor";

/**
 * The search's SQL over the account mirror. Every statement takes the caller's scope: a customer's
 * rows are joined through customer_domains on their own customer id, so no filter, page or text
 * can reach another customer's domain. Text is matched with `like` on lower-cased columns, through
 * trigram indexes where a table is large (migration 0012), and every
 * order is by "C" collation so it matches the cursor's code-point order.
 */

export type SearchScope = { kind: "account" } | { kind: "customer"; customerId: string };

/** `q` as a `like` pattern, its wildcards taken literally (`%` and `_` do occur in searches). */
export function likePattern(q: string, where: "prefix" | "anywhere"): string {
  const escaped = q.replace(/[\\%_]/g, (character) => `\\${character}`);
  return where === "prefix" ? `${escaped}%` : `%${escaped}%`;
}

function like(column: SQL, pattern: string): SQL {
  return sql`${column} like ${pattern} escape '\\'`;
}

/**
 * Below this many characters a search matches the start of a name or of one of its words, not
 * anywhere inside: "a" would match nearly every mailbox. An address matches by its start (the
 * mailbox's name), a domain also after a `-` or `.`, a person's or customer's name after a space.
 */
export const ANYWHERE_FROM = 3;
const ADDRESS_BREAKS: string[] = [];
const DOMAIN_BREAKS = ["-", "."];
const NAME_BREAKS = [" "];

/** `column` holds `q`: anywhere, or for a short `q` at its start or after one of `breaks`. */
function holds(column: SQL, q: string, breaks: readonly string[]): SQL {
  if (q.length >= ANYWHERE_FROM) return like(column, likePattern(q, "anywhere"));
  const prefix = likePattern(q, "prefix");
  return sql`(${sql.join(
    [
      like(column, prefix),
      ...breaks.map((mark) => like(column, `%${likePattern(mark, "prefix").slice(0, -1)}${prefix}`)),
    ],
    sql` or `,
  )})`;
}

const customerNameLower = sql`lower(coalesce(${customers.name}, ''))`;

function scopeCondition(scope: SearchScope): SQL | undefined {
  return scope.kind === "customer" ? eq(customerDomains.customerId, scope.customerId) : undefined;
}

export interface DomainRow {
  tier: number;
  domain: string;
  hasEmail: boolean | null;
  emailReadAt: Date | null;
  customerName: string | null;
}

/** Domains whose name or customer's name holds `q`. */
export async function findDomains(options: {
  scope: SearchScope;
  q: string;
  after: RowPosition | null;
  limit: number;
}): Promise<DomainRow[]> {
  const { scope, q, after, limit } = options;
  const prefix = likePattern(q, "prefix");
  const tier = q
    ? sql<number>`(case when ${like(sql`${mirrorDomains.domain}`, prefix)} or ${like(customerNameLower, prefix)} then 0 else 1 end)`
    : sql<number>`0::int`;
  const db = await getDb();
  return db
    .select({
      tier,
      domain: mirrorDomains.domain,
      hasEmail: mirrorDomains.hasEmail,
      emailReadAt: mirrorDomains.emailReadAt,
      customerName: customers.name,
    })
    .from(mirrorDomains)
    .leftJoin(customerDomains, eq(customerDomains.domain, mirrorDomains.domain))
    .leftJoin(customers, eq(customers.id, customerDomains.customerId))
    .where(
      and(
        scopeCondition(scope),
        q
          ? or(
              holds(sql`${mirrorDomains.domain}`, q, DOMAIN_BREAKS),
              holds(customerNameLower, q, NAME_BREAKS),
            )
          : undefined,
        after
          ? sql`(${tier}, ${mirrorDomains.domain} collate "C", 0, '' collate "C") > (${after.tier}::int, ${after.domain}::text, ${after.rank}::int, ${after.name}::text)`
          : undefined,
      ),
    )
    .orderBy(...(q ? [tier] : []), sql`${mirrorDomains.domain} collate "C"`)
    .limit(limit);
}

/**
 * The mailboxes whose address or display name holds the pattern: two lookups, each through its
 * trigram index (migration 0012), instead of one `or` that scans every mailbox and its name.
 */
function mailboxesHolding(q: string): SQL {
  return sql`select m.domain, m.user_name from mirror_mailboxes m where ${holds(sql`m.address`, q, ADDRESS_BREAKS)}
    union
    select m.domain, m.user_name from mailbox_display_names dn
      join mirror_mailboxes m on m.address = dn.user_name || '@' || dn.domain
      where ${holds(sql`lower(dn.display_name)`, q, NAME_BREAKS)}`;
}

export interface MailboxRow {
  tier: number;
  domain: string;
  userName: string;
  address: string;
  isAdmin: boolean;
  quotaMb: number | null;
  quotaUsedMb: number | null;
  readAt: Date;
  displayName: string | null;
  customerName: string | null;
}

export type MailboxFilter = "near-full" | "admins" | null;

/** Mailboxes whose address or display name holds `q`, narrowed by a mailbox filter. */
export async function findMailboxes(options: {
  scope: SearchScope;
  q: string;
  filter: MailboxFilter;
  nearFullPercent: number;
  after: RowPosition | null;
  limit: number;
}): Promise<MailboxRow[]> {
  const { scope, q, filter, after, limit } = options;
  const prefix = likePattern(q, "prefix");
  const displayNameLower = sql`lower(coalesce(${mailboxDisplayNames.displayName}, ''))`;
  const tier = q
    ? sql<number>`(case when ${like(sql`${mirrorMailboxes.address}`, prefix)} or ${like(displayNameLower, prefix)} then 0 else 1 end)`
    : sql<number>`0::int`;
  const narrowing =
    filter === "near-full"
      ? sql`${mirrorMailboxes.quotaMb} > 0 and ${mirrorMailboxes.quotaUsedMb} * 100 >= ${mirrorMailboxes.quotaMb} * ${options.nearFullPercent}::int`
      : filter === "admins"
        ? eq(mirrorMailboxes.isAdmin, true)
        : undefined;
  const db = await getDb();
  return db
    .select({
      tier,
      domain: mirrorMailboxes.domain,
      userName: mirrorMailboxes.userName,
      address: mirrorMailboxes.address,
      isAdmin: mirrorMailboxes.isAdmin,
      quotaMb: mirrorMailboxes.quotaMb,
      quotaUsedMb: mirrorMailboxes.quotaUsedMb,
      readAt: mirrorMailboxes.readAt,
      displayName: mailboxDisplayNames.displayName,
      customerName: customers.name,
    })
    .from(mirrorMailboxes)
    .leftJoin(
      mailboxDisplayNames,
      and(
        eq(mailboxDisplayNames.domain, mirrorMailboxes.domain),
        eq(mailboxDisplayNames.userName, sql`lower(${mirrorMailboxes.userName})`),
      ),
    )
    .leftJoin(customerDomains, eq(customerDomains.domain, mirrorMailboxes.domain))
    .leftJoin(customers, eq(customers.id, customerDomains.customerId))
    .where(
      and(
        scopeCondition(scope),
        narrowing,
        q
          ? sql`(${mirrorMailboxes.domain}, ${mirrorMailboxes.userName}) in (${mailboxesHolding(q)})`
          : undefined,
        after
          ? sql`(${tier}, ${mirrorMailboxes.domain} collate "C", 1, ${mirrorMailboxes.userName} collate "C") > (${after.tier}::int, ${after.domain}::text, ${after.rank}::int, ${after.name}::text)`
          : undefined,
      ),
    )
    .orderBy(
      ...(q ? [tier] : []),
      sql`${mirrorMailboxes.domain} collate "C"`,
      sql`${mirrorMailboxes.userName} collate "C"`,
    )
    .limit(limit);
}

export interface PakRow {
  domain: string;
  bundleId: number;
  expires: string;
  autoRenew: boolean;
  purchased: number;
  available: number;
  capacityGb: number | null;
  readAt: Date;
  customerName: string | null;
}

export type PakFilter = { expiresOnOrBefore: string } | { autoRenew: false };

/** Paks of domains whose name or customer's name holds `q`, soonest expiry first. */
export async function findPaks(options: {
  scope: SearchScope;
  q: string;
  filter: PakFilter;
  after: PakPosition | null;
  limit: number;
}): Promise<PakRow[]> {
  const { scope, q, filter, after, limit } = options;
  const db = await getDb();
  return db
    .select({
      domain: mirrorPaks.domain,
      bundleId: mirrorPaks.bundleId,
      expires: mirrorPaks.expires,
      autoRenew: mirrorPaks.autoRenew,
      purchased: mirrorPaks.purchased,
      available: mirrorPaks.available,
      capacityGb: mirrorPaks.capacityGb,
      readAt: mirrorPaks.readAt,
      customerName: customers.name,
    })
    .from(mirrorPaks)
    .leftJoin(customerDomains, eq(customerDomains.domain, mirrorPaks.domain))
    .leftJoin(customers, eq(customers.id, customerDomains.customerId))
    .where(
      and(
        scopeCondition(scope),
        "expiresOnOrBefore" in filter
          ? sql`${mirrorPaks.expires} collate "C" <= ${filter.expiresOnOrBefore}::text`
          : eq(mirrorPaks.autoRenew, filter.autoRenew),
        q
          ? or(holds(sql`${mirrorPaks.domain}`, q, DOMAIN_BREAKS), holds(customerNameLower, q, NAME_BREAKS))
          : undefined,
        after
          ? sql`(${mirrorPaks.expires} collate "C", ${mirrorPaks.domain} collate "C", ${mirrorPaks.bundleId}) > (${after.expires}::text, ${after.domain}::text, ${after.bundleId}::int)`
          : undefined,
      ),
    )
    .orderBy(
      sql`${mirrorPaks.expires} collate "C"`,
      sql`${mirrorPaks.domain} collate "C"`,
      mirrorPaks.bundleId,
    )
    .limit(limit);
}

export interface FreshnessRow {
  oldest: Date | null;
  newest: Date | null;
  unread: number;
}

/** The oldest and newest email read of the domains in reach; one pass over mirror_domains. */
export async function mirrorFreshness(scope: SearchScope): Promise<FreshnessRow> {
  const db = await getDb();
  const query = db
    .select({
      oldest: min(mirrorDomains.emailReadAt),
      newest: max(mirrorDomains.emailReadAt),
      unread: sql<number>`(count(*) filter (where ${mirrorDomains.emailReadAt} is null))::int`,
    })
    .from(mirrorDomains);
  const [row] =
    scope.kind === "customer"
      ? await query
          .innerJoin(customerDomains, eq(customerDomains.domain, mirrorDomains.domain))
          .where(eq(customerDomains.customerId, scope.customerId))
      : await query;
  return row ?? { oldest: null, newest: null, unread: 0 };
}
