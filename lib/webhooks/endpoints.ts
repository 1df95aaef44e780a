import "server-only";
import { randomUUID } from "node:crypto";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { can, isStaffRole } from "@/lib/auth/permissions";
import { sealSecret } from "@/lib/auth/secret-box";
import type { SessionUser } from "@/lib/auth/session";
import { WEBHOOK_LEASE_MS } from "./deliver";
import {
  WEBHOOK_DELIVERIES_PAGE_SIZE,
  WEBHOOK_TEST_EVENT,
  type WebhookDeliveryPage,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookEvent,
  type WebhookPayload,
} from "./model";
import {
  deleteEndpoint,
  findDelivery,
  findEndpoint,
  insertDelivery,
  insertEndpoint,
  listDeliveries,
  listDueDeliveryIds,
  listEndpointsWithStats,
  resetDeliveryForResend,
  updateEndpoint,
  type EndpointStats,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from "./queries";
import { allowPrivateWebhookUrls } from "./settings";
import { generateWebhookSecret } from "./signature";
import { webhookUrlProblem } from "./url-policy";

/**
 * The webhooks feature's door for the settings pages and actions: every read and write checks
 * that the caller is an admin (`settings.manage`); anyone else on staff is refused, a customer
 * is told it does not exist. Secrets are sealed at rest and returned only when made.
 */

export function requireWebhookManager(user: SessionUser): void {
  if (!isStaffRole(user.role)) throw new NotFoundError("That page");
  if (!can(user, "settings.manage")) throw new ForbiddenError("Only an admin can manage webhooks.");
}

function endpointView(row: WebhookEndpointRow & Partial<EndpointStats>): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt.toISOString(),
    pending: row.pending ?? 0,
    failed: row.failed ?? 0,
    delivered: row.delivered ?? 0,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
  };
}

