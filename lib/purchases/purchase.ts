import "server-only";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/auth/errors";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { PurchaseAttemptRow } from "@/lib/db/schema";
import { getEnomClient, type Purchase } from "@/lib/enom";
import { getEnv } from "@/lib/env";
import { getPriceList } from "@/lib/pricing/settings";
import { getRequestContext } from "@/lib/request-context";
import type { PurchaseRequest } from "@/lib/validation/purchases";
import { checkReplay, claimAttempt, claimedPakIds, findAttempt, waitUntilSettled } from "./attempts";
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
import { normaliseRequest, summaryOf } from "./request";
import { AUDIT_ACTION, beforeOf, settleStale, settleUnknown, snapshotOf } from "./settle";
import type { AttemptView, Quote } from "./types";
import { attemptView } from "./view";

/**
 * Buying a new pak and growing one (PurchaseServices), once per idempotency key. The caller (the
 * action) has checked the user's right to the domain and the permission; `request.domain` is the
 * normalised name it returned.
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
  const priced = pricePurchase(await getPriceList(), request, pak, todayIso());
  return quoteFor(priced, staff, staff ? await readBalance() : null);
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
  let current = row;
  if (current.status === "pending")
    current = (await waitUntilSettled(row.key, { timeoutMs: settleWaitMs() })) ?? current;
  current = await settleStale(current, user);
  current = await settleUnknown(current, user, { fresh: false });
  return attemptView(current, isStaffRole(user.role), true);
}

/**
 * Refuses an order the balance cannot cover before anything is stored, so the same form can be
 * sent again once the reseller has topped up. A customer is not told the reseller's balance.
 */
export async function refuseUnaffordable(
  user: SessionUser,
  priced: Priced,
  balance: BalanceReading,
  audit: { action: string; domain: string | null; pakId: string | null; key: string; request: unknown },
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
    message: isStaffRole(user.role)
      ? `The eNom account balance (${dollars(balance.cents)}) does not cover this order (${dollars(priced.costCents)}). Nothing was bought. Add funds to the account, then submit again: your choices are kept.`
      : "This order cannot be completed right now, and nothing was bought. Please contact your provider; your choices are kept.",
  };
}

export async function submitPurchase(
  user: SessionUser,
  key: string,
  request: PurchaseRequest,
): Promise<{ ok: true; data: AttemptView } | Refusal> {
  const normalised = normaliseRequest(request);
  const existing = await findAttempt(key);
  if (existing) {
    checkReplay(existing, user, normalised);
    return { ok: true, data: await replayOf(existing, user) };
  }

  const email = await readDomainEmail(request.domain);
  const growing = request.kind === "purchase" ? null : request.bundleId;
  if (growing !== null && !email.paks.some((pak) => pak.bundleId === growing))
    throw new NotFoundError("That pak");
  const pak = await pakOf(request);
  const priced = pricePurchase(await getPriceList(), request, pak, todayIso());
  const action = AUDIT_ACTION[request.kind];
  const pakId = growing === null ? null : String(growing);
  const refusal = await refuseUnaffordable(user, priced, await readBalance(), {
    action,
    domain: request.domain,
    pakId,
    key,
    request: normalised,
  });
  if (refusal) return refusal;

  const claim = await claimAttempt(
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
      before: { paks: snapshotOf(email.paks) },
      costCents: priced.costCents,
      retailCents: priced.retailCents,
      message: "This order is being processed.",
    },
    user,
  );
  // Another request with this key got there first: its result is this one's.
  if (claim.replayed) return { ok: true, data: await replayOf(claim.attempt, user) };

  const row = await order(claim.attempt, user, request, pak);
  return { ok: true, data: attemptView(row, isStaffRole(user.role), false) };
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
