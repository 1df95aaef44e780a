import "server-only";
import { and, asc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { customerDomains, customers, purchaseAttempts } from "@/lib/db/schema";
import type { OrderPosition } from "./cursor";
import type { OrderFilter } from "./model";

/**
 * The order history's SQL over `purchase_attempts` (every purchase, growth and renewal made from
 * the wizards). Every statement takes the caller's scope: a customer's rows are joined through
 * customer_domains on their own customer id, so no filter, page or text reaches another
 * customer's order. Newest first, by (time, key) so a page boundary is exact.
 */

export type OrderScope =
  | { kind: "account" }
  /** A customer's people: orders placed by them (or this user) on domains that are theirs now. */
  | { kind: "customer"; customerId: string; userId: string };

const attempt = purchaseAttempts;

/** The customer an order belongs to: the one that placed it, else the one owning the domain. */
const ownerId = sql`coalesce(${attempt.customerId}, ${customerDomains.customerId})`;

/** The row's time to the microsecond, in UTC: the cursor's position (cursor.ts). */
const position = sql<string>`to_char(${attempt.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** `value` as a `like` pattern, its wildcards taken literally. */
function likePattern(value: string, where: "prefix" | "anywhere"): string {
  const escaped = value.replace(/[\\%_]/g, (character) => `\\${character}`);
  return where === "prefix" ? `${escaped}%` : `%${escaped}%`;
}

function like(column: SQL, pattern: string): SQL {
  return sql`${column} like ${pattern} escape '\\'`;
}

function scopeCondition(scope: OrderScope): SQL | undefined {
  if (scope.kind === "account") return undefined;
  return and(
    eq(customerDomains.customerId, scope.customerId),
    or(eq(attempt.customerId, scope.customerId), eq(attempt.actorId, scope.userId)),
  );
}

function filterConditions(filter: OrderFilter): SQL[] {
  const parts: SQL[] = [];
  if (filter.kind) parts.push(eq(attempt.kind, filter.kind));
  if (filter.outcome) parts.push(eq(attempt.status, filter.outcome));
  if (filter.domain) parts.push(like(sql`lower(${attempt.domain})`, likePattern(filter.domain, "prefix")));
  if (filter.customerId) parts.push(sql`${ownerId} = ${filter.customerId}::uuid`);
  if (filter.from) parts.push(gte(attempt.createdAt, filter.from));
  if (filter.to) parts.push(lt(attempt.createdAt, filter.to));
  if (filter.q) {
    const q = filter.q.toLowerCase();
    const text = or(
      like(sql`lower(${attempt.domain})`, likePattern(q, "anywhere")),
      like(sql`lower(coalesce(${attempt.enomOrderId}, ''))`, likePattern(q, "prefix")),
    );
    if (text) parts.push(text);
  }
  return parts;
}

export interface OrderRecord {
  key: string;
  kind: (typeof attempt.$inferSelect)["kind"];
  status: (typeof attempt.$inferSelect)["status"];
  domain: string;
  pakId: string | null;
  request: Record<string, unknown>;
  result: Record<string, unknown>;
  actorId: string;
  actorEmail: string;
  actorRole: string;
  customerId: string | null;
  retailCents: number | null;
  costCents: number | null;
  enomOrderId: string | null;
  createdAt: Date;
  position: string;
  customerName: string | null;
}

/** Up to `limit` orders in the scope and filter, newest first, after `after` when given. */
export async function selectOrders(
  scope: OrderScope,
  filter: OrderFilter,
  options: { after: OrderPosition | null; limit: number },
): Promise<OrderRecord[]> {
  const { after, limit } = options;
  const db = await getDb();
  return db
    .select({
      key: attempt.key,
      kind: attempt.kind,
      status: attempt.status,
      domain: attempt.domain,
      pakId: attempt.pakId,
      request: attempt.request,
      result: attempt.result,
      actorId: attempt.actorId,
      actorEmail: attempt.actorEmail,
      actorRole: attempt.actorRole,
      customerId: attempt.customerId,
      retailCents: attempt.retailCents,
      costCents: attempt.costCents,
      enomOrderId: attempt.enomOrderId,
      createdAt: attempt.createdAt,
      position,
      customerName: customers.name,
    })
    .from(attempt)
    .leftJoin(customerDomains, eq(customerDomains.domain, attempt.domain))
    .leftJoin(customers, sql`${customers.id} = ${ownerId}`)
    .where(
      and(
        scopeCondition(scope),
        ...filterConditions(filter),
        after
          ? sql`(${attempt.createdAt}, ${attempt.key} collate "C") < (${after.at}::timestamptz, ${after.key}::text collate "C")`
          : undefined,
      ),
    )
    .orderBy(sql`${attempt.createdAt} desc`, sql`${attempt.key} collate "C" desc`)
    .limit(limit);
}

/** Every customer, by name, for the staff page's customer filter. */
export async function selectCustomerOptions(): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  return db.select({ id: customers.id, name: customers.name }).from(customers).orderBy(asc(customers.name));
}
