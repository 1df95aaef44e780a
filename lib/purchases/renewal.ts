import "server-only";
import { RuleError } from "@/lib/auth/errors";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { PurchaseAttemptRow } from "@/lib/db/schema";
import { priceListsForOrder } from "@/lib/pricing/customer-prices";
import type { RenewRequest } from "@/lib/validation/purchases";
import { requireOwnAttempt } from "@/lib/auth/guards";
import { CHANGED_CHOICES, findBatch } from "./attempts";
import { claimThroughGate, peekConfirmation, settleHolds, type Gate } from "./gate";
import { todayIso } from "./dates";
import { readBalance, readPakFacts } from "./enom-reads";
import { priceRenewal, quoteFor } from "./quote";
import { renewOne } from "./renew-one";
import { findRenewalRun, RENEW_AT_ONCE_MAX, startRenewalJob } from "./renewal-job";
import {
  canonicalRequest,
  fingerprintOf,
  normaliseRequest,
  summaryOf,
  type RenewOneRequest,
} from "./request";
import { auditRepeat, endUserIp, gateAnswer, refuseUnaffordable, replayOf, type Refusal } from "./purchase";
import { monthSpendingOf, refuseByCustomerPolicy, refuseOverLimit, type PolicyOptions } from "./spend-limit";
import type { Quote, RenewalBatchView } from "./types";
import { attemptView } from "./view";

/**
 * Renewing one pak or several, paid from the account balance, once per idempotency key (and once
 * per pak and term within the window whatever the key, gate.ts): each pak
 * is its own attempt (`<key>:<bundleId>`) in a batch (`<key>`), renewed with the command for its
 * product (renew-one.ts), each with its own outcome, and its new expiry read back from GetPOP3
 * (RenewPOPBundle answers only an order id). One pak is renewed while the user waits; a selection
 * runs as a job (renewal-job.ts), and the submit answers at once with the attempts pending and
 * the job's id. The caller has checked the user's right to every domain and the permission; the
 * domains are normalised.
 */

