import "server-only";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/auth/errors";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { PurchaseAttemptRow } from "@/lib/db/schema";
import { getEnomClient, type Purchase } from "@/lib/enom";
import { getEnv } from "@/lib/env";
import { priceListForOrder } from "@/lib/pricing/customer-prices";
import { getRequestContext } from "@/lib/request-context";
import type { PurchaseRequest } from "@/lib/validation/purchases";
import { requireOwnAttempt } from "@/lib/auth/guards";
import { checkReplay, claimedPakIds, findAttempt, waitUntilSettled } from "./attempts";
import { claimThroughGate, issueConfirmation, peekConfirmation, settleHolds, type Gate } from "./gate";
import { todayIso } from "./dates";
import { endUserIpOf } from "./end-user-ip";
import { readBackDomain, readBalance, readDomainEmail, readPakFacts } from "./enom-reads";
import { recordOrderDone, recordOrderFailure } from "./outcome";
import {
  dollars,
  mailboxCountOf,
  pricePurchase,
  quoteFor,
  type BalanceReading,
  type PakFacts,
  type Priced,
} from "./quote";
import { readBackPurchase } from "./read-back";
import { monthSpendingOf, refuseByCustomerPolicy, refuseOverLimit, type PolicyOptions } from "./spend-limit";
import { fingerprintOf, normaliseRequest, summaryOf } from "./request";
import { AUDIT_ACTION, beforeOf, settleStale, settleUnknown, snapshotOf } from "./settle";
import type { AttemptView, EarlierOrder, Quote } from "./types";
import { attemptView, earlierOrderOf } from "./view";

/**
 * Buying a new pak and growing one (PurchaseServices), once per idempotency key, and once per
 * thing bought within the window whatever the key (gate.ts). The caller (the action) has checked
 * the user's right to the domain and the permission; `request.domain` is the normalised name it
 * returned.
 */

export type Refusal = { ok: false; message: string };

async function pakOf(request: PurchaseRequest): Promise<PakFacts | null> {
  if (request.kind === "purchase") return null;
  const [pak] = await readPakFacts([{ domain: request.domain, bundleId: request.bundleId }]);
  return pak ?? null;
}

export async function quotePurchase(user: SessionUser, request: PurchaseRequest): Promise<Quote> {
  const staff = isStaffRole(user.role);
  const pak = await pakOf(request);
  const priced = pricePurchase(await priceListForOrder(user, request.domain), request, pak, todayIso());
  const quote = quoteFor(priced, staff, staff ? await readBalance() : null);
  return staff ? quote : { ...quote, spending: await monthSpendingOf(user) };
}

/** eNom's EndUserIP for this request. */
export async function endUserIp(): Promise<string> {
  return endUserIpOf((await getRequestContext()).ip);
}

/** How long a repeated submit waits for the first one, still with eNom, to finish. */
function settleWaitMs(): number {
  return getEnv().ENOM_TIMEOUT_MS + 10_000;
}

/**
 * The stored attempt for a repeated submit. One still in flight is waited for, so a double click
 * shows the same result twice; an unknown one is checked first (a read, never a new order).
 */
export async function replayOf(row: PurchaseAttemptRow, user: SessionUser): Promise<AttemptView> {
  return attemptView(await replayRow(row, user), isStaffRole(user.role), true);
}

/**
 * Refuses an order the balance cannot cover before anything is stored, so the same form can be
 * sent again once the reseller has topped up. A customer is not told the reseller's balance; the
 * staff member approving a customer's order (`viewer`) is.
 */
export async function refuseUnaffordable(
  user: SessionUser,
  priced: Priced,
  balance: BalanceReading,
  audit: { action: string; domain: string | null; pakId: string | null; key: string; request: unknown },
  viewer: SessionUser = user,
): Promise<Refusal | null> {
  if (!("cents" in balance) || balance.cents >= priced.costCents) return null;
  await recordAudit({
    actor: { id: user.id, email: user.email, role: user.role },
    action: audit.action,
    outcome: "failed",
    summary: `Refused: the balance ${dollars(balance.cents)} does not cover the order's cost ${dollars(priced.costCents)}`,
    domain: audit.domain,
    pakId: audit.pakId,
    details: {
      key: audit.key,
      request: audit.request,
      costCents: priced.costCents,
      balanceCents: balance.cents,
    },
  });
  return {
    ok: false,
    message: isStaffRole(viewer.role)
      ? `The eNom account balance (${dollars(balance.cents)}) does not cover this order (${dollars(priced.costCents)}). Nothing was bought. Add funds to the account, then submit again: your choices are kept.`
      : "This order cannot be completed right now, and nothing was bought. Please contact your provider; your choices are kept.",
  };
}

/**
 * What a submit stopped at the gate shows: the earlier attempt (waited for and checked like a
 * replay), why, and, when the same order is done, a fresh confirmation to buy again on purpose.
 */
