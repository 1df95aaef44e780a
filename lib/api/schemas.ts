import { z } from "zod";
import { API_SCOPES } from "@/lib/db/schema";
import {
  AUDIT_OUTCOMES,
  JOB_ITEM_STATUSES,
  PURCHASE_KINDS,
  PURCHASE_REQUEST_STATUSES,
  PURCHASE_STATUSES,
} from "@/lib/db/schema";
import { RUN_STATUSES } from "@/lib/jobs/model";
import { DOMAIN_FILTERS } from "@/lib/domains/domain-list";
import { domainNameSchema } from "@/lib/validation/customers";
import { userNameSchema } from "@/lib/validation/mailbox-fields";

/**
 * The shapes of /api/v1's answers, as zod schemas: the OpenAPI document is generated from them
 * (lib/api/openapi.ts), and the API's tests parse real answers with them, so neither can drift.
 * Inputs reuse the panel's own validation schemas (lib/validation) wherever a form takes the same.
 */

const isoInstant = z.string().describe("An ISO 8601 instant, e.g. 2026-12-07T10:00:00.000Z");
const isoDate = z.string().describe("An ISO 8601 calendar date, e.g. 2027-03-01");

// ── Paths and paging ─────────────────────────────────────────────────────────────────────────

export const domainParams = z.object({ domain: domainNameSchema });
export const mailboxParams = z.object({ domain: domainNameSchema, userName: userNameSchema });
export const pakParams = z.object({
  domain: domainNameSchema,
  bundleId: z.coerce.number().int().min(1).max(9_999_999_999),
});

export const cursorQuery = z.object({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, "That cursor is not one this API gave; start from the first page.")
    .optional()
    .describe("The `nextCursor` of the previous page; absent for the first page."),
  limit: z.coerce
    .number("The limit must be a number.")
    .int("The limit must be a whole number.")
    .min(1, "The limit is at least 1.")
    .max(100, "The limit is at most 100.")
    .optional()
    .describe("Items per page, 1–100 (default 50)."),
});

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  });
}

/** Opaque to clients; a page number or a position the feature module pages by. */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

// ── Domains, paks, mailboxes ─────────────────────────────────────────────────────────────────

export const domainListQuery = cursorQuery.extend({
  q: z
    .string()
    .trim()
    .max(100, "Search for at most 100 characters.")
    .optional()
    .describe("Part of a domain or customer name."),
  filter: z
    .enum(DOMAIN_FILTERS, `Choose a filter from: ${DOMAIN_FILTERS.join(", ")}.`)
    .optional()
    .describe(
      "Only domains with expiring or expired paks, auto-renew off, a full pak, mail delivery problems, or no email.",
    ),
});

export const domainSummary = z.object({
  domain: z.string(),
  customer: z.object({ id: z.string(), name: z.string() }).nullable().describe("Null for customer keys."),
  paks: z.number().int(),
  mailboxes: z.object({ used: z.number().int(), purchased: z.number().int() }).nullable(),
  storageUsedMb: z.number().nullable(),
  nearestExpiry: isoDate.nullable(),
  autoRenew: z.enum(["on", "off", "mixed"]).nullable(),
  fullPaks: z.number().int().nullable(),
});

export const pak = z.object({
  bundleId: z.number().int(),
  capacityGb: z.number().nullable(),
  quotaMb: z.number().nullable(),
  purchased: z.number().int(),
  available: z.number().int(),
  used: z.number().int(),
  expires: isoDate,
  autoRenew: z.boolean(),
  nickname: z.string().nullable(),
});

export const mailbox = z.object({
  userName: z.string(),
  address: z.string(),
  displayName: z.string().nullable().describe("Null when not known (the email service never returns one)."),
  bundleId: z.number().int().nullable(),
  isAdmin: z.boolean(),
  quotaMb: z.number().nullable(),
  quotaUsedMb: z.number().nullable(),
});

export const domainDetail = z.object({
  domain: z.string(),
  paks: z.array(pak),
  mailboxes: z.array(mailbox),
  catchAll: z.string().nullable(),
  readAt: isoInstant.describe("When the email service was last read for this domain."),
  readError: z.string().nullable(),
});

