import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import { RuleError } from "@/lib/auth/errors";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import {
  jobItems,
  jobRuns,
  purchaseAttempts,
  ROLES,
  type JobItemRow,
  type PurchaseAttemptRow,
} from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import type { ItemOutcome } from "@/lib/jobs/handler";
import { createRun } from "@/lib/jobs/runs";
import { BILLING_PERIODS } from "@/lib/validation/enom-rules";
import { announceAttemptUnknown } from "@/lib/webhooks/sources";
import { findAttempt, updateAttemptIf } from "./attempts";
import { todayIso } from "./dates";
import { renewOne, type RenewalPak } from "./renew-one";
import { renewalOrderFor } from "./renewal-command";
import { settleAfter, settleUnknown, STILL_UNKNOWN } from "./settle";
import { attemptView, type AttemptResult } from "./view";

/**
 * A renewal of a selection of paks as a job (`paks.renew`, lib/jobs/kinds/renewals.ts): one item
 * per pak's attempt, sent through the same `renewOne` as a renewal answered at once, so the
 * attempt records the outcome exactly as then. Never twice:
 *
 * - the runner sets the item's `sent_at` before `send`, and an item found sent is only read back;
 * - `send` takes the attempt out of the pool only while it is still `pending` (and touches it),
 *   so an attempt that a check settled meanwhile (settle.ts `settleStale`, which itself only
 *   writes an attempt nobody touched since it became stale) is never sent;
 * - the read-back renews nothing: a still-pending attempt becomes `unknown` as if eNom's answer
 *   was lost when the call would have timed out, then the existing settlement (GetPOP3 against
 *   the expiry before) says whether it was renewed.
 */

export const RENEW_JOB_KIND = "paks.renew";

/** Renewals of more paks than this run as a job; one pak is still renewed while the user waits. */
export const RENEW_AT_ONCE_MAX = 1;

const SENDING = "This renewal is being sent to the email service.";

const itemInputSchema = z.object({
  attemptKey: z.string().min(1),
  batchKey: z.string().min(1),
  bundleId: z.number().int(),
  years: z.number().int().min(1),
  endUserIp: z.string(),
  pak: z.object({
    domain: z.string().min(1),
    bundleId: z.number().int(),
    qtyPurchased: z.number().int(),
    expires: z.string(),
    billingPeriod: z.enum(BILLING_PERIODS).nullable(),
    prodType: z.number().int().nullable(),
  }),
});
type RenewalItemInput = z.infer<typeof itemInputSchema>;

