import "server-only";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/auth/errors";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import { can, isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/actions/result";
import { findCustomer } from "@/lib/customers/queries";
import type { PurchaseRequestRow, PurchaseStatus } from "@/lib/db/schema";
import { findUserById } from "@/lib/users/queries";
import { findAttempt, findBatch } from "@/lib/purchases/attempts";
import { submitPurchase } from "@/lib/purchases/purchase";
import { renewalDomains } from "@/lib/purchases/reads";
import { submitRenewal } from "@/lib/purchases/renewal";
import { usd } from "@/lib/purchases/spending-model";
import { attemptView } from "@/lib/purchases/view";
import { sendDeclinedEmail } from "./emails";
import { approvalKeyOf, orderSummary, requestedOrderOf, type RequestedOrder } from "./model";
import { findRequest, moveRequest } from "./queries";
import { ORDER_STATUS_LABELS } from "./types";

/**
 * The staff's side of approvals (issue 16). Approving places the order through the wizard's own
 * path (submitPurchase / submitRenewal) as the requesting customer's order: its scope, its retail
 * prices, its monthly limit, under a key made from the request's id, so approving twice (two tabs,
 * two people) buys once. The order's audit entries name the customer; the approval's names staff.
 * Declining writes nothing to eNom and tells the customer by email.
 */

export interface Decision {
  requestId: string;
  status: PurchaseRequestRow["status"];
  /** The order placed on approval: its outcome and its page; null when none was placed. */
  order: { status: PurchaseStatus; href: string; message: string } | null;
}

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email, role: user.role });

/** Staff who may buy and renew decide; anyone else is told the request does not exist. */
function requireDecider(user: SessionUser, row: PurchaseRequestRow | null): PurchaseRequestRow {
  if (!isStaffRole(user.role) || !row) throw new NotFoundError("That request");
  requirePermission(user, row.kind === "renew" ? "paks.renew" : "paks.purchase");
  return row;
}

function closed(row: PurchaseRequestRow): RuleError {
  return new RuleError(
    row.status === "declined"
      ? "This request was already declined: nothing was bought. The customer can send a new one."
      : "The customer withdrew this request: nothing was bought.",
  );
}

export async function approveRequest(user: SessionUser, requestId: string): Promise<ActionResult<Decision>> {
  let row = requireDecider(user, await findRequest(requestId));
  const order = requestedOrderOf(row);
  if (!order) throw new RuleError("This request can no longer be read; decline it and ask for a new one.");
  if (row.status === "declined" || row.status === "withdrawn") throw closed(row);
  const key = approvalKeyOf(row.id);
  const summary = orderSummary(order);
  const audit = {
    actor: actorOf(user),
    action: "purchase-request.approve",
    domain: row.domain,
    targetCustomerId: row.customerId,
    targetUserId: row.requestedBy,
  };

  // Approved already (another tab, a colleague): its order is the answer, never a second one.
  if (row.status === "approved") {
    const placed = await placedOrder(key, user);
    if (placed)
      return { ok: true, data: decision(row, placed), message: "This request was already approved." };
  }

  const requester = await requesterOf(row);
  const problem = typeof requester === "string" ? requester : await customerMayStillOrder(requester, order);
  if (problem) {
    await recordAudit({
      ...audit,
      outcome: "failed",
      summary: `Could not approve: ${summary}: ${problem}`,
      details: { requestId: row.id },
    });
    return { ok: false, message: `${problem} Nothing was bought; decline the request or fix this first.` };
  }
  const customer = requester as SessionUser;

  let claimed = false;
  if (row.status === "waiting") {
    const moved = await moveRequest(row.id, "waiting", {
      status: "approved",
      decidedBy: user.id,
      decidedAt: new Date(),
      attemptKey: key,
    });
    if (moved) {
      row = moved;
      claimed = true;
    } else {
      const now = await findRequest(row.id);
      if (!now) throw new NotFoundError("That request");
      if (now.status !== "approved") throw closed(now);
      row = now;
    }
  }

  // Nothing written under the request's key (refused, another order holds the domain, an error):
  // it waits again, and approving later tries again with the same key.
  const waitAgain = () =>
    moveRequest(
      row.id,
      "approved",
      { status: "waiting", decidedBy: null, decidedAt: null, attemptKey: null },
      key,
    );
  let result: Awaited<ReturnType<typeof submitPurchase>> | Awaited<ReturnType<typeof submitRenewal>>;
  try {
    result =
      order.kind === "purchase"
        ? await submitPurchase(customer, key, order.request, null, { approvedBy: user })
        : await submitRenewal(customer, key, await renewalDomains(customer, order.request), null, {
            approvedBy: user,
          });
  } catch (error) {
    if (!(await placedOrder(key, user))) await waitAgain();
    throw error;
  }
  const placed = await placedOrder(key, user);

  if (!placed) {
    await waitAgain();
    const message = result.ok
      ? `Not bought yet: another order for ${row.domain} was placed minutes ago or is still being confirmed. Look at the domain's orders, then approve again.`
      : result.message;
    await recordAudit({
      ...audit,
      outcome: "failed",
      summary: `Could not approve: ${summary}: ${message}`,
      details: { requestId: row.id, key },
    });
    return { ok: false, message };
  }

  if (claimed)
    await recordAudit({
      ...audit,
      outcome: "ok",
      summary: `Approved ${row.requestedByEmail}'s request: ${summary} (${row.retailCents === null ? "no price" : usd(row.retailCents)}); the order is ${ORDER_STATUS_LABELS[placed.status]}`,
      details: { requestId: row.id, key, orderStatus: placed.status },
    });
  return {
    ok: true,
    data: decision(row, placed),
    message: claimed ? `Approved. ${placed.message}` : "This request was already approved.",
  };
}