export async function gateAnswer(
  gate: Exclude<Gate, { kind: "clear" }>,
  user: SessionUser,
  fingerprint: string,
): Promise<{ views: AttemptView[]; earlier: EarlierOrder | null }> {
  const staff = isStaffRole(user.role);
  const sameOrder = gate.kind === "same-order";
  const rows = sameOrder ? gate.earlier : gate.holds.slice(0, 1);
  const views: AttemptView[] = [];
  const settled: PurchaseAttemptRow[] = [];
  for (const row of rows) {
    const visible =
      staff || row.actorId === user.id || (user.customerId !== null && row.customerId === user.customerId);
    // The same order still in flight (the other tab's click) is waited for, so both show its result;
    // another order holding the domain was already checked (settleHolds) and is shown as it is.
    const current = sameOrder ? await replayRow(row, user) : row;
    settled.push(current);
    views.push({ ...attemptView(current, staff, true), ...(visible ? {} : { orderId: null }) });
  }
  const [newest] = settled;
  if (!newest) throw new Error("the gate stopped a submit without an earlier attempt");
  // It failed meanwhile (nothing bought): its result is this submit's, and trying again is free.
  if (sameOrder && settled.every((row) => row.status === "failed")) return { views, earlier: null };
  // Buying again is offered only over orders that are done: an unconfirmed one holds the domain.
  const offer = sameOrder && settled.every((row) => row.status === "ok");
  const confirmation = offer ? await issueConfirmation(user, fingerprint, settled) : null;
  return { views, earlier: earlierOrderOf(newest, user, staff, gate.kind, confirmation) };
}

/** A stored attempt waited for and checked, as `replayOf` does, without its view. */
async function replayRow(row: PurchaseAttemptRow, user: SessionUser): Promise<PurchaseAttemptRow> {
  let current = row;
  if (current.status === "pending")
    current = (await waitUntilSettled(row.key, { timeoutMs: settleWaitMs() })) ?? current;
  current = await settleStale(current, user);
  return settleUnknown(current, user, { fresh: false });
}

/** Audits that `user` confirmed buying again over the earlier attempts they were shown. */
export async function auditRepeat(
  user: SessionUser,
  action: string,
  summary: string,
  rows: readonly PurchaseAttemptRow[],
  earlierKeys: ReadonlySet<string>,
): Promise<void> {
  const [first] = rows;
  await recordAudit({
    actor: { id: user.id, email: user.email, role: user.role },
    action: `${action}.again`,
    outcome: "ok",
    summary: `Confirmed buying again on purpose, after being shown the same order placed minutes before: ${summary}`,
    domain: first?.domain ?? null,
    pakId: rows.length === 1 ? (first?.pakId ?? null) : null,
    details: { keys: rows.map((row) => row.key), repeatOf: [...earlierKeys] },
  });
}

export async function submitPurchase(
  user: SessionUser,
  key: string,
  request: PurchaseRequest,
  confirmation: string | null = null,
  options: PolicyOptions = {},
): Promise<{ ok: true; data: AttemptView } | Refusal> {
  const normalised = normaliseRequest(request);
  const existing = await findAttempt(key);
  if (existing) {
    checkReplay(existing, user, normalised);
    return { ok: true, data: await replayOf(existing, user) };
  }

  const fingerprint = fingerprintOf(request);
  const subject = { domains: [request.domain], fingerprints: [fingerprint] };
  let confirmed = new Set<string>();
  if (confirmation) {
    const found = await peekConfirmation(confirmation, user, fingerprint);
    if (found.kind === "used") return { ok: true, data: await usedConfirmation(found.usedFor, user) };
    confirmed = found.earlierKeys;
  }
  const early = await settleHolds(subject, user, confirmed);
  if (early.kind !== "clear") return stoppedAtGate(early, user, fingerprint);

  const email = await readDomainEmail(request.domain);
  const growing = request.kind === "purchase" ? null : request.bundleId;
  if (growing !== null && !email.paks.some((pak) => pak.bundleId === growing))
    throw new NotFoundError("That pak");
  const pak = await pakOf(request);
  const priced = pricePurchase(await priceListForOrder(user, request.domain), request, pak, todayIso());
  const action = AUDIT_ACTION[request.kind];
  const pakId = growing === null ? null : String(growing);
  const target = { action, domain: request.domain, pakId, key, request: normalised };
  // A customer's own limits (monthly spending, approval by staff) come first.
  const policy = await refuseByCustomerPolicy(user, priced.retailCents, target, options);
  if (policy.refusal !== null) return policy.refusal;
  const approver = options.approvedBy ?? null;
  const refusal = await refuseUnaffordable(user, priced, await readBalance(), target, approver ?? user);
  if (refusal) return refusal;

  const claim = await claimThroughGate(
    [
      {
        key,
        kind: request.kind,
        status: "pending",
        actorId: user.id,
        actorEmail: user.email,
        actorRole: user.role,
        customerId: user.customerId,
        domain: request.domain,
        pakId,
        request: normalised,
        fingerprint,
        repeatOf: [...confirmed][0] ?? null,
        before: { paks: snapshotOf(email.paks) },
        costCents: priced.costCents,
        retailCents: priced.retailCents,
        message: "This order is being processed.",
      },
    ],
    {
      ...subject,
      confirmation: confirmation ? { token: confirmation, user, fingerprint } : null,
      spend: policy.check,
    },
    key,
  );
  switch (claim.kind) {
    case "over-limit":
      if (!policy.check) throw new Error("a claim without a spending limit came back over it");
      return refuseOverLimit(user, target, policy.check, claim.spentCents, approver);
    case "key-exists": {
      // Another request with this key got there first: its result is this one's.
      const first = await findAttempt(key);
      if (!first) throw new Error(`purchase attempt ${key} vanished after a conflict`);
      checkReplay(first, user, normalised);
      return { ok: true, data: await replayOf(first, user) };
    }
    case "confirmation-used":
      return { ok: true, data: await usedConfirmation(claim.usedFor, user) };
    case "same-order":
    case "domain-held":
      return stoppedAtGate(claim, user, fingerprint);
    case "claimed":
      break;
  }
  const [claimed] = claim.rows;
  if (!claimed) throw new Error(`purchase attempt ${key} was not written`);
  if (confirmation) await auditRepeat(user, action, summaryOf(request), claim.rows, confirmed);
  const row = await order(claimed, user, request, pak);
  return { ok: true, data: attemptView(row, isStaffRole(user.role), false) };
}

