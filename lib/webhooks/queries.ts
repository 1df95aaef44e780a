import "server-only";
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import {
  customerDomains,
  webhookDeliveries,
  webhookEndpoints,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
  type WebhookEvent,
} from "@/lib/db/schema";
import type { WebhookPayload } from "./model";

/** The webhook tables' SQL, in one place. */

export type { WebhookDeliveryRow, WebhookEndpointRow };

function rowsOf<T>(result: unknown): T[] {
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows))
    return result.rows as T[];
  throw new Error("The database answered a query without rows.");
}

// ── Endpoints ────────────────────────────────────────────────────────────────────────────────

export async function insertEndpoint(values: {
  url: string;
  description: string;
  events: WebhookEvent[];
  sealedSecret: string;
  createdByEmail: string;
}): Promise<WebhookEndpointRow> {
  const db = await getDb();
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  if (!row) throw new Error("The webhook endpoint was not saved.");
  return row;
}

export async function findEndpoint(id: string): Promise<WebhookEndpointRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row ?? null;
}

export async function updateEndpoint(
  id: string,
  patch: Partial<Pick<WebhookEndpointRow, "url" | "description" | "events" | "enabled" | "sealedSecret">>,
): Promise<WebhookEndpointRow | null> {
  const db = await getDb();
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return row ?? null;
}

/** Deletes the endpoint and, with it, its delivery log (the foreign key cascades). */
export async function deleteEndpoint(id: string): Promise<WebhookEndpointRow | null> {
  const db = await getDb();
  const [row] = await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning();
  return row ?? null;
}

export interface EndpointStats {
  pending: number;
  failed: number;
  delivered: number;
  lastAttemptAt: Date | null;
}

