import "server-only";
import { z } from "zod";
import { purchaseAction, renewAction } from "@/lib/actions/purchases";
import { isStaffRole } from "@/lib/auth/permissions";
import { loadExpirations } from "@/lib/expirations/load";
import { loadVisibleAttempt } from "@/lib/purchases/reads";
import { approvalNeededMessage } from "@/lib/purchases/spending-model";
import { attemptView } from "@/lib/purchases/view";
import {
  purchaseRequestSchema,
  renewRequestSchema,
  repeatConfirmationSchema,
} from "@/lib/validation/purchases";
import { fromAction } from "../action-result";
import { defineOperation, reply } from "../operation";
import { ApiProblem, problem } from "../problem";
import { attempt, expiration, expirationQuery, renewalBatch } from "../schemas";

/**
 * Purchases, growth and renewals through the wizards' own path (lib/purchases): the
 * `Idempotency-Key` header becomes the attempt's key, so the same header from the same key
 * answers with the first call's result and never buys twice (`replayed: true`), and the same order
 * under another key within 15 minutes is held as the panel holds it (`earlier`).
 */

/**
 * A customer whose reseller approves each order first is refused by the order path with the
 * portal's sentence; the API says it as a conflict and names the call that sends the order.
 */
function approvalAware<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ApiProblem && error.problem.detail === approvalNeededMessage())
      throw new ApiProblem(
        problem(409, `${error.problem.detail} With the API: POST /purchase-requests (or /renewal-requests).`),
      );
    throw error;
  }
}

function keyOf(idempotencyKey: string | null): string {
  if (!idempotencyKey) throw new ApiProblem(problem(428, "Send an Idempotency-Key header."));
  return idempotencyKey;
}

export const createPurchase = defineOperation({
  operationId: "createPurchase",
  method: "POST",
  path: "/purchases",
  tag: "Purchases",
  summary: "Buy a pak, more mailboxes or more storage",
  description:
    "Requires an `Idempotency-Key` header. 201 when bought now; 200 with `replayed: true` for a key used before (nothing bought again); 202 when the email service's answer was lost (`status: unknown`; read it with getPurchase, nothing more is bought for the domain meanwhile); 422 when nothing was bought.",
  scope: "purchases",
  permission: "paks.purchase",
  idempotent: true,
  body: z.object({ request: purchaseRequestSchema, confirmation: repeatConfirmationSchema }),
  response: attempt,
  status: 201,
  handler: async ({ body, idempotencyKey }) => {
    const result = await purchaseAction({
      idempotencyKey: keyOf(idempotencyKey),
      request: body.request,
      confirmation: body.confirmation,
    });
    const view = approvalAware(() => fromAction(result));
    return reply(statusOf(view), view);
  },
});

export const createRenewal = defineOperation({
  operationId: "createRenewal",
  method: "POST",
  path: "/renewals",
  tag: "Purchases",
  summary: "Renew one pak or a selection",
  description:
    "Requires an `Idempotency-Key` header. One pak is renewed at once; several are renewed by a job, each at most once (every attempt `pending` at first: read them with getPurchase).",
  scope: "purchases",
  permission: "paks.renew",
  idempotent: true,
  body: z.object({ request: renewRequestSchema, confirmation: repeatConfirmationSchema }),
  response: renewalBatch,
  status: 201,
  handler: async ({ body, idempotencyKey }) => {
    const result = await renewAction({
      idempotencyKey: keyOf(idempotencyKey),
      request: body.request,
      confirmation: body.confirmation,
    });
    const batch = approvalAware(() => fromAction(result));
    const replayed = batch.attempts.length > 0 && batch.attempts.every((item) => item.replayed);
    const [first] = batch.attempts;
    if (!replayed && first && batch.attempts.every((item) => item.status === "failed"))
      throw new ApiProblem(problem(422, first.message));
    const settled = batch.attempts.every((item) => item.status === "ok" || item.status === "failed");
    return reply(replayed ? 200 : settled && !batch.earlier ? 201 : 202, batch);
  },
});

function statusOf(view: z.input<typeof attempt>): number {
  if (view.replayed || view.earlier) return 200;
  if (view.status === "ok") return 201;
  if (view.status === "failed") throw new ApiProblem(problem(422, view.message));
  return 202;
}

export const getPurchase = defineOperation({
  operationId: "getPurchase",
  method: "GET",
  path: "/purchases/{key}",
  tag: "Purchases",
  summary: "A purchase or renewal by its key",
  description: "The `key` of a createPurchase answer (or of one attempt of a renewal batch).",
  scope: "read",
  permission: "domains.view",
  params: z.object({ key: z.string().regex(/^[0-9a-f-]{36}(?::\d{1,10})?$/i) }),
  response: attempt,
  handler: async ({ user, params }) =>
    attemptView(await loadVisibleAttempt(user, params.key), isStaffRole(user.role), false),
});

export const listExpirations = defineOperation({
  operationId: "listExpirations",
  method: "GET",
  path: "/expirations",
  tag: "Purchases",
  summary: "Paks by expiry date, soonest first",
  scope: "read",
  permission: "domains.view",
  query: expirationQuery,
  response: z.object({ data: z.array(expiration) }),
  handler: async ({ user, query }) => {
    const data = await loadExpirations(user);
    const staff = isStaffRole(user.role);
    return {
      data: data.rows
        .filter((row) => query.withinDays === undefined || row.days <= query.withinDays)
        .sort((a, b) => a.expires.localeCompare(b.expires) || a.domain.localeCompare(b.domain))
        .map((row) => ({
          domain: row.domain,
          bundleId: row.bundleId,
          expires: row.expires,
          daysLeft: row.days,
          bucket: row.bucket,
          autoRenew: row.autoRenew,
          mailboxes: row.qtyPurchased,
          customer: staff ? row.customer : null,
        })),
    };
  },
});
