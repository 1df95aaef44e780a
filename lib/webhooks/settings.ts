import "server-only";
import { enomModeOf } from "@/lib/enom-mode";
import { getEnv } from "@/lib/env";

/**
 * Whether webhooks may go to loopback and private addresses: always outside production, in the
 * demo and the end-to-end runs (the panel is pointed at the eNom simulator, whose receivers run on
 * the same machine), and in production when WEBHOOK_ALLOW_PRIVATE_URLS=1.
 */
export function allowPrivateWebhookUrls(): boolean {
  const env = getEnv();
  return (
    env.NODE_ENV !== "production" ||
    env.WEBHOOK_ALLOW_PRIVATE_URLS === "1" ||
    enomModeOf(env.ENOM_BASE_URL) === "simulator"
  );
}

/** The first retry's wait; the later ones are multiples of it (model.ts `retryDelayMs`). */
export function webhookRetryBaseMs(): number {
  return getEnv().WEBHOOK_RETRY_BASE_MS;
}