export const mailboxResult = z.object({
  userName: z.string(),
  outcome: z
    .enum(["ok", "failed", "unknown"])
    .describe("unknown: the answer was lost and could not be read back."),
  message: z.string().nullable(),
});
export const mailboxBatchResult = z.object({ results: z.array(mailboxResult) });

export const createMailboxesBody = z.object({
  bundleId: z.number().int().min(1).describe("The pak the mailboxes use a place of."),
  mailboxes: z
    .array(
      z.object({
        userName: userNameSchema,
        password: z.string().describe("Sent to the email service only; never stored or logged."),
        displayName: z.string().optional(),
        isAdmin: z.boolean().optional(),
      }),
    )
    .min(1, "Add at least one mailbox."),
});

export const resetPasswordBody = z.object({
  password: z.string().describe("The new password; sent to the email service only."),
});

export const updateMailboxBody = z
  .object({
    isAdmin: z.boolean().optional().describe("The webmail administrator flag."),
    displayName: z.string().optional().describe("Empty removes it."),
  })
  .refine((body) => body.isAdmin !== undefined || body.displayName !== undefined, {
    message: "Send isAdmin, displayName or both.",
  });

export const forwardingBody = z.object({
  forwardTo: z.string().describe("A full address."),
  keepCopy: z.boolean().optional().describe("Keep a copy in the mailbox (default true)."),
});

export const forward = z.object({ userName: z.string(), forwardTo: z.string(), active: z.boolean() });
export const forwardingList = z.object({
  domain: z.string(),
  forwards: z.array(forward),
  readAt: isoInstant,
  readError: z.string().nullable(),
});

export const catchAll = z.object({ catchAll: z.string().nullable() });
export const catchAllBody = z.object({ catchAll: z.string().describe("A full address.") });

export const autoRenewBody = z.object({ autoRenew: z.boolean() });
export const pakAutoRenew = z.object({ bundleId: z.number().int(), autoRenew: z.boolean() });

export const alias = z.object({
  alias: z.string(),
  address: z.string(),
  forwardTo: z.string(),
  enabled: z.boolean(),
});
export const aliasList = z.object({
  domain: z.string(),
  aliases: z.array(alias),
  used: z.number().int().describe("Records of the domain's forwarding list, aliases and mailbox forwards."),
  maxAliases: z.number().int().nullable().describe("The domain's limit, when the email service states it."),
  readAt: isoInstant,
});
export const createAliasBody = z.object({ alias: userNameSchema, forwardTo: z.string() });
export const editAliasBody = z.object({ forwardTo: z.string() });
export const aliasParams = z.object({ domain: domainNameSchema, alias: userNameSchema });

// ── Purchases, renewals, expirations ─────────────────────────────────────────────────────────

export const attempt = z.object({
  key: z.string(),
  kind: z.enum(PURCHASE_KINDS),
  status: z
    .enum(PURCHASE_STATUSES)
    .describe(
      "ok: bought; failed: nothing bought; unknown: being checked, nothing more is bought meanwhile.",
    ),
  reconciliation: z.enum(["made", "not-made"]).nullable(),
  domain: z.string(),
  bundleId: z.number().int().nullable(),
  orderId: z.string().nullable(),
  trackingKey: z.string().nullable(),
  message: z.string(),
  summary: z.string(),
  retailCents: z.number().int().nullable(),
  costCents: z.number().int().nullable(),
  newExpiry: isoDate.nullable(),
  createdAt: isoInstant,
  replayed: z
    .boolean()
    .describe("True when this Idempotency-Key was used before: this is the first call's result."),
  earlier: z
    .object({
      reason: z.enum(["same-order", "domain-held"]),
      placedAt: isoInstant,
      placedBy: z.string(),
      canView: z.boolean(),
      confirmation: z
        .string()
        .nullable()
        .describe("Send as `confirmation` to buy the same again, on purpose."),
      confirmationExpiresAt: isoInstant.nullable(),
    })
    .nullable()
    .describe(
      "Set when nothing was bought because of an earlier order of the same, or one still being checked.",
    ),
});

