import "server-only";
import { and, gte, lte } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { mirrorPaks, type PurchaseAttemptRow } from "@/lib/db/schema";
import { daysUntil } from "@/lib/domains/expiry";
import { logger } from "@/lib/logger";
import { dueReminder } from "@/lib/reminders/thresholds";
import { emitWebhookEvent, emitWebhookEvents, eventIdFor, type NewWebhookEvent } from "./emit";
import { customersOfDomains } from "./queries";

/**
 * The events of each feature, in the shapes docs/webhooks.md documents: the features call these
 * one-liners where their change is confirmed. Like `emitWebhookEvents`, none of them throws.
 */

async function customerOf(domain: string): Promise<string | null> {
  try {
    return (await customersOfDomains([domain])).get(domain.toLowerCase()) ?? null;
  } catch (error) {
    logger.warn({ err: error, domain }, "webhooks: the domain's customer could not be read");
    return null;
  }
}

// ── Mailboxes ────────────────────────────────────────────────────────────────────────────────

/** `mailbox.created` / `mailbox.deleted`, one event per mailbox the change was confirmed for. */
export async function announceMailboxes(
  type: "mailbox.created" | "mailbox.deleted",
  domain: string,
  mailboxes: readonly { userName: string; bundleId: number | null }[],
): Promise<void> {
  if (mailboxes.length === 0) return;
  const name = domain.toLowerCase();
  const customerId = await customerOf(name);
  await emitWebhookEvents(
    mailboxes.map(({ userName, bundleId }) => ({
      type,
      data: {
        domain: name,
        mailbox: `${userName}@${name}`.toLowerCase(),
        user_name: userName,
        bundle_id: bundleId,
        customer_id: customerId,
      },
    })),
  );
}

// ── Purchases ────────────────────────────────────────────────────────────────────────────────

const KIND: Record<PurchaseAttemptRow["kind"], string> = {
  purchase: "new-pak",
  "add-mailboxes": "add-mailboxes",
  "add-storage": "add-storage",
  renew: "renewal",
};

function attemptData(row: PurchaseAttemptRow): Record<string, unknown> {
  const result = (row.result ?? {}) as { expires?: unknown };
  const bundleId = row.pakId === null ? null : Number(row.pakId);
  return {
    attempt_key: row.key,
    kind: KIND[row.kind],
    domain: row.domain,
    bundle_id: Number.isFinite(bundleId) ? bundleId : null,
    order_id: row.enomOrderId,
    customer_id: row.customerId,
    expires: typeof result.expires === "string" ? result.expires : null,
    retail_cents: row.retailCents,
    cost_cents: row.costCents,
    placed_by: { email: row.actorEmail, role: row.actorRole },
  };
}

/**
 * A purchase attempt that became `ok`: `pak.renewed` for a renewal, `pak.purchased` for a new
 * pak or more mailboxes or storage (`kind` says which). Called once per attempt, where its move
 * to `ok` happens once (outcome.ts, settle.ts). The event id follows the attempt's key.
 */
export async function announceAttemptMade(row: PurchaseAttemptRow): Promise<void> {
  if (row.status !== "ok") return;
  const type = row.kind === "renew" ? "pak.renewed" : "pak.purchased";
  await emitWebhookEvent(type, attemptData(row), { id: eventIdFor(`${type}:${row.key}`) });
}

/** `purchase.unknown`: eNom's answer to the order was lost; it is being checked. */
export async function announceAttemptUnknown(row: PurchaseAttemptRow): Promise<void> {
  if (row.status !== "unknown") return;
  await emitWebhookEvent("purchase.unknown", attemptData(row), {
    id: eventIdFor(`purchase.unknown:${row.key}`),
  });
}

/**
 * `purchase.reconciled`: an unknown attempt checked against eNom, `outcome` "made" or
 * "not-made"; when made, the pak's own event follows.
 */
