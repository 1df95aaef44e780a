import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { DOMAIN_FILTERS, type DomainFilter, type DomainListQuery } from "./domain-list";

/**
 * The domains list's SQL over the account mirror: one row per domain with its paks' figures, the
 * user's scope, search, filters, sort and paging all in PostgreSQL, so a 10,000-domain account
 * costs two queries and sends one page to the server.
 */

/** Whose domains: the whole account with owners (staff), or one customer's, without owners. */
export type DomainScope = { kind: "account" } | { kind: "customer"; customerId: string };

export interface DomainListSqlRow {
  domain: string;
  paks: number;
  nearest: string | null;
  purchased: number | null;
  used: number | null;
  fullPaks: number | null;
  quotas: number[] | null;
  autoRenewOn: number | null;
  storageUsed: number | null;
  storageKnown: boolean | null;
  customerId: string | null;
  customerName: string | null;
  hosting: "Registered" | "DNSHosted" | null;
}

/** The list before search and filters: every domain in scope with its figures. */
function domainsInScope(scope: DomainScope, todayIso: string, soonIso: string): SQL {
  const owners =
    scope.kind === "account"
      ? sql`left join customer_domains cd on cd.domain = md.domain left join customers c on c.id = cd.customer_id`
      : sql``;
  const ownerColumns =
    scope.kind === "account"
      ? sql`c.id::text as customer_id, c.name as customer_name`
      : sql`null::text as customer_id, null::text as customer_name`;
  const where =
    scope.kind === "customer"
      ? sql`where md.domain in (select domain from customer_domains where customer_id = ${scope.customerId})`
      : sql``;
  // The figures are kept on the domain's row (written with its paks and mailboxes): one table.
  return sql`
    select md.domain, md.hosting,
      md.pak_count as paks, md.pak_expiries[1] as nearest, md.mailboxes_purchased as purchased,
      md.mailboxes_used as used, md.full_paks, md.quotas_mb as quotas, md.auto_renew_on,
      exists (select 1 from unnest(md.pak_expiries) e where e >= ${todayIso} and e <= ${soonIso}) as expiring,
      md.storage_used_mb as storage_used, md.storage_known, ${ownerColumns}
    from mirror_domains md
    ${owners}
    ${where}`;
}

function filterCondition(filter: DomainFilter, todayIso: string): SQL {
  switch (filter) {
    case "expiring":
      return sql`coalesce(d.expiring, false)`;
    case "expired":
      return sql`coalesce(d.nearest < ${todayIso}, false)`;
    case "autoRenewOff":
      return sql`(d.paks > 0 and d.auto_renew_on < d.paks)`;
    case "full":
      return sql`coalesce(d.full_paks, 0) > 0`;
    case "mailProblems":
      // The last mail-delivery check found a problem or something to improve (lib/mail-health).
      return sql`exists (select 1 from domain_mail_health h where h.domain = d.domain and h.status in ('red', 'amber'))`;
    case "noEmail":
      return sql`d.paks = 0`;
  }
}

function orderBy(query: DomainListQuery): SQL {
  const dir = query.dir === "asc" ? sql`asc` : sql`desc`;
  // Missing values (no customer, no pak) go last in either direction; ties by name.
  switch (query.sort) {
    case "domain":
      return sql`d.domain ${dir}`;
    case "customer":
      return sql`lower(d.customer_name) ${dir} nulls last, d.domain asc`;
    case "paks":
      return sql`d.paks ${dir}, d.domain asc`;
    case "mailboxes":
      return sql`d.used ${dir} nulls last, d.purchased ${dir} nulls last, d.domain asc`;
    case "expiry":
      return sql`d.nearest ${dir} nulls last, d.domain asc`;
  }
}

export interface DomainListSqlResult {
  rows: DomainListSqlRow[];
  total: number;
  accountTotal: number;
  counts: Record<DomainFilter, number>;
  page: number;
  pageCount: number;
}

interface RawRow extends Record<string, unknown> {
  domain: string;
  paks: number;
  nearest: string | null;
  purchased: number | null;
  used: number | null;
  full_paks: number | null;
  quotas: number[] | null;
  auto_renew_on: number | null;
  storage_used: number | null;
  storage_known: boolean | null;
  customer_id: string | null;
  customer_name: string | null;
  hosting: "Registered" | "DNSHosted" | null;
}

/** The rows of a raw query (node-postgres and PGlite both answer `{ rows }`); typed by the SQL above. */
function rowsOf<T>(result: unknown): T[] {
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows))
    return result.rows as T[];
  throw new Error("The database answered a query without rows.");
}

/** One page of the domains list, with its counts, from the mirror. */
export async function queryMirrorDomainList(
  scope: DomainScope,
  query: DomainListQuery,
  dates: { todayIso: string; soonIso: string },
): Promise<DomainListSqlResult> {
  const db = await getDb();
  const base = domainsInScope(scope, dates.todayIso, dates.soonIso);
  const needle = query.q.trim().toLowerCase();
  const matches = sql.join(
    [
      needle
        ? sql`(strpos(d.domain, ${needle}) > 0 or strpos(lower(coalesce(d.customer_name, '')), ${needle}) > 0)`
        : sql`true`,
      ...query.filters.map((filter) => filterCondition(filter, dates.todayIso)),
    ],
    sql` and `,
  );
  const countColumns = sql.join(
    DOMAIN_FILTERS.map(
      (filter) =>
        sql`(count(*) filter (where ${filterCondition(filter, dates.todayIso)}))::int as ${sql.identifier(filter)}`,
    ),
    sql`, `,
  );
  const counted = await db.execute(sql`
    with d as (${base})
    select count(*)::int as account_total, (count(*) filter (where ${matches}))::int as total, ${countColumns}
    from d`);
  const totals = rowsOf<Record<string, unknown>>(counted)[0] ?? {};
  const total = Number(totals.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const result = await db.execute(sql`
    with d as (${base})
    select * from d where ${matches}
    order by ${orderBy(query)}
    limit ${query.pageSize} offset ${(page - 1) * query.pageSize}`);
  return {
    rows: rowsOf<RawRow>(result).map((row) => ({
      domain: row.domain,
      paks: Number(row.paks),
      nearest: row.nearest,
      purchased: row.purchased === null ? null : Number(row.purchased),
      used: row.used === null ? null : Number(row.used),
      fullPaks: row.full_paks === null ? null : Number(row.full_paks),
      quotas: row.quotas ? row.quotas.map(Number) : null,
      autoRenewOn: row.auto_renew_on === null ? null : Number(row.auto_renew_on),
      storageUsed: row.storage_used === null ? null : Number(row.storage_used),
      storageKnown: row.storage_known,
      customerId: row.customer_id,
      customerName: row.customer_name,
      hosting: row.hosting,
    })),
    total,
    accountTotal: Number(totals.account_total ?? 0),
    counts: Object.fromEntries(
      DOMAIN_FILTERS.map((filter) => [filter, Number(totals[filter] ?? 0)]),
    ) as Record<DomainFilter, number>,
    page,
    pageCount,
  };
}