/** Every endpoint, oldest first, with its deliveries counted by status. */
export async function listEndpointsWithStats(): Promise<(WebhookEndpointRow & EndpointStats)[]> {
  const db = await getDb();
  const endpoints = await db.select().from(webhookEndpoints).orderBy(webhookEndpoints.createdAt);
  if (endpoints.length === 0) return [];
  const stats = await db
    .select({
      endpointId: webhookDeliveries.endpointId,
      pending: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'pending')::int`,
      failed: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'failed')::int`,
      delivered: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'delivered')::int`,
      lastAttemptAt: sql<Date | null>`max(${webhookDeliveries.lastAttemptAt})`,
    })
    .from(webhookDeliveries)
    .groupBy(webhookDeliveries.endpointId);
  const byEndpoint = new Map(stats.map((row) => [row.endpointId, row]));
  return endpoints.map((endpoint) => {
    const row = byEndpoint.get(endpoint.id);
    const last = row?.lastAttemptAt ?? null;
    return {
      ...endpoint,
      pending: row?.pending ?? 0,
      failed: row?.failed ?? 0,
      delivered: row?.delivered ?? 0,
      lastAttemptAt: last === null ? null : new Date(last),
    };
  });
}

// ── Deliveries ───────────────────────────────────────────────────────────────────────────────

export async function listDeliveries(
  endpointId: string,
  page: number,
  pageSize: number,
): Promise<{ rows: WebhookDeliveryRow[]; total: number }> {
  const db = await getDb();
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpointId))
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

export async function findDelivery(id: string): Promise<WebhookDeliveryRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row ?? null;
}

/**
 * One delivery per (event, enabled endpoint subscribed to the event's type), in one statement.
 * An event id already delivered to an endpoint is skipped (the unique index), so an event given
 * a fixed id (a pak's "expires in 7 days") reaches each endpoint once however often it is emitted.
 */
export async function insertDeliveriesForEvents(payloads: readonly WebhookPayload[]): Promise<string[]> {
  if (payloads.length === 0) return [];
  const db = await getDb();
  const events = JSON.stringify(
    payloads.map((payload) => ({ event_id: payload.id, event_type: payload.type, payload })),
  );
  const result = await db.execute(sql`
    insert into ${webhookDeliveries} (endpoint_id, event_id, event_type, payload, next_attempt_at)
    select e.id, ev.event_id, ev.event_type, ev.payload, now()
    from ${webhookEndpoints} e
    cross join jsonb_to_recordset(${events}::jsonb) as ev(event_id uuid, event_type text, payload jsonb)
    where e.enabled and e.events @> jsonb_build_array(ev.event_type)
    on conflict (event_id, endpoint_id) do nothing
    returning id`);
  return rowsOf<{ id: string }>(result).map((row) => row.id);
}

/** A delivery to this endpoint alone, whatever it subscribes to ("send test event"). */
export async function insertDelivery(endpointId: string, payload: WebhookPayload): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      endpointId,
      eventId: payload.id,
      eventType: payload.type,
      payload: { ...payload },
      nextAttemptAt: sql`now()`,
    })
    .returning({ id: webhookDeliveries.id });
  if (!row) throw new Error("The test delivery was not saved.");
  return row.id;
}

export interface ClaimedDelivery {
  delivery: WebhookDeliveryRow;
  url: string;
  sealedSecret: string;
}

/**
 * Takes a delivery for one attempt: only while it is pending, due, and its endpoint enabled. The
 * attempt is counted and the row leased (its next attempt pushed `leaseMs` away) in the same
 * statement, so of several workers or panel instances exactly one sends it; a worker that dies
 * mid-send leaves it for the sweep once the lease is over.
 */
export async function claimDelivery(id: string, leaseMs: number): Promise<ClaimedDelivery | null> {
  const db = await getDb();
  const [row] = await db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastAttemptAt: sql`now()`,
      nextAttemptAt: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
    })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookEndpoints.id, webhookDeliveries.endpointId),
        eq(webhookEndpoints.enabled, true),
        eq(webhookDeliveries.status, "pending"),
        sql`(${webhookDeliveries.nextAttemptAt} is null or ${webhookDeliveries.nextAttemptAt} <= now())`,
      ),
    )
    .returning({
      delivery: webhookDeliveries,
      url: webhookEndpoints.url,
      sealedSecret: webhookEndpoints.sealedSecret,
    });
  return row ?? null;
}

/**
 * Records an attempt's outcome, only if the row is still this attempt's (pending, with the
 * attempt count the claim set). `retryInMs`: pending again after that wait; null: finished.
 */
export async function recordAttempt(
  id: string,
  attempts: number,
  outcome: {
    status: "pending" | "delivered" | "failed";
    statusCode: number | null;
    error: string | null;
    retryInMs: number | null;
  },
): Promise<WebhookDeliveryRow | null> {
  const db = await getDb();
  const [row] = await db
    .update(webhookDeliveries)
    .set({
      status: outcome.status,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error?.slice(0, 500) ?? null,
      deliveredAt: outcome.status === "delivered" ? sql`now()` : null,
      nextAttemptAt:
        outcome.retryInMs === null ? null : sql`now() + make_interval(secs => ${outcome.retryInMs / 1000})`,
    })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.status, "pending"),
        eq(webhookDeliveries.attempts, attempts),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * "Resend": the same event (same id and body) sent again. A delivered or failed delivery starts
 * over with a fresh run of retries; a pending one is moved to now, unless an attempt is in flight
 * (started within `leaseMs`), which must not be overtaken by a second.
 */
export async function resetDeliveryForResend(
  id: string,
  leaseMs: number,
): Promise<WebhookDeliveryRow | null> {
  const db = await getDb();
  const [row] = await db
    .update(webhookDeliveries)
    .set({
      status: "pending",
      attempts: sql`case when ${webhookDeliveries.status} = 'pending' then ${webhookDeliveries.attempts} else 0 end`,
      deliveredAt: null,
      nextAttemptAt: sql`now()`,
    })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        sql`(${webhookDeliveries.status} <> 'pending' or ${webhookDeliveries.lastAttemptAt} is null or ${webhookDeliveries.lastAttemptAt} < now() - make_interval(secs => ${leaseMs / 1000}))`,
      ),
    )
    .returning();
  return row ?? null;
}

/** Pending deliveries of enabled endpoints overdue by `graceMs` (their queued job was lost). */
export async function listOverdueDeliveryIds(graceMs: number, limit: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        eq(webhookEndpoints.enabled, true),
        sql`${webhookDeliveries.nextAttemptAt} <= now() - make_interval(secs => ${graceMs / 1000})`,
      ),
    )
    .orderBy(webhookDeliveries.nextAttemptAt)
    .limit(limit);
  return rows.map((row) => row.id);
}

/** Pending deliveries of one endpoint that are due now (it was enabled again). */
export async function listDueDeliveryIds(endpointId: string, limit: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.status, "pending"),
        sql`${webhookDeliveries.nextAttemptAt} <= now()`,
      ),
    )
    .limit(limit);
  return rows.map((row) => row.id);
}

// ── Whose domain ─────────────────────────────────────────────────────────────────────────────

/** The customer each domain is assigned to (domains of no customer are left out). */
export async function customersOfDomains(domains: readonly string[]): Promise<Map<string, string>> {
  const names = [...new Set(domains.map((domain) => domain.toLowerCase()))];
  if (names.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ domain: customerDomains.domain, customerId: customerDomains.customerId })
    .from(customerDomains)
    .where(inArray(customerDomains.domain, names));
  return new Map(rows.map((row) => [row.domain.toLowerCase(), row.customerId]));
}