export const renewalBatch = z.object({
  batchKey: z.string(),
  attempts: z.array(attempt),
  earlier: attempt.shape.earlier,
  runId: z.string().nullable().optional(),
});

export const expiration = z.object({
  domain: z.string(),
  bundleId: z.number().int(),
  expires: isoDate,
  daysLeft: z.number().int().describe("Negative once expired."),
  bucket: z.enum(["expired", "30", "60", "90", "later"]),
  autoRenew: z.boolean().nullable(),
  mailboxes: z.number().int().nullable().describe("Places the pak holds."),
  customer: z.object({ id: z.string(), name: z.string() }).nullable().describe("Null for customer keys."),
});
export const expirationQuery = z.object({
  withinDays: z.coerce
    .number("withinDays must be a number.")
    .int("withinDays must be a whole number.")
    .min(0, "withinDays is at least 0.")
    .max(3650, "withinDays is at most 3650.")
    .optional()
    .describe("Only paks expiring within this many days (expired ones included); all when absent."),
});

// ── Customers, audit, the key ────────────────────────────────────────────────────────────────

export const customer = z.object({
  id: z.string(),
  name: z.string(),
  domainCount: z.number().int().optional(),
  contactEmail: z.string().nullable(),
  allowances: z.object({
    canCreateMailboxes: z.boolean(),
    canManageMailboxes: z.boolean(),
    canToggleAutoRenew: z.boolean(),
    canPurchase: z.boolean(),
    canRenew: z.boolean(),
  }),
  createdAt: isoInstant,
});
export const customerDetail = customer.extend({ domains: z.array(z.string()) });
export const customerParams = z.object({ customerId: z.uuid("That customer was not found.") });
export const customerDomainsBody = z.object({ domains: z.array(z.string()).max(10_000) });

export const auditQuery = cursorQuery.extend({
  q: z.string().trim().max(200).optional(),
  domain: z.string().trim().max(253).optional(),
  action: z.string().trim().max(100).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: z.iso.datetime({ offset: true, message: "from is an ISO 8601 instant." }).optional(),
  to: z.iso.datetime({ offset: true, message: "to is an ISO 8601 instant." }).optional(),
});
export const auditEntry = z.object({
  id: z.number().int(),
  at: isoInstant,
  actor: z.string(),
  actorRole: z.string(),
  action: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
  summary: z.string(),
  domain: z.string().nullable(),
  mailbox: z.string().nullable(),
  pakId: z.string().nullable(),
  enomOrderId: z.string().nullable(),
  enomTrackingKey: z.string().nullable(),
});

export const me = z.object({
  key: z.object({ id: z.string(), name: z.string(), scopes: z.array(z.enum(API_SCOPES)) }),
  actsAs: z.object({ email: z.string(), role: z.string(), customerId: z.string().nullable() }),
});

// ── Orders waiting for approval, and jobs ────────────────────────────────────────────────────

export const purchaseRequestView = z.object({
  id: z.string(),
  kind: z.enum(PURCHASE_KINDS),
  status: z
    .enum(PURCHASE_REQUEST_STATUSES)
    .describe("waiting for staff, approved (the order was placed), declined, withdrawn."),
  domain: z.string(),
  summary: z.string(),
  retailCents: z.number().int().nullable(),
  customerId: z.string(),
  customerName: z.string(),
  requestedBy: z.string(),
  createdAt: isoInstant,
  decidedAt: isoInstant.nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string(),
  order: z
    .object({ status: z.enum(PURCHASE_STATUSES), href: z.string() })
    .nullable()
    .describe("The order placed on approval, and its outcome."),
});

export const jobItem = z.object({
  seq: z.number().int(),
  label: z.string(),
  status: z.enum(JOB_ITEM_STATUSES),
  message: z.string(),
});
export const job = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  status: z.enum(RUN_STATUSES),
  startedBy: z.string(),
  domain: z.string().nullable(),
  total: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  unknown: z.number().int(),
  error: z.string().nullable(),
  createdAt: isoInstant,
  startedAt: isoInstant.nullable(),
  finishedAt: isoInstant.nullable(),
  items: z.array(jobItem),
});
