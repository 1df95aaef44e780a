import { z } from "zod";
import {
  BILLING_PERIODS,
  CAPACITIES_GB,
  MAILBOXES_PER_PACK,
  PURCHASE_QUANTITY_MAX,
  QUANTITY_UNITS,
  RENEW_YEARS_MAX,
  TERM_MAX,
  TERM_MIN,
} from "./enom-rules";
import { bundleIdSchema, domainNameSchema } from "./paks";

/**
 * Inputs of the purchase, growth and renewal wizards (lib/actions/purchases.ts). The browser checks
 * each step with these schemas; the server checks again. Every submission carries an idempotency
 * key made once per wizard (crypto.randomUUID()), so a repeated submit returns the first result.
 */

export const idempotencyKeySchema = z
  .string("This form has expired; reload the page.")
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    "This form has expired; reload the page.",
  );

/** eNom's extra storage: units of 512 MB per mailbox; the simulator caps a pak at 20 units (10 GB). */
export const STORAGE_UNITS_MAX = 20;

const wholeNumber = (what: string, min: number, max: number) =>
  z.coerce
    .number(`Enter the number of ${what}.`)
    .int(`Enter a whole number of ${what}.`)
    .min(min, `Enter at least ${min} ${what}.`)
    .max(max, `Enter at most ${max} ${what}.`);

/** A new pak: mailboxes as single boxes or packs of 10, capacity, billing period and term. */
export const newPakRequestSchema = z
  .object({
    kind: z.literal("purchase"),
    domain: domainNameSchema,
    quantityUnit: z.enum(QUANTITY_UNITS, "Choose single mailboxes or packs of 10."),
    quantity: wholeNumber("mailboxes", 1, PURCHASE_QUANTITY_MAX),
    capacityGb: z.coerce
      .number()
      .refine((value) => (CAPACITIES_GB as readonly number[]).includes(value), "Choose 1, 3, 5 or 10 GB.")
      .transform((value) => value as (typeof CAPACITIES_GB)[number]),
    billingPeriod: z.enum(BILLING_PERIODS, "Choose monthly or yearly billing."),
    terms: wholeNumber("billing periods", TERM_MIN, TERM_MAX),
  })
  .refine(
    (input) =>
      (input.quantityUnit === "packs" ? input.quantity * MAILBOXES_PER_PACK : input.quantity) <=
      PURCHASE_QUANTITY_MAX,
    {
      path: ["quantity"],
      message: `A pak holds at most ${PURCHASE_QUANTITY_MAX} mailboxes (${Math.floor(PURCHASE_QUANTITY_MAX / MAILBOXES_PER_PACK)} packs of 10).`,
    },
  );

/** More mailboxes in a running Mailbox pak, paid until its expiry. */
export const addMailboxesRequestSchema = z.object({
  kind: z.literal("add-mailboxes"),
  domain: domainNameSchema,
  bundleId: bundleIdSchema,
  quantity: wholeNumber("mailboxes", 1, PURCHASE_QUANTITY_MAX),
});

/** Extra storage for every mailbox of a running pak, in 512 MB units, paid until its expiry. */
export const addStorageRequestSchema = z.object({
  kind: z.literal("add-storage"),
  domain: domainNameSchema,
  bundleId: bundleIdSchema,
  units: wholeNumber("512 MB units", 1, STORAGE_UNITS_MAX),
});

export const purchaseRequestSchema = z.discriminatedUnion("kind", [
  newPakRequestSchema,
  addMailboxesRequestSchema,
  addStorageRequestSchema,
]);
export type PurchaseRequest = z.infer<typeof purchaseRequestSchema>;

/**
 * "Buy again on purpose": the confirmation the server issued when it showed the earlier order of
 * the same thing (lib/purchases/gate.ts); a client cannot make one.
 */
export const repeatConfirmationSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, "This confirmation is not valid; look at the earlier order again.")
  .optional();

export const purchaseSubmitSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  request: purchaseRequestSchema,
  confirmation: repeatConfirmationSchema,
});

/** One pak or several (bulk renewal of expiring paks), for a number of years (RenewPOPBundle). */
export const RENEW_BATCH_MAX = 100;
export const renewRequestSchema = z.object({
  items: z
    .array(z.object({ domain: domainNameSchema, bundleId: bundleIdSchema }))
    .min(1, "Choose at least one pak to renew.")
    .max(RENEW_BATCH_MAX, `Renew at most ${RENEW_BATCH_MAX} paks at a time.`),
  years: wholeNumber("years", 1, RENEW_YEARS_MAX),
});
export type RenewRequest = z.infer<typeof renewRequestSchema>;

export const renewSubmitSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  request: renewRequestSchema,
  confirmation: repeatConfirmationSchema,
});

export const attemptKeySchema = z.object({
  key: z
    .string()
    .min(36)
    .max(60)
    .regex(/^[0-9a-f-]+(?::\d{1,10})?$/i, "That is not a purchase reference."),
});