async function stoppedAtGate(
  gate: Exclude<Gate, { kind: "clear" }>,
  user: SessionUser,
  fingerprint: string,
): Promise<{ ok: true; data: AttemptView }> {
  const { views, earlier } = await gateAnswer(gate, user, fingerprint);
  const [view] = views;
  if (!view) throw new Error("the gate stopped a submit without an earlier attempt");
  return { ok: true, data: { ...view, earlier } };
}

/** A confirmation used already (the other half of a double "buy again"): its order's result. */
export async function usedConfirmation(usedFor: string, user: SessionUser): Promise<AttemptView> {
  const row = await findAttempt(usedFor);
  if (!row) throw new NotFoundError("That purchase");
  requireOwnAttempt(row, user);
  return replayOf(row, user);
}

async function order(
  row: PurchaseAttemptRow,
  user: SessionUser,
  request: PurchaseRequest,
  pak: PakFacts | null,
): Promise<PurchaseAttemptRow> {
  const ip = await endUserIp();
  const summary = summaryOf(request);
  let purchase: Purchase;
  try {
    purchase = await getEnomClient().purchaseServices(
      request.kind === "purchase"
        ? {
            // Quantity in mailboxes: the client sends QuantityUnit=boxes (packs of 10 is eNom's default).
            kind: "mailbox",
            domain: request.domain,
            endUserIp: ip,
            action: "create",
            quantity: mailboxCountOf(request),
            capacity: request.capacityGb,
            timeUnit: request.billingPeriod,
            timeQuantity: request.terms,
          }
        : request.kind === "add-mailboxes"
          ? {
              kind: "mailbox",
              domain: request.domain,
              endUserIp: ip,
              action: "create",
              productId: request.bundleId,
              quantity: request.quantity,
              // No Capacity: the pak keeps its own (a quota can read two ways, pak-shape.ts).
              timeUnit: pak?.billingPeriod ?? "year",
              timeQuantity: 1,
            }
          : {
              kind: "email-storage",
              domain: request.domain,
              endUserIp: ip,
              productId: request.bundleId,
              units: request.units,
            },
    );
  } catch (error) {
    return recordOrderFailure(row, user, error, `${summary}: not bought`);
  }
  const named =
    request.kind === "purchase"
      ? purchase.bundles[0]
      : (purchase.bundles.find((candidate) => candidate.bundleId === request.bundleId) ??
        purchase.bundles[0]);
  // eNom took the order: what it did is read back, never assumed (read-back.ts).
  const after = await readBackDomain(request.domain);
  const claimed =
    request.kind === "add-storage" ? new Set<number>() : await claimedPakIds(row.domain, row.key);
  const found = readBackPurchase(
    request,
    beforeOf(row),
    after ? snapshotOf(after.paks) : null,
    { orderId: purchase.orderId, bundleId: named?.bundleId ?? null, expires: named?.expires?.iso ?? null },
    claimed,
  );
  return await recordOrderDone(row, user, {
    orderId: purchase.orderId,
    trackingKey: purchase.trackingKey,
    bundleId: found.bundleId,
    expires: found.expires,
    orderAmountCents: purchase.orderAmount?.cents ?? null,
    message: found.message,
    summary: `${summary}: order ${purchase.orderId}${found.bundleId === null ? "" : `, pak ${found.bundleId}`}${found.finding === "as-asked" ? "" : ` (read back: ${found.finding})`}`,
    readBack: { finding: found.finding, pak: found.pak },
  });
}
