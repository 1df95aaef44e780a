import "server-only";
import { z } from "zod";
import { requestPurchaseAction, requestRenewalAction } from "@/lib/actions/purchase-requests";
import { isStaffRole } from "@/lib/auth/permissions";
import { getRun } from "@/lib/jobs/runs";
import { getApprovalQueue, getCustomerRequests } from "@/lib/purchase-requests/reads";
import { purchaseRequestSchema, renewRequestSchema } from "@/lib/validation/purchases";
import { fromAction } from "../action-result";
import { defineOperation } from "../operation";
import { ApiProblem, problem } from "../problem";
import { job, purchaseRequestView } from "../schemas";

/**
 * Orders that wait for staff approval (a customer whose reseller approves each order first), as
 * the portal sends them (lib/purchase-requests): approving places the order through the same
 * never-twice path. And the jobs a bulk renewal or a long mailbox batch runs as.
 */

function keyOf(idempotencyKey: string | null): string {
  if (!idempotencyKey) throw new ApiProblem(problem(428, "Send an Idempotency-Key header."));
  return idempotencyKey;
}

export const createPurchaseRequest = defineOperation({
  operationId: "createPurchaseRequest",
  method: "POST",
  path: "/purchase-requests",
  tag: "Purchases",
  summary: "Ask staff to approve a purchase (customer keys whose orders need approval)",
  description:
    "For a customer whose reseller approves each order first: createPurchase answers 409 for them, and this sends the same order to the staff's queue instead. Requires an `Idempotency-Key` header: the same key answers with the same request.",
  scope: "purchases",
  permission: "paks.purchase",
  idempotent: true,
  body: z.object({ request: purchaseRequestSchema }),
  response: purchaseRequestView,
  status: 201,
  handler: async ({ body, idempotencyKey }) =>
    fromAction(await requestPurchaseAction({ idempotencyKey: keyOf(idempotencyKey), request: body.request })),
});

export const createRenewalRequest = defineOperation({
  operationId: "createRenewalRequest",
  method: "POST",
  path: "/renewal-requests",
  tag: "Purchases",
  summary: "Ask staff to approve a renewal (customer keys whose orders need approval)",
  scope: "purchases",
  permission: "paks.renew",
  idempotent: true,
  body: z.object({ request: renewRequestSchema }),
  response: purchaseRequestView,
  status: 201,
  handler: async ({ body, idempotencyKey }) =>
    fromAction(await requestRenewalAction({ idempotencyKey: keyOf(idempotencyKey), request: body.request })),
});

export const listPurchaseRequests = defineOperation({
  operationId: "listPurchaseRequests",
  method: "GET",
  path: "/purchase-requests",
  tag: "Purchases",
  summary: "Orders waiting for approval, and those decided lately",
  description:
    "A customer key: its customer's requests. A staff key: the approval queue, then the last 30 days' decisions.",
  scope: "read",
  permission: "domains.view",
  response: z.object({ data: z.array(purchaseRequestView) }),
  handler: async ({ user }) => {
    if (!isStaffRole(user.role)) return { data: (await getCustomerRequests(user)).requests };
    const queue = await getApprovalQueue(user);
    return { data: [...queue.waiting, ...queue.decided] };
  },
});

export const getJob = defineOperation({
  operationId: "getJob",
  method: "GET",
  path: "/jobs/{id}",
  tag: "Purchases",
  summary: "A job and each item's outcome",
  description: "The `runId` of a renewal of several paks: poll until `status` is done, failed or cancelled.",
  scope: "read",
  permission: "domains.view",
  params: z.object({ id: z.uuid("That job was not found.") }),
  response: job,
  handler: async ({ user, params }) => getRun(user, params.id),
});
