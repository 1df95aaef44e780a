import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { logger } from "@/lib/logger";
import type { WebhookEvent, WebhookPayload } from "./model";
import { insertDeliveriesForEvents } from "./queries";

/**
 * Where the panel's features announce what happened: one call records a delivery for every
 * enabled endpoint subscribed to the event (one statement) and queues them on the job engine.
 * It never throws into the feature that called it: a failure is logged, and what was recorded is
 * sent by the sweep. Data carries names and ids (domain, mailbox, pak, order, customer), never a
 * password or secret; keys that look like one are dropped as a safety net.
 */

export interface NewWebhookEvent {
  type: WebhookEvent;
  data: Record<string, unknown>;
  /**
   * A fixed id for an event that may be noticed more than once (the hourly pass sees a pak
   * expiring in 7 days every hour): each endpoint gets it once. Default: a new random id.
   */
  id?: string;
}

const SECRET_KEYS = /pass|pw|secret|token/i;

function withoutSecrets(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !SECRET_KEYS.test(key)));
}

/** A UUID that is always the same for the same name (the form of a version 5 UUID, on SHA-256). */
export function eventIdFor(name: string): string {
  const bytes = createHash("sha256").update(`mailpak-webhook:${name}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function payloadOf(event: NewWebhookEvent, now = new Date()): WebhookPayload {
  return {
    id: event.id ?? randomUUID(),
    type: event.type,
    created_at: now.toISOString(),
    data: withoutSecrets(event.data),
  };
}

/** Records and queues the deliveries of these events; returns how many deliveries were made. */
export async function emitWebhookEvents(events: readonly NewWebhookEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  try {
    const now = new Date();
    const ids = await insertDeliveriesForEvents(events.map((event) => payloadOf(event, now)));
    if (ids.length === 0) return 0;
    try {
      const { enqueueWebhookDeliveries } = await import("@/lib/jobs/engine");
      await enqueueWebhookDeliveries(ids);
    } catch (error) {
      // Recorded and due: the sweep queues them within a couple of minutes.
      logger.warn({ err: error, deliveries: ids.length }, "webhooks: deliveries could not be queued");
    }
    return ids.length;
  } catch (error) {
    logger.error(
      { err: error, types: [...new Set(events.map((event) => event.type))] },
      "webhooks: events could not be recorded",
    );
    return 0;
  }
}

export function emitWebhookEvent(
  type: WebhookEvent,
  data: Record<string, unknown>,
  options: { id?: string } = {},
): Promise<number> {
  return emitWebhookEvents([{ type, data, ...options }]);
}