/** The paks asked for, each once, in the order given. */
export function distinctItems(request: RenewRequest): RenewRequest["items"] {
  const seen = new Set<string>();
  return request.items.filter((item) => {
    const id = `${item.domain}/${item.bundleId}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export async function quoteRenewal(user: SessionUser, request: RenewRequest): Promise<Quote> {
  const staff = isStaffRole(user.role);
  const paks = await readPakFacts(distinctItems(request));
  // Each pak at the prices of its customer (lib/pricing/customer-prices.ts).
  const lists = await priceListsForOrder(user, paksDomains(paks));
  const priced = priceRenewal(lists, paks, request.years, todayIso());
  const quote = quoteFor(priced, staff, staff ? await readBalance() : null);
  return staff ? quote : { ...quote, spending: await monthSpendingOf(user) };
}

const paksDomains = (paks: readonly { domain: string }[]) => paks.map((pak) => pak.domain);

export const attemptKeyOf = (batchKey: string, bundleId: number) => `${batchKey}:${bundleId}`;

function oneRequest(item: { domain: string; bundleId: number }, years: number): RenewOneRequest {
  return { kind: "renew", domain: item.domain, bundleId: item.bundleId, years };
}

/**
 * The batch as this submit left it (`fresh`), or as a repeated submit finds it: an attempt still
 * with eNom is waited for and an unknown one checked, except those a job has yet to send.
 */
async function batchView(
  rows: PurchaseAttemptRow[],
  user: SessionUser,
  batchKey: string,
  fresh: boolean,
  runId: string | null,
): Promise<RenewalBatchView> {
  const staff = isStaffRole(user.role);
  const attempts = [];
  for (const row of rows)
    attempts.push(
      fresh
        ? attemptView(row, staff, false)
        : runId !== null && row.status === "pending"
          ? attemptView(row, staff, true)
          : await replayOf(row, user),
    );
  return { batchKey, attempts, earlier: null, runId };
}

/** The confirmation's subject for a renewal: every pak of it, with the years. */
const renewalFingerprint = (fingerprints: string[]) => JSON.stringify([...fingerprints].sort());

async function replayBatch(
  batchKey: string,
  user: SessionUser,
  wanted: Record<string, unknown>[],
  items: RenewRequest["items"],
): Promise<{ ok: true; data: RenewalBatchView }> {
  const existing = await findBatch(batchKey);
  for (const row of existing) requireOwnAttempt(row, user);
  const asked = new Set(wanted.map(canonicalRequest));
  if (existing.length !== wanted.length || existing.some((row) => !asked.has(canonicalRequest(row.request))))
    throw new RuleError(CHANGED_CHOICES);
  const first = existing[0];
  const runId =
    first && existing.length > RENEW_AT_ONCE_MAX ? await findRenewalRun(batchKey, first.createdAt) : null;
  return {
    ok: true,
    data: await batchView(ordered(existing, items, batchKey), user, batchKey, false, runId),
  };
}

async function stoppedAtGate(
  gate: Exclude<Gate, { kind: "clear" }>,
  user: SessionUser,
  fingerprint: string,
  batchKey: string,
): Promise<{ ok: true; data: RenewalBatchView }> {
  const { views, earlier } = await gateAnswer(gate, user, fingerprint);
  const first = gate.kind === "same-order" ? gate.earlier[0] : gate.holds[0];
  // The earlier order's page: its renewal batch, or the purchase itself.
  return {
    ok: true,
    data: { batchKey: first?.batchKey ?? first?.key ?? batchKey, attempts: views, earlier },
  };
}

export async function submitRenewal(
  user: SessionUser,
  batchKey: string,
  request: RenewRequest,
  confirmation: string | null = null,
  options: PolicyOptions = {},
): Promise<{ ok: true; data: RenewalBatchView } | Refusal> {
  const items = distinctItems(request);
  const wanted = items.map((item) => normaliseRequest(oneRequest(item, request.years)));

  if ((await findBatch(batchKey)).length > 0) return replayBatch(batchKey, user, wanted, items);

  const fingerprints = items.map((item) => fingerprintOf(oneRequest(item, request.years)));
  const fingerprint = renewalFingerprint(fingerprints);
  const subject = { domains: [...new Set(items.map((item) => item.domain))], fingerprints };
  let confirmed = new Set<string>();
  if (confirmation) {
    const found = await peekConfirmation(confirmation, user, fingerprint);
    if (found.kind === "used") return replayBatch(found.usedFor, user, wanted, items);
    confirmed = found.earlierKeys;
  }
  const early = await settleHolds(subject, user, confirmed);
  if (early.kind !== "clear") return stoppedAtGate(early, user, fingerprint, batchKey);

  // Every pak must be eNom's pak of the domain named with it, before anything is written.
  const paks = await readPakFacts(items);
  const today = todayIso();
  // Each pak at the prices of its customer (lib/pricing/customer-prices.ts).
  const lists = await priceListsForOrder(user, paksDomains(paks));
  const priced = priceRenewal(lists, paks, request.years, today);
  const target = {
    action: "pak.renew",
    domain: items.length === 1 ? (items[0]?.domain ?? null) : null,
    pakId: items.length === 1 ? String(items[0]?.bundleId) : null,
    key: batchKey,
    request: { items, years: request.years },
  };
  // A customer's own limits (monthly spending, approval by staff) come first.
  const policy = await refuseByCustomerPolicy(user, priced.retailCents, target, options);
  if (policy.refusal !== null) return policy.refusal;
  const approver = options.approvedBy ?? null;
  const refusal = await refuseUnaffordable(user, priced, await readBalance(), target, approver ?? user);
  if (refusal) return refusal;

  const claim = await claimThroughGate(
    paks.map((pak, index) => ({
      key: attemptKeyOf(batchKey, pak.bundleId),
      batchKey,
      kind: "renew" as const,
      status: "pending" as const,
      actorId: user.id,
      actorEmail: user.email,
      actorRole: user.role,
      customerId: user.customerId,
      domain: pak.domain,
      pakId: String(pak.bundleId),
      request: wanted[index] ?? {},
      fingerprint: fingerprints[index] ?? null,
      repeatOf: [...confirmed][0] ?? null,
      before: {
        paks: [
          {
            bundleId: pak.bundleId,
            qtyPurchased: pak.qtyPurchased,
            quotaMb: null,
            expires: pak.expires,
            prodType: pak.prodType,
          },
        ],
      },
      costCents: priced.lines[index]?.costCents ?? null,
      retailCents: priced.lines[index]?.retailCents ?? null,
      message: "This renewal is being processed.",
    })),
    {
      ...subject,
      confirmation: confirmation ? { token: confirmation, user, fingerprint } : null,
      spend: policy.check,
    },
    batchKey,
  );
  switch (claim.kind) {
    case "over-limit":
      if (!policy.check) throw new Error("a claim without a spending limit came back over it");
      return refuseOverLimit(user, target, policy.check, claim.spentCents, approver);
    case "key-exists":
      // Another request with this key got there first: its result is this one's.
      return replayBatch(batchKey, user, wanted, items);
    case "confirmation-used":
      return replayBatch(claim.usedFor, user, wanted, items);
    case "same-order":
    case "domain-held":
      return stoppedAtGate(claim, user, fingerprint, batchKey);
    case "claimed":
      break;
  }
  if (confirmation)
    await auditRepeat(
      user,
      "pak.renew",
      items.map((item) => summaryOf(oneRequest(item, request.years))).join("; "),
      claim.rows,
      confirmed,
    );
  const renewals = paks.flatMap((pak) => {
    const row = claim.rows.find((candidate) => candidate.key === attemptKeyOf(batchKey, pak.bundleId));
    return row ? [{ row, pak }] : [];
  });
  const ip = await endUserIp();
  if (renewals.length > RENEW_AT_ONCE_MAX) {
    const runId = await startRenewalJob(user, batchKey, renewals, request.years, ip);
    const rows = ordered(
      renewals.map(({ row }) => row),
      items,
      batchKey,
    );
    return { ok: true, data: await batchView(rows, user, batchKey, true, runId) };
  }
  const done: PurchaseAttemptRow[] = [];
  for (const { row, pak } of renewals) done.push(await renewOne(row, user, pak, request.years, today, ip));
  return { ok: true, data: await batchView(ordered(done, items, batchKey), user, batchKey, true, null) };
}

/** A batch's rows in the order the paks were asked for. */
function ordered(rows: PurchaseAttemptRow[], items: RenewRequest["items"], batchKey: string) {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return items
    .map((item) => byKey.get(attemptKeyOf(batchKey, item.bundleId)))
    .filter((row): row is PurchaseAttemptRow => row !== undefined);
}
