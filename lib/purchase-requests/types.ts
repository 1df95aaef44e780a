/**
 * Purchase requests as the screens show them (the staff's Approvals page, the portal's Requests
 * page). Plain data, no server imports. Customers never see who on the staff decided, nor cost.
 */
import type { PurchaseKind, PurchaseRequestStatus, PurchaseStatus } from "@/lib/db/schema";
import type { MonthSpending } from "@/lib/purchases/spending-model";

export type { PurchaseKind, PurchaseRequestStatus, PurchaseStatus };

export interface PurchaseRequestView {
  id: string;
  kind: PurchaseKind;
  status: PurchaseRequestStatus;
  /** The (first) domain the order is for. */
  domain: string;
  /** What is asked for, e.g. "New pak on example.com: 25 mailboxes, 5 GB each, 1 year". */
  summary: string;
  /** The customer's price when asked; null when none was recorded. */
  retailCents: number | null;
  customerId: string;
  customerName: string;
  requestedBy: string;
  /** ISO instants. */
  createdAt: string;
  decidedAt: string | null;
  /** Staff: the email of who decided; customers: "your provider" (or "you" for a withdrawal). */
  decidedBy: string | null;
  decisionNote: string;
  /** The order placed on approval: its outcome and its page; null before. */
  order: { status: PurchaseStatus; href: string } | null;
}

/** The staff's queue: what waits, then what was decided lately. */
export interface ApprovalQueue {
  waiting: PurchaseRequestView[];
  decided: PurchaseRequestView[];
}

/** The portal's page: the customer's requests and this month's spending. */
export interface CustomerRequests {
  requests: PurchaseRequestView[];
  spending: MonthSpending | null;
}

export const REQUEST_STATUS_LABELS: Record<PurchaseRequestStatus, string> = {
  waiting: "Waiting for approval",
  approved: "Approved",
  declined: "Declined",
  withdrawn: "Withdrawn",
};

export const ORDER_STATUS_LABELS: Record<PurchaseStatus, string> = {
  pending: "being placed",
  ok: "done",
  failed: "failed, nothing bought",
  unknown: "not confirmed yet",
};
