"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/guards";
import { approveRequest, declineRequest } from "@/lib/purchase-requests/decisions";
import { sendForApproval, withdrawRequest } from "@/lib/purchase-requests/requests";
import {
  declineRequestSchema,
  purchaseRequestIdSchema,
  requestPurchaseSchema,
  requestRenewalSchema,
} from "@/lib/purchase-requests/schemas";
import { renewalDomains } from "@/lib/purchases/reads";
import { domainAction, userAction } from "./builder";

/**
 * Server actions of approvals (issue 16). A customer whose reseller approves each order sends the
 * wizard's order here instead of buying it (the purchase actions refuse it for that customer);
 * staff approve (the order is placed through the wizard's own never-twice path) or decline it.
 *
 * Inputs (lib/purchase-requests/schemas.ts):
 * - requestPurchaseAction({idempotencyKey, request: PurchaseRequest}) and
 *   requestRenewalAction({idempotencyKey, request: RenewRequest}): the wizard's key is the
 *   request's id; sending it again answers the same request (PurchaseRequestView).
 * - withdrawRequestAction({requestId}): the customer's own waiting request.
 * - approveRequestAction({requestId}) and declineRequestAction({requestId, note?}): staff who may
 *   buy (renewals: renew); approving twice places one order.
 */

function revalidateRequests(): void {
  revalidatePath("/approvals");
  revalidatePath("/portal/requests");
}

export const requestPurchaseAction = domainAction(
  {
    name: "purchase-request.create",
    schema: requestPurchaseSchema,
    permission: "paks.purchase",
    domainOf: (input) => input.request.domain,
  },
  async ({ idempotencyKey, request }, { user, domain }) => {
    const result = await sendForApproval(user, idempotencyKey.toLowerCase(), {
      kind: "purchase",
      request: { ...request, domain },
    });
    revalidateRequests();
    return result;
  },
);

export const requestRenewalAction = userAction(
  { name: "purchase-request.create", schema: requestRenewalSchema },
  async ({ idempotencyKey, request }, { user }) => {
    // Every domain of the renewal is checked before the permission, as for one domain.
    const checked = await renewalDomains(user, request);
    requirePermission(user, "paks.renew");
    const result = await sendForApproval(user, idempotencyKey.toLowerCase(), {
      kind: "renew",
      request: checked,
    });
    revalidateRequests();
    return result;
  },
);

export const withdrawRequestAction = userAction(
  { name: "purchase-request.withdraw", schema: purchaseRequestIdSchema },
  async ({ requestId }, { user }) => {
    const result = await withdrawRequest(user, requestId);
    revalidateRequests();
    return result;
  },
);

export const approveRequestAction = userAction(
  { name: "purchase-request.approve", schema: purchaseRequestIdSchema },
  async ({ requestId }, { user }) => {
    const result = await approveRequest(user, requestId);
    revalidateRequests();
    return result;
  },
);

export const declineRequestAction = userAction(
  { name: "purchase-request.decline", schema: declineRequestSchema },
  async ({ requestId, note }, { user }) => {
    const result = await declineRequest(user, requestId, note);
    revalidateRequests();
    return result;
  },
);
