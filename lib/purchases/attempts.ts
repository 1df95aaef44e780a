import "server-only";
import { and, asc, desc, eq, inArray, lt, ne } from "drizzle-orm";
import { RuleError } from "@/lib/auth/errors";
import { requireOwnAttempt } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { purchaseAttempts, type PurchaseAttemptRow } from "@/lib/db/schema";
import { BILLING_PERIODS, type BillingPeriod } from "@/lib/validation/enom-rules";
import { sameRequest } from "./request";

/**
 * The purchase attempts table: the idempotency keys of the wizards. A key is written before eNom
 * is called (through gate.ts), so a repeated submit (double click, refresh) finds it and gets the
 * first attempt's result instead of buying again; the same order under another key (another tab,
 * device or person) is caught by the attempt's fingerprint at the gate.
 */
export type NewAttempt = typeof purchaseAttempts.$inferInsert;
export type AttemptPatch = Partial<
  Pick<
    PurchaseAttemptRow,
    | "status"
    | "reconciliation"
    | "pakId"
    | "result"
    | "message"
    | "costCents"
    | "enomOrderId"
    | "enomTrackingKey"
    | "enomError"
  >
>;

export const CHANGED_CHOICES =
  "This form was already submitted with other choices. Start again to make a new purchase.";

export async function findAttempt(key: string): Promise<PurchaseAttemptRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(purchaseAttempts).where(eq(purchaseAttempts.key, key));
  return row ?? null;
}

/** A bulk renewal's attempts, in the order they were made. */
export async function findBatch(batchKey: string): Promise<PurchaseAttemptRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(purchaseAttempts)
    .where(eq(purchaseAttempts.batchKey, batchKey))
    .orderBy(asc(purchaseAttempts.createdAt), asc(purchaseAttempts.key));
}

/**
 * A key is only ever replayed to the person who submitted it, with the same choices: anyone else
 * is told it does not exist, and changed choices are refused rather than silently ignored.
 */
export function checkReplay(
  row: PurchaseAttemptRow,
  user: SessionUser,
  request: Record<string, unknown>,
): void {
  requireOwnAttempt(row, user);
  if (!sameRequest(row.request, request)) throw new RuleError(CHANGED_CHOICES);
}

export async function updateAttempt(key: string, patch: AttemptPatch): Promise<PurchaseAttemptRow> {
  const db = await getDb();
  const [row] = await db
    .update(purchaseAttempts)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(purchaseAttempts.key, key))
    .returning();
  if (!row) throw new Error(`purchase attempt ${key} not found for update`);
  return row;
}

/**
 * Moves an attempt out of `from` only if it is still there: two panel instances checking the
 * same unknown attempt settle it once. Null when someone else got there first. With
 * `untouchedSince`, only if nothing changed it since then either (a renewal job about to send it
 * touches it first: renewal-job.ts).
 */
export async function updateAttemptIf(
  key: string,
  from: PurchaseAttemptRow["status"],
  patch: AttemptPatch,
  options: { untouchedSince?: Date } = {},
): Promise<PurchaseAttemptRow | null> {
  const db = await getDb();
  const [row] = await db
    .update(purchaseAttempts)
    .set({ ...patch, updatedAt: new Date() })
    .where(
      and(
        eq(purchaseAttempts.key, key),
        eq(purchaseAttempts.status, from),
        options.untouchedSince ? lt(purchaseAttempts.updatedAt, options.untouchedSince) : undefined,
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Paks that other purchases of this domain are known to have bought (a new pak, or more mailboxes
 * that eNom may have opened as a new pak): not evidence for this one.
 */
export async function claimedPakIds(domain: string, exceptKey: string): Promise<Set<number>> {
  const db = await getDb();
  const rows = await db
    .select({ pakId: purchaseAttempts.pakId })
    .from(purchaseAttempts)
    .where(
      and(
        eq(purchaseAttempts.domain, domain),
        inArray(purchaseAttempts.kind, ["purchase", "add-mailboxes"]),
        eq(purchaseAttempts.status, "ok"),
        ne(purchaseAttempts.key, exceptKey),
      ),
    );
  return new Set(rows.map((row) => Number(row.pakId)).filter(Number.isFinite));
}

/**
 * What Mailpak recorded about a pak's make-up: the capacity and billing period it bought it with,
 * the storage it added. eNom reports neither the capacity apart from the storage nor the billing
 * period (GetPOP3's Pak has Quota, no BillingPeriod), so a pak bought elsewhere has nulls.
 */
export async function recordedShapeOf(
  domain: string,
  bundleId: number,
): Promise<{ capacityGb: number | null; storageUnits: number | null; billingPeriod: BillingPeriod | null }> {
  const db = await getDb();
  const rows = await db
    .select({ kind: purchaseAttempts.kind, request: purchaseAttempts.request })
    .from(purchaseAttempts)
    .where(
      and(
        eq(purchaseAttempts.domain, domain),
        eq(purchaseAttempts.pakId, String(bundleId)),
        eq(purchaseAttempts.status, "ok"),
        inArray(purchaseAttempts.kind, ["purchase", "add-storage"]),
      ),
    );
  const bought = rows.find((row) => row.kind === "purchase");
  const capacityGb = typeof bought?.request.capacityGb === "number" ? bought.request.capacityGb : null;
  const billing = bought?.request.billingPeriod;
  const billingPeriod = BILLING_PERIODS.find((period) => period === billing) ?? null;
  // Storage added through Mailpak is only the whole story when Mailpak also bought the pak.
  const storageUnits = bought
    ? rows
        .filter((row) => row.kind === "add-storage")
        .reduce((sum, row) => sum + (typeof row.request.units === "number" ? row.request.units : 0), 0)
    : null;
  return { capacityGb, storageUnits, billingPeriod };
}

/** Recent attempts of a domain, newest first. */
export async function listAttemptsOfDomain(domain: string, limit = 20): Promise<PurchaseAttemptRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(purchaseAttempts)
    .where(eq(purchaseAttempts.domain, domain))
    .orderBy(desc(purchaseAttempts.createdAt))
    .limit(limit);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for an attempt made by another request (the other half of a double click, another panel
 * instance) to leave `pending`, so both requests show the same result. Gives up after `timeoutMs`
 * and returns it as it is then.
 */
export async function waitUntilSettled(
  key: string,
  options: { timeoutMs: number; pollMs?: number },
): Promise<PurchaseAttemptRow | null> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const row = await findAttempt(key);
    if (!row || row.status !== "pending" || Date.now() >= deadline) return row;
    await sleep(options.pollMs ?? 150);
  }
}
