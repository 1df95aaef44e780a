import "server-only";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, RuleError } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/actions/result";
import type { PurchaseRequestRow } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { notifyStaff } from "@/lib/notifications/notify";
import { quotePurchase } from "@/lib/purchases/purchase";
import { quoteRenewal } from "@/lib/purchases/renewal";
import { spendPolicyOf, monthToDateSpendCents } from "@/lib/purchases/spend-limit";
import { overLimitMessage, usd } from "@/lib/purchases/spending-model";
import { attemptsOfKeys, findRequest, insertRequest, moveRequest } from "./queries";
import {
  orderDomain,
  orderSummary,
  requestedOrderOf,
  requestView,
  sameOrder,
  storedOrder,
  type RequestedOrder,
} from "./model";
import type { PurchaseRequestView } from "./types";

/**
 * A customer's side of approvals (issue 16): when its reseller approves each purchase and renewal,
 * the wizard sends the order here instead of buying it. The request waits in the staff's queue
 * (decisions.ts); the customer may withdraw it while it waits. The caller (the action) has checked
 * the domain(s) and the permission (paks.purchase, paks.renew).
 */

export const CHANGED_REQUEST =
  "This order was already sent for approval with other choices. Start again to ask for another one.";
export const APPROVAL_NOT_NEEDED =
  "Your provider does not need to approve your orders any more: place this order directly. Nothing was sent.";

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email, role: user.role });

/**
 * Writes the request, once per wizard key (its id): sending it again answers the same request.
 * Refused before anything is written when the order would go over this month's limit.
 */
export async function sendForApproval(
  user: SessionUser,
  key: string,
  order: RequestedOrder,
): Promise<ActionResult<PurchaseRequestView>> {
  const policy = await spendPolicyOf(user);
  if (!policy) throw new NotFoundError("That page");
  const existing = await findRequest(key);
  if (existing) return replay(existing, user, order);
  if (!policy.approval) throw new RuleError(APPROVAL_NOT_NEEDED);

  const quote =
    order.kind === "purchase"
      ? await quotePurchase(user, order.request)
      : await quoteRenewal(user, order.request);
  const summary = orderSummary(order);
  const domain = orderDomain(order);
  const audit = {
    actor: actorOf(user),
    action: "purchase-request.create",
    domain,
    targetCustomerId: policy.customerId,
  };
  if (policy.limitCents !== null) {
    const spentCents = await monthToDateSpendCents(policy.customerId);
    if (spentCents + quote.retailCents > policy.limitCents) {
      await recordAudit({
        ...audit,
        outcome: "failed",
        summary: `Refused to send for approval: ${usd(quote.retailCents)} would take this month's spending (${usd(spentCents)}) over the monthly limit of ${usd(policy.limitCents)}`,
        details: { key, request: storedOrder(order), spentCents, limitCents: policy.limitCents },
      });
      const spending = { spentCents, limitCents: policy.limitCents, orderCents: quote.retailCents };
      return { ok: false, message: overLimitMessage(spending, "customer") };
    }
  }

  const kind = order.kind === "renew" ? "renew" : order.request.kind;
  const row = await insertRequest({
    id: key,
    customerId: policy.customerId,
    requestedBy: user.id,
    requestedByEmail: user.email,
    kind,
    domain,
    request: storedOrder(order),
    retailCents: quote.retailCents,
  });
  // Another send with this key got there first: its request is this one's.
  if (!row) {
    const first = await findRequest(key);
    if (!first) throw new Error(`purchase request ${key} vanished after a conflict`);
    return replay(first, user, order);
  }
  await recordAudit({
    ...audit,
    outcome: "ok",
    summary: `Sent for approval: ${summary} (${usd(quote.retailCents)})`,
    details: { requestId: row.id, request: row.request, retailCents: row.retailCents },
  });
  await notifyStaff({
    kind: "customer-purchase",
    title: `${policy.customerName} asks you to approve: ${summary}`,
    body: `${user.email} sent this order for approval (${usd(quote.retailCents)}).`,
    href: "/approvals",
    dedupeKey: `purchase-request:${row.id}`,
  }).catch((error: unknown) =>
    logger.warn({ err: error, requestId: row.id }, "staff could not be told of a purchase request"),
  );
  return {
    ok: true,
    data: await viewFor(row, policy.customerName),
    message: "Sent for approval. Nothing is bought until your provider approves it.",
  };
}

/** The same key sent again: the first request, to its own customer and with the same choices. */
async function replay(
  row: PurchaseRequestRow,
  user: SessionUser,
  order: RequestedOrder,
): Promise<ActionResult<PurchaseRequestView>> {
  if (row.customerId !== user.customerId) throw new NotFoundError("That request");
  if (!sameOrder(row, order)) throw new RuleError(CHANGED_REQUEST);
  return { ok: true, data: await viewFor(row, user.customerName ?? "") };
}

async function viewFor(row: PurchaseRequestRow, customerName: string): Promise<PurchaseRequestView> {
  const attempts = await attemptsOfKeys(row.attemptKey ? [row.attemptKey] : []);
  return requestView({ request: row, customerName, decidedByEmail: null }, attempts, "customer");
}

/** Withdraws a waiting request of the caller's own customer; anything else is "not found". */
export async function withdrawRequest(
  user: SessionUser,
  requestId: string,
): Promise<ActionResult<PurchaseRequestView>> {
  const row = await findRequest(requestId);
  if (!row || user.role !== "customer" || row.customerId !== user.customerId)
    throw new NotFoundError("That request");
  const moved = await moveRequest(row.id, "waiting", {
    status: "withdrawn",
    decidedBy: user.id,
    decidedAt: new Date(),
  });
  if (!moved) {
    const now = await findRequest(row.id);
    if (now?.status === "withdrawn")
      return {
        ok: true,
        data: await viewFor(now, user.customerName ?? ""),
        message: "It was already withdrawn.",
      };
    throw new RuleError(
      now?.status === "approved"
        ? "Your provider has already approved this request, so it can no longer be withdrawn."
        : "Your provider has already declined this request: nothing was bought.",
    );
  }
  const summary = orderSummary(requestedOrderOf(moved));
  await recordAudit({
    actor: actorOf(user),
    action: "purchase-request.withdraw",
    outcome: "ok",
    summary: `Withdrew the request: ${summary}`,
    domain: moved.domain,
    targetCustomerId: moved.customerId,
    details: { requestId: moved.id },
  });
  return {
    ok: true,
    data: await viewFor(moved, user.customerName ?? ""),
    message: "Withdrawn. Nothing was bought.",
  };
}
