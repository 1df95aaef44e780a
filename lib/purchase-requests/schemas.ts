import { z } from "zod";
import { idempotencyKeySchema, purchaseRequestSchema, renewRequestSchema } from "@/lib/validation/purchases";

/**
 * Inputs of the approval actions (lib/actions/purchase-requests.ts), checked in the browser and on
 * the server. A request is sent with the wizard's own idempotency key, which becomes the request's
 * id: sending it again (double click, lost answer) finds the same request.
 */

export const requestPurchaseSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  request: purchaseRequestSchema,
});
export type RequestPurchaseInput = z.infer<typeof requestPurchaseSchema>;

export const requestRenewalSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  request: renewRequestSchema,
});
export type RequestRenewalInput = z.infer<typeof requestRenewalSchema>;

export const purchaseRequestIdSchema = z.object({
  requestId: z.uuid("That request was not found."),
});

export const DECISION_NOTE_MAX = 500;

export const declineRequestSchema = purchaseRequestIdSchema.extend({
  note: z
    .string()
    .trim()
    .max(DECISION_NOTE_MAX, `A note has at most ${DECISION_NOTE_MAX} characters.`)
    .optional()
    .default(""),
});
export type DeclineRequestInput = z.input<typeof declineRequestSchema>;
