import { z } from "zod";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/db/schema";

/**
 * Webhooks as the settings screens and the actions share them: the events an endpoint may
 * subscribe to, the endpoint form's schema, and the retry schedule. No server code here.
 */

export { WEBHOOK_EVENTS, type WebhookEvent };

/** What the settings page says of each event. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "mailbox.created": "A mailbox was created",
  "mailbox.deleted": "A mailbox was deleted",
  "pak.purchased": "A pak was bought, or grew (mailboxes or storage)",
  "pak.renewed": "A pak was renewed",
  "pak.expiring": "A pak expires in 30, 7 or 1 days",
  "pak.expired": "A pak expired",
  "purchase.unknown": "The outcome of a purchase is not known yet",
  "purchase.reconciled": "An unknown purchase was checked: made or not made",
  "storage.nearly_full": "A mailbox crossed 90 % of its storage",
  "mail_health.changed": "A domain's mail delivery health changed",
};

/** The event "send test event" sends; no endpoint subscribes to it, it goes to the one asked. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

/** The body of every delivery. `id` is also the `webhook-id` header, the same on every retry. */
export interface WebhookPayload {
  id: string;
  type: WebhookEvent | typeof WEBHOOK_TEST_EVENT;
  /** ISO 8601, when the event happened (not when this attempt was sent). */
  created_at: string;
  data: Record<string, unknown>;
}

/** Attempts before a delivery is given up (the first one and seven retries). */
export const WEBHOOK_MAX_ATTEMPTS = 8;

/**
 * The wait after the nth failed attempt, in units of the base delay (30 s by default): 30 s,
 * 2 min, 10 min, 1 h, 6 h, 12 h, 24 h; about 43 hours from the first attempt to the last.
 */
const BACKOFF_STEPS = [1, 4, 20, 120, 720, 1440, 2880] as const;

/** Milliseconds to wait after `attempts` failed attempts; null once the delivery is given up. */
export function retryDelayMs(attempts: number, baseMs: number): number | null {
  if (attempts >= WEBHOOK_MAX_ATTEMPTS || attempts < 1) return null;
  const step = BACKOFF_STEPS[Math.min(attempts, BACKOFF_STEPS.length) - 1] ?? 1;
  return step * baseMs;
}

/** Delivery log rows a page shows. */
export const WEBHOOK_DELIVERIES_PAGE_SIZE = 25;

const urlSchema = z
  .string()
  .trim()
  .min(1, "Enter the address that receives the events.")
  .max(2000, "The address is too long (at most 2,000 characters).")
  .refine((value) => URL.canParse(value), {
    message: "Enter a full address, e.g. https://billing.example.com/hooks/mailpak.",
  })
  .refine((value) => !URL.canParse(value) || /^https?:$/.test(new URL(value).protocol), {
    message: "The address must start with https:// (or http://).",
  })
  .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), {
    message: "Put no user name or password in the address; check the signature instead.",
  });

const eventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1, "Choose at least one event.")
  .transform((events) => WEBHOOK_EVENTS.filter((event) => events.includes(event)));

export const createWebhookEndpointSchema = z.object({
  url: urlSchema,
  description: z.string().trim().max(200, "At most 200 characters.").default(""),
  events: eventsSchema,
});
export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointSchema>;

export const updateWebhookEndpointSchema = createWebhookEndpointSchema.extend({
  id: z.uuid(),
  enabled: z.boolean(),
});
export type UpdateWebhookEndpointInput = z.input<typeof updateWebhookEndpointSchema>;

export const webhookEndpointIdSchema = z.object({ id: z.uuid() });

export const setWebhookEnabledSchema = z.object({ id: z.uuid(), enabled: z.boolean() });

export const resendWebhookDeliverySchema = z.object({ deliveryId: z.uuid() });

/** An endpoint as the settings page shows it; never its secret. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  enabled: boolean;
  createdByEmail: string;
  createdAt: string;
  pending: number;
  failed: number;
  delivered: number;
  lastAttemptAt: string | null;
}

/** One row of an endpoint's delivery log. */
export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface WebhookDeliveryPage {
  rows: WebhookDeliveryView[];
  page: number;
  pageCount: number;
  total: number;
}