function decision(row: PurchaseRequestRow, placed: Decision["order"]): Decision {
  return { requestId: row.id, status: row.status, order: placed };
}

/** The order placed under the request's key, as staff see it; null when none was. */
async function placedOrder(key: string, viewer: SessionUser): Promise<Decision["order"]> {
  const single = await findAttempt(key);
  const rows = single ? [single] : await findBatch(key);
  if (rows.length === 0) return null;
  const views = rows.map((row) => attemptView(row, isStaffRole(viewer.role), false));
  const status =
    (["pending", "unknown", "failed"] as const).find((candidate) =>
      rows.some((row) => row.status === candidate),
    ) ?? "ok";
  return {
    status,
    href: `/purchases/${encodeURIComponent(key)}`,
    message: views.map((view) => view.message).join(" "),
  };
}

/** The login that asked, as a session of its customer (its allowances read afresh); else why not. */
async function requesterOf(row: PurchaseRequestRow): Promise<SessionUser | string> {
  const gone = `${row.requestedByEmail} can no longer sign in for this customer.`;
  if (!row.requestedBy) return gone;
  const [login, customer] = await Promise.all([findUserById(row.requestedBy), findCustomer(row.customerId)]);
  if (!login || !customer || login.disabled || login.role !== "customer" || login.customerId !== customer.id)
    return gone;
  return {
    id: login.id,
    email: login.email,
    name: login.name,
    role: "customer",
    customerId: customer.id,
    customerName: customer.name,
    customer: {
      canCreateMailboxes: customer.canCreateMailboxes,
      canManageMailboxes: customer.canManageMailboxes,
      canToggleAutoRenew: customer.canToggleAutoRenew,
      canPurchase: customer.canPurchase,
      canRenew: customer.canRenew,
    },
    totpEnabled: login.totpEnabled,
  };
}

/** The customer must still own the domains and be allowed this kind of order; else why not. */
async function customerMayStillOrder(customer: SessionUser, order: RequestedOrder): Promise<string | null> {
  const name = customer.customerName ?? "The customer";
  const permission = order.kind === "renew" ? "paks.renew" : "paks.purchase";
  if (!can(customer, permission))
    return `${name} is no longer allowed to ${order.kind === "renew" ? "renew" : "buy"} email paks.`;
  const domains =
    order.kind === "purchase" ? [order.request.domain] : order.request.items.map((item) => item.domain);
  for (const domain of new Set(domains)) {
    try {
      await requireDomainAccess(customer, domain);
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ForbiddenError)
        return `${domain} no longer belongs to ${name}.`;
      throw error;
    }
  }
  return null;
}

export async function declineRequest(
  user: SessionUser,
  requestId: string,
  note: string,
): Promise<ActionResult<Decision>> {
  const row = requireDecider(user, await findRequest(requestId));
  const moved = await moveRequest(row.id, "waiting", {
    status: "declined",
    decidedBy: user.id,
    decidedAt: new Date(),
    decisionNote: note,
  });
  if (!moved) {
    const now = (await findRequest(row.id)) ?? row;
    if (now.status === "declined")
      return { ok: true, data: decision(now, null), message: "This request was already declined." };
    if (now.status === "approved")
      throw new RuleError("This request was already approved, so it can no longer be declined.");
    throw closed(now);
  }
  const summary = orderSummary(requestedOrderOf(moved));
  // The customer's email never names eNom's BundleID; the audit log does.
  const emailed = await sendDeclinedEmail(moved, orderSummary(requestedOrderOf(moved), "customer"));
  await recordAudit({
    actor: actorOf(user),
    action: "purchase-request.decline",
    outcome: "ok",
    summary: `Declined ${moved.requestedByEmail}'s request: ${summary}${note ? ` (note: ${note})` : ""}`,
    domain: moved.domain,
    targetCustomerId: moved.customerId,
    targetUserId: moved.requestedBy,
    details: { requestId: moved.id, note, emailed },
  });
  return {
    ok: true,
    data: decision(moved, null),
    message: emailed
      ? `Declined. ${moved.requestedByEmail} was told by email; nothing was bought.`
      : `Declined; nothing was bought. The email to ${moved.requestedByEmail} could not be sent: they see it on their Requests page.`,
  };
}