function deliveryView(row: WebhookDeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: row.status === "pending" ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function getWebhookEndpoints(user: SessionUser): Promise<WebhookEndpointView[]> {
  requireWebhookManager(user);
  return (await listEndpointsWithStats()).map(endpointView);
}

export async function getWebhookEndpoint(user: SessionUser, id: string): Promise<WebhookEndpointView> {
  requireWebhookManager(user);
  const endpoint = (await listEndpointsWithStats()).find((row) => row.id === id);
  if (!endpoint) throw new NotFoundError("That webhook endpoint");
  return endpointView(endpoint);
}

/** An endpoint's delivery log, newest first, one page. */
export async function getWebhookDeliveries(
  user: SessionUser,
  endpointId: string,
  page: number,
): Promise<WebhookDeliveryPage> {
  requireWebhookManager(user);
  if (!(await findEndpoint(endpointId))) throw new NotFoundError("That webhook endpoint");
  const wanted = Number.isInteger(page) && page >= 1 ? page : 1;
  const { rows, total } = await listDeliveries(endpointId, wanted, WEBHOOK_DELIVERIES_PAGE_SIZE);
  return {
    rows: rows.map(deliveryView),
    page: wanted,
    pageCount: Math.max(1, Math.ceil(total / WEBHOOK_DELIVERIES_PAGE_SIZE)),
    total,
  };
}

/** Why the panel will not send to this URL here, or null. */
export function endpointUrlProblem(url: string): string | null {
  return webhookUrlProblem(url, { allowPrivate: allowPrivateWebhookUrls() });
}

export async function createWebhookEndpoint(
  user: SessionUser,
  input: { url: string; description: string; events: WebhookEvent[] },
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  requireWebhookManager(user);
  const secret = generateWebhookSecret();
  const row = await insertEndpoint({
    url: input.url,
    description: input.description,
    events: input.events,
    sealedSecret: sealSecret(secret),
    createdByEmail: user.email,
  });
  return { endpoint: endpointView(row), secret };
}

export async function updateWebhookEndpoint(
  user: SessionUser,
  input: { id: string; url: string; description: string; events: WebhookEvent[]; enabled: boolean },
): Promise<{ before: WebhookEndpointView; after: WebhookEndpointView }> {
  requireWebhookManager(user);
  const before = await findEndpoint(input.id);
  if (!before) throw new NotFoundError("That webhook endpoint");
  const after = await updateEndpoint(input.id, {
    url: input.url,
    description: input.description,
    events: input.events,
    enabled: input.enabled,
  });
  if (!after) throw new NotFoundError("That webhook endpoint");
  if (!before.enabled && after.enabled) await wakeDueDeliveries(after.id);
  return { before: endpointView(before), after: endpointView(after) };
}

export async function setWebhookEndpointEnabled(
  user: SessionUser,
  id: string,
  enabled: boolean,
): Promise<{ before: WebhookEndpointView; after: WebhookEndpointView }> {
  requireWebhookManager(user);
  const before = await findEndpoint(id);
  if (!before) throw new NotFoundError("That webhook endpoint");
  const after = await updateEndpoint(id, { enabled });
  if (!after) throw new NotFoundError("That webhook endpoint");
  if (!before.enabled && enabled) await wakeDueDeliveries(id);
  return { before: endpointView(before), after: endpointView(after) };
}

/** A disabled endpoint's deliveries wait; enabled again, the due ones are sent at once. */
async function wakeDueDeliveries(endpointId: string): Promise<void> {
  const ids = await listDueDeliveryIds(endpointId, 1000);
  if (ids.length === 0) return;
  const { enqueueWebhookDeliveries } = await import("@/lib/jobs/engine");
  await enqueueWebhookDeliveries(ids);
}

/** A new secret, replacing the old at once; returned this once. */
export async function rollWebhookSecret(
  user: SessionUser,
  id: string,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  requireWebhookManager(user);
  const secret = generateWebhookSecret();
  const row = await updateEndpoint(id, { sealedSecret: sealSecret(secret) });
  if (!row) throw new NotFoundError("That webhook endpoint");
  return { endpoint: endpointView(row), secret };
}

export async function removeWebhookEndpoint(user: SessionUser, id: string): Promise<WebhookEndpointView> {
  requireWebhookManager(user);
  const row = await deleteEndpoint(id);
  if (!row) throw new NotFoundError("That webhook endpoint");
  return endpointView(row);
}

/** "Send test event": a `webhook.test` event to this endpoint alone, queued like any other. */
export async function sendTestWebhook(
  user: SessionUser,
  id: string,
): Promise<{ endpoint: WebhookEndpointView; eventId: string }> {
  requireWebhookManager(user);
  const endpoint = await findEndpoint(id);
  if (!endpoint) throw new NotFoundError("That webhook endpoint");
  const payload: WebhookPayload = {
    id: randomUUID(),
    type: WEBHOOK_TEST_EVENT,
    created_at: new Date().toISOString(),
    data: { endpoint_id: endpoint.id, message: "A test event from Mailpak's webhook settings." },
  };
  const deliveryId = await insertDelivery(endpoint.id, payload);
  const { enqueueWebhookDeliveries } = await import("@/lib/jobs/engine");
  await enqueueWebhookDeliveries([deliveryId]);
  return { endpoint: endpointView(endpoint), eventId: payload.id };
}

/** "Resend": the same event id and body, sent again (a new run of retries if it had finished). */
export async function resendWebhookDelivery(
  user: SessionUser,
  deliveryId: string,
): Promise<{ delivery: WebhookDeliveryView; endpoint: WebhookEndpointView } | { inFlight: true }> {
  requireWebhookManager(user);
  const current = await findDelivery(deliveryId);
  if (!current) throw new NotFoundError("That delivery");
  const endpoint = await findEndpoint(current.endpointId);
  if (!endpoint) throw new NotFoundError("That delivery");
  const row = await resetDeliveryForResend(deliveryId, WEBHOOK_LEASE_MS);
  if (!row) return { inFlight: true };
  const { enqueueWebhookDeliveries } = await import("@/lib/jobs/engine");
  await enqueueWebhookDeliveries([row.id]);
  return { delivery: deliveryView(row), endpoint: endpointView(endpoint) };
}
