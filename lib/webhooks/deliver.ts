import "server-only";
import { openSecret } from "@/lib/auth/secret-box";
import { logger } from "@/lib/logger";
import { retryDelayMs } from "./model";
import { postWebhook } from "./post";
import { claimDelivery, recordAttempt } from "./queries";
import { allowPrivateWebhookUrls, webhookRetryBaseMs } from "./settings";
import { webhookHeaders } from "./signature";

/**
 * One attempt of one delivery, as the job engine's webhook worker runs it (lib/jobs/engine.ts):
 * claim the row (only one worker of one instance gets it), sign and POST the stored body, record
 * what happened, and when it failed queue the next attempt after the backoff, or give up after
 * the last. A 2xx answer is delivered; anything else, a timeout or no connection, is a failure.
 */

/** How long one POST may take. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How long a claimed attempt holds its row; longer than any POST, so none is sent twice. */
export const WEBHOOK_LEASE_MS = 60_000;

export type DeliveryAttempt =
  | { kind: "not-due" }
  | { kind: "delivered"; attempts: number; statusCode: number | null }
  | { kind: "retry"; attempts: number; retryInMs: number; error: string | null; statusCode: number | null }
  | { kind: "failed"; attempts: number; error: string | null; statusCode: number | null };

/** Puts deliveries on the queue again, to start at `startAfter`. */
export type EnqueueDeliveries = (ids: string[], startAfter?: Date) => Promise<void>;

export async function attemptDelivery(
  deliveryId: string,
  enqueue: EnqueueDeliveries,
  options: { timeoutMs?: number } = {},
): Promise<DeliveryAttempt> {
  const claimed = await claimDelivery(deliveryId, WEBHOOK_LEASE_MS);
  if (!claimed) return { kind: "not-due" };
  const { delivery } = claimed;
  const body = JSON.stringify(delivery.payload);
  let outcome: { ok: boolean; statusCode: number | null; error: string | null };
  try {
    const secret = openSecret(claimed.sealedSecret);
    const headers = webhookHeaders({ secret, id: delivery.eventId, body });
    outcome = await postWebhook(claimed.url, headers, body, {
      timeoutMs: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
      allowPrivate: allowPrivateWebhookUrls(),
    });
  } catch (error) {
    logger.error({ err: error, deliveryId }, "webhooks: an attempt failed inside the panel");
    outcome = { ok: false, statusCode: null, error: "The panel could not send this attempt." };
  }
  const attempts = delivery.attempts;
  if (outcome.ok) {
    await recordAttempt(deliveryId, attempts, {
      status: "delivered",
      statusCode: outcome.statusCode,
      error: null,
      retryInMs: null,
    });
    return { kind: "delivered", attempts, statusCode: outcome.statusCode };
  }
  const retryInMs = retryDelayMs(attempts, webhookRetryBaseMs());
  if (retryInMs === null) {
    await recordAttempt(deliveryId, attempts, {
      status: "failed",
      statusCode: outcome.statusCode,
      error: outcome.error,
      retryInMs: null,
    });
    logger.warn(
      { deliveryId, eventId: delivery.eventId, attempts, error: outcome.error },
      "webhooks: a delivery was given up",
    );
    return { kind: "failed", attempts, error: outcome.error, statusCode: outcome.statusCode };
  }
  const recorded = await recordAttempt(deliveryId, attempts, {
    status: "pending",
    statusCode: outcome.statusCode,
    error: outcome.error,
    retryInMs,
  });
  // The queue only wakes the delivery up (a little after the row is due, by the database's
  // clock); if queueing fails, the sweep queues it once it is overdue.
  if (recorded)
    await enqueue([deliveryId], new Date(Date.now() + retryInMs + 100)).catch((error: unknown) =>
      logger.warn({ err: error, deliveryId }, "webhooks: the next attempt could not be queued"),
    );
  return { kind: "retry", attempts, retryInMs, error: outcome.error, statusCode: outcome.statusCode };
}
