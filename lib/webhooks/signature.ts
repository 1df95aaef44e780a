import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Signatures of webhook deliveries as the Standard Webhooks specification defines them
 * (https://www.standardwebhooks.com, the scheme Svix and others use):
 *
 *   webhook-id:        the event's id, the same on every retry (receivers dedupe on it)
 *   webhook-timestamp: unix seconds of this attempt
 *   webhook-signature: "v1,<base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`>"
 *
 * keyed with the endpoint's secret, `whsec_<base64 of 32 random bytes>` (the key is the decoded
 * bytes). Several signatures may be sent separated by spaces; a receiver accepts any that matches.
 * No server-only import: a receiver written in TypeScript may use `verifyWebhookSignature` as is.
 */

export const WEBHOOK_SECRET_PREFIX = "whsec_";

/** Five minutes either way, as the specification's reference libraries allow. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/** A new signing secret: 32 random bytes, base64, with the `whsec_` prefix. */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

/** The HMAC key of a secret: its base64 part decoded (the prefix is optional). */
function keyOf(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX)
    ? secret.slice(WEBHOOK_SECRET_PREFIX.length)
    : secret;
  const key = Buffer.from(encoded, "base64");
  if (key.length === 0) throw new Error("The webhook secret is empty.");
  return key;
}

/** The `webhook-signature` header's value for one message: `v1,<base64>`. */
export function signWebhook(input: { secret: string; id: string; timestamp: number; body: string }): string {
  const digest = createHmac("sha256", keyOf(input.secret))
    .update(`${input.id}.${input.timestamp}.${input.body}`, "utf8")
    .digest("base64");
  return `v1,${digest}`;
}

/** The three headers of a delivery, signed now (or at `timestamp`, unix seconds). */
export function webhookHeaders(input: {
  secret: string;
  id: string;
  body: string;
  timestamp?: number;
}): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    "webhook-id": input.id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook({ secret: input.secret, id: input.id, timestamp, body: input.body }),
  };
}

export type WebhookVerification =
  | { ok: true; id: string; timestamp: number }
  | { ok: false; reason: "missing-headers" | "bad-timestamp" | "too-old" | "too-new" | "bad-signature" };

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(found) ? found[0] : found;
}

/**
 * What a receiver runs on each request, with the raw body exactly as received (before any JSON
 * parsing): the timestamp within the tolerance, and one of the `v1` signatures matching, compared
 * in constant time. `now` is unix seconds (tests pass their own).
 */
export function verifyWebhookSignature(input: {
  secret: string;
  headers: HeaderBag;
  body: string;
  toleranceSeconds?: number;
  now?: number;
}): WebhookVerification {
  const id = header(input.headers, "webhook-id");
  const stamp = header(input.headers, "webhook-timestamp");
  const signatures = header(input.headers, "webhook-signature");
  if (!id || !stamp || !signatures) return { ok: false, reason: "missing-headers" };
  if (!/^\d{1,12}$/.test(stamp)) return { ok: false, reason: "bad-timestamp" };
  const timestamp = Number(stamp);
  const now = input.now ?? Math.floor(Date.now() / 1000);
  const tolerance = input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  if (timestamp < now - tolerance) return { ok: false, reason: "too-old" };
  if (timestamp > now + tolerance) return { ok: false, reason: "too-new" };
  const expected = Buffer.from(
    signWebhook({ secret: input.secret, id, timestamp, body: input.body }).slice(3),
    "base64",
  );
  for (const candidate of signatures.split(" ")) {
    const [version, value] = candidate.split(",", 2);
    if (version !== "v1" || !value) continue;
    const given = Buffer.from(value, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected))
      return { ok: true, id, timestamp };
  }
  return { ok: false, reason: "bad-signature" };
}