export function renewalItemInput(item: JobItemRow): RenewalItemInput | null {
  const parsed = itemInputSchema.safeParse(item.input);
  return parsed.success ? parsed.data : null;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Records the job (its items in the order the paks were asked for) and queues it. */
export async function startRenewalJob(
  user: SessionUser,
  batchKey: string,
  renewals: readonly { row: PurchaseAttemptRow; pak: RenewalPak }[],
  years: number,
  endUserIp: string,
): Promise<string> {
  const domains = [...new Set(renewals.map(({ pak }) => pak.domain))];
  const onlyDomain = domains.length === 1 ? (domains[0] ?? null) : null;
  const run = await createRun({
    kind: RENEW_JOB_KIND,
    title: `Renew ${plural(renewals.length, "pak", "paks")} for ${plural(years, "year", "years")}${onlyDomain ? ` on ${onlyDomain}` : ""}`,
    actor: { id: user.id, email: user.email, role: user.role },
    customerId: user.role === "customer" ? user.customerId : null,
    domain: onlyDomain,
    items: renewals.map(({ row, pak }) => ({
      label: `Pak ${pak.bundleId} of ${pak.domain}`,
      input: {
        attemptKey: row.key,
        batchKey,
        bundleId: pak.bundleId,
        years,
        endUserIp,
        pak: {
          domain: pak.domain,
          bundleId: pak.bundleId,
          qtyPurchased: pak.qtyPurchased,
          expires: pak.expires,
          billingPeriod: pak.billingPeriod,
          prodType: pak.prodType,
        },
      } satisfies RenewalItemInput,
    })),
  });
  return run.id;
}

/** The job renewing this batch, if it ran as one (its first item names the batch). */
export async function findRenewalRun(batchKey: string, since: Date): Promise<string | null> {
  const db = await getDb();
  const [run] = await db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .innerJoin(jobItems, and(eq(jobItems.jobId, jobRuns.id), eq(jobItems.seq, 1)))
    .where(
      and(
        eq(jobRuns.kind, RENEW_JOB_KIND),
        // The run is recorded just after its attempts.
        gte(jobRuns.createdAt, new Date(since.getTime() - 60_000)),
        sql`${jobItems.input}->>'batchKey' = ${batchKey}`,
      ),
    )
    .limit(1);
  return run?.id ?? null;
}

/** The person who asked for the renewal, for the attempt's audit entries. */
function requesterOf(row: PurchaseAttemptRow): SessionUser {
  return {
    id: row.actorId,
    email: row.actorEmail,
    name: row.actorEmail,
    role: ROLES.find((role) => role === row.actorRole) ?? "staff",
    customerId: row.customerId,
    customerName: null,
    customer: null,
    totpEnabled: false,
  };
}

/** The attempt's outcome as the job item's; the words its requester may read (customers see their jobs). */
function outcomeOf(row: PurchaseAttemptRow, readBack: boolean): ItemOutcome {
  const message = attemptView(row, isStaffRole(requesterOf(row).role), false).message;
  const common = { enomError: row.enomError, trackingKey: row.enomTrackingKey, readBack };
  switch (row.status) {
    case "ok":
      return { status: "ok", message, ...common };
    case "failed":
      return { status: "failed", message, ...common };
    case "unknown":
      return { status: "unknown", message, ...common };
    case "pending":
      return { status: "unknown", message: STILL_UNKNOWN, ...common };
  }
}

const UNREADABLE = "The job's record of this pak could not be read; nothing was sent for it.";

/**
 * Keeps the batch's other waiting attempts from looking abandoned while the job works through
 * the paks before them (a pending attempt untouched for minutes is taken for interrupted).
 */
async function touchWaiting(batchKey: string): Promise<void> {
  const db = await getDb();
  await db
    .update(purchaseAttempts)
    .set({ updatedAt: new Date() })
    .where(and(eq(purchaseAttempts.batchKey, batchKey), eq(purchaseAttempts.status, "pending")));
}

/** The item's one send: the pak's renewal, unless its attempt was settled meanwhile. */
export async function sendRenewalItem(item: JobItemRow): Promise<ItemOutcome> {
  const input = renewalItemInput(item);
  if (!input) return { status: "failed", message: UNREADABLE };
  try {
    renewalOrderFor(input.pak, input.years);
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    const refused = await updateAttemptIf(input.attemptKey, "pending", {
      status: "failed",
      message: error.message,
    });
    return refused ? outcomeOf(refused, false) : { status: "failed", message: error.message };
  }
  const claimed = await updateAttemptIf(input.attemptKey, "pending", { message: SENDING });
  if (!claimed) {
    const now = await findAttempt(input.attemptKey);
    return {
      status: "skipped",
      message: now
        ? `Not sent: this renewal was settled meanwhile (${now.status}). ${outcomeOf(now, false).message}`
        : "Not sent: this renewal's record was not found.",
    };
  }
  await touchWaiting(input.batchKey);
  const done = await renewOne(
    claimed,
    requesterOf(claimed),
    input.pak,
    input.years,
    todayIso(),
    input.endUserIp,
  );
  return outcomeOf(done, false);
}

/**
 * An item a worker sent and died on: never renewed again. Its attempt, if still `pending`, is
 * taken as unknown from the moment the call would have timed out, then settled by reading eNom.
 */
export async function readBackRenewalItem(item: JobItemRow): Promise<ItemOutcome> {
  const input = renewalItemInput(item);
  if (!input) return { status: "unknown", message: UNREADABLE, readBack: true };
  let row = await findAttempt(input.attemptKey);
  if (!row) return { status: "unknown", message: STILL_UNKNOWN, readBack: true };
  if (row.status === "pending") {
    const gaveUpAt = (item.sentAt ?? new Date()).getTime() + getEnv().ENOM_TIMEOUT_MS;
    row =
      (await updateAttemptIf(input.attemptKey, "pending", {
        status: "unknown",
        message: STILL_UNKNOWN,
        result: {
          ...(row.result as AttemptResult),
          unknownAt: new Date(gaveUpAt).toISOString(),
          settleAfter: settleAfter(true, gaveUpAt),
        },
      })) ??
      (await findAttempt(input.attemptKey)) ??
      row;
  }
  await announceAttemptUnknown(row);
  return outcomeOf(await settleUnknown(row, requesterOf(row), { fresh: false }), true);
}

/** Items never sent (a cancelled job): their attempts renewed nothing, and say so. */
export async function settleUnsentRenewals(items: readonly JobItemRow[]): Promise<void> {
  for (const item of items) {
    if (item.status !== "skipped" || item.sentAt !== null) continue;
    const input = renewalItemInput(item);
    if (!input) continue;
    await updateAttemptIf(input.attemptKey, "pending", {
      status: "failed",
      message: `${item.message} Nothing was renewed for this pak.`.trim(),
    });
  }
}