export async function announceAttemptReconciled(row: PurchaseAttemptRow): Promise<void> {
  if (row.reconciliation !== "made" && row.reconciliation !== "not-made") return;
  await emitWebhookEvent(
    "purchase.reconciled",
    { ...attemptData(row), outcome: row.reconciliation },
    { id: eventIdFor(`purchase.reconciled:${row.key}`) },
  );
  if (row.reconciliation === "made") await announceAttemptMade(row);
}

// ── Expiry ───────────────────────────────────────────────────────────────────────────────────

/** How long after expiring a pak is still announced as expired (an endpoint added later). */
const EXPIRED_WINDOW_DAYS = 30;

/**
 * The hourly pass (with the renewal reminders, lib/jobs/engine.ts): every pak the mirror holds
 * that is 30, 7 or 1 days from expiring gets `pak.expiring` once per threshold, and every pak that
 * expired in the last 30 days `pak.expired` once, per expiry date. Fixed event ids keep each to
 * one delivery per endpoint however many passes or instances see it. Every domain, a customer's
 * or not; no eNom call.
 */
export async function announcePakExpiries(now: Date = new Date()): Promise<number> {
  const day = 24 * 60 * 60 * 1000;
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  const db = await getDb();
  const paks = await db
    .select()
    .from(mirrorPaks)
    .where(
      and(
        gte(mirrorPaks.expires, iso(new Date(now.getTime() - EXPIRED_WINDOW_DAYS * day))),
        lte(mirrorPaks.expires, iso(new Date(now.getTime() + 31 * day))),
      ),
    );
  const customers = await customersOfDomains(paks.map((pak) => pak.domain));
  const events: NewWebhookEvent[] = [];
  for (const pak of paks) {
    const domain = pak.domain.toLowerCase();
    const daysLeft = daysUntil(pak.expires, now);
    const data = {
      domain,
      bundle_id: pak.bundleId,
      customer_id: customers.get(domain) ?? null,
      expires: pak.expires,
      auto_renew: pak.autoRenew,
      mailboxes: pak.purchased,
    };
    const key = `${domain}:${pak.bundleId}:${pak.expires}`;
    if (daysLeft < 0) {
      events.push({ type: "pak.expired", data, id: eventIdFor(`pak.expired:${key}`) });
      continue;
    }
    const threshold = dueReminder(daysLeft);
    if (threshold === null) continue;
    events.push({
      type: "pak.expiring",
      data: { ...data, days_left: daysLeft, threshold_days: threshold },
      id: eventIdFor(`pak.expiring:${key}:${threshold}`),
    });
  }
  return emitWebhookEvents(events);
}

// ── Storage and mail delivery ────────────────────────────────────────────────────────────────

/** `storage.nearly_full`, one event per mailbox whose crossing a storage alert pass recorded. */
export async function announceStorageCrossings(
  crossings: readonly {
    domain: string;
    userName: string;
    address: string;
    percent: number;
    quotaUsedMb: number;
    quotaMb: number;
  }[],
): Promise<void> {
  if (crossings.length === 0) return;
  const customers = await customersOfDomains(crossings.map((crossing) => crossing.domain)).catch(
    () => new Map<string, string>(),
  );
  await emitWebhookEvents(
    crossings.map((crossing) => ({
      type: "storage.nearly_full" as const,
      data: {
        domain: crossing.domain.toLowerCase(),
        mailbox: crossing.address.toLowerCase(),
        user_name: crossing.userName,
        customer_id: customers.get(crossing.domain.toLowerCase()) ?? null,
        percent: crossing.percent,
        quota_used_mb: crossing.quotaUsedMb,
        quota_mb: crossing.quotaMb,
      },
    })),
  );
}

/** `mail_health.changed`, when a check's status differs from the one before it. */
export async function announceMailHealthChange(stored: {
  domain: string;
  status: string;
  previousStatus: string | null;
  checkedAt: Date;
}): Promise<void> {
  if (stored.previousStatus === null || stored.previousStatus === stored.status) return;
  await emitWebhookEvent("mail_health.changed", {
    domain: stored.domain,
    customer_id: await customerOf(stored.domain),
    status: stored.status,
    previous_status: stored.previousStatus,
    checked_at: stored.checkedAt.toISOString(),
  });
}
