import "server-only";
import { createHash } from "node:crypto";
import type { PurchaseAttemptRow, PurchaseRequestRow, PurchaseStatus } from "@/lib/db/schema";
import { canonicalRequest, summaryOf } from "@/lib/purchases/request";
import {
  purchaseRequestSchema,
  renewRequestSchema,
  type PurchaseRequest,
  type RenewRequest,
} from "@/lib/validation/purchases";
import type { ListedRequest } from "./queries";
import type { PurchaseRequestView } from "./types";

/** What a request asks for, read back from its row with the wizard's own schemas. */
export type RequestedOrder =
  { kind: "purchase"; request: PurchaseRequest } | { kind: "renew"; request: RenewRequest };

export function requestedOrderOf(row: Pick<PurchaseRequestRow, "kind" | "request">): RequestedOrder | null {
  if (row.kind === "renew") {
    const parsed = renewRequestSchema.safeParse(row.request);
    return parsed.success ? { kind: "renew", request: parsed.data } : null;
  }
  const parsed = purchaseRequestSchema.safeParse(row.request);
  return parsed.success ? { kind: "purchase", request: parsed.data } : null;
}

/** What is stored as the request: the parsed request itself (a renewal's items and years). */
export function storedOrder(order: RequestedOrder): Record<string, unknown> {
  return order.kind === "renew"
    ? { items: order.request.items, years: order.request.years }
    : { ...order.request };
}

/** Whether a repeated send asks for the same thing (else the wizard changed its choices). */
export function sameOrder(row: Pick<PurchaseRequestRow, "kind" | "request">, order: RequestedOrder): boolean {
  // Both read through the same schema, so nested keys come in the same order (jsonb sorts them).
  const stored = requestedOrderOf(row);
  return (
    stored !== null &&
    stored.kind === order.kind &&
    canonicalRequest(storedOrder(stored)) === canonicalRequest(storedOrder(order))
  );
}

export function orderSummary(order: RequestedOrder | null, reader: "staff" | "customer" = "staff"): string {
  if (!order) return "An order that can no longer be read";
  if (order.kind === "purchase") return summaryOf(order.request, reader);
  const { items, years } = order.request;
  const [first] = items;
  if (items.length === 1 && first) return summaryOf({ kind: "renew", ...first, years }, reader);
  const domains = [...new Set(items.map((item) => item.domain))];
  return `Renew ${items.length} paks (${domains.join(", ")}) for ${years} ${years === 1 ? "year" : "years"}`;
}

export function orderDomain(order: RequestedOrder): string {
  return order.kind === "purchase" ? order.request.domain : (order.request.items[0]?.domain ?? "");
}

/**
 * The idempotency key the approval orders under, made from the request's id: approving twice,
 * from two tabs or by two people, places one order (the attempts' key is the never-twice guard).
 * Shaped as a UUID, like the wizard's keys, so the order's page opens by it.
 */
export function approvalKeyOf(requestId: string): string {
  const hex = createHash("sha256")
    .update(`mailpak.purchase-request:${requestId.toLowerCase()}`)
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** One status for the order's attempts (a renewal has one per pak): the least settled wins. */
export function orderStatusOf(rows: PurchaseAttemptRow[]): PurchaseStatus | null {
  if (rows.length === 0) return null;
  for (const status of ["pending", "unknown", "failed"] as const)
    if (rows.some((row) => row.status === status)) return status;
  return "ok";
}

export function requestView(
  listed: ListedRequest,
  attempts: PurchaseAttemptRow[],
  audience: "staff" | "customer",
): PurchaseRequestView {
  const { request: row } = listed;
  const order = requestedOrderOf(row);
  const mine = row.attemptKey
    ? attempts.filter((attempt) => attempt.key === row.attemptKey || attempt.batchKey === row.attemptKey)
    : [];
  const status = orderStatusOf(mine);
  const prefix = audience === "customer" ? "/portal" : "";
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    domain: row.domain,
    summary: orderSummary(order, audience),
    retailCents: row.retailCents,
    customerId: row.customerId,
    customerName: listed.customerName,
    requestedBy: row.requestedByEmail,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: deciderOf(listed, audience),
    decisionNote: row.decisionNote,
    order:
      status && row.attemptKey
        ? { status, href: `${prefix}/purchases/${encodeURIComponent(row.attemptKey)}` }
        : null,
  };
}

function deciderOf(listed: ListedRequest, audience: "staff" | "customer"): string | null {
  const { request: row } = listed;
  if (row.status === "waiting") return null;
  if (row.status === "withdrawn")
    return audience === "staff" ? (listed.decidedByEmail ?? "the customer") : "you";
  return audience === "staff" ? (listed.decidedByEmail ?? "a former staff member") : "your provider";
}
