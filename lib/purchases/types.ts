/**
 * What the purchase and renewal actions return to the browser (lib/actions/purchases.ts). Plain
 * data, no server imports. Customers never receive cost prices, the eNom balance or TrackingKeys:
 * those fields are null for them.
 */
import type { PurchaseKind, PurchaseStatus } from "@/lib/db/schema";
import type { MonthSpending } from "./spending-model";

export interface QuoteLine {
  /** e.g. "25 mailboxes, 5 GB each, 1 year" */
  label: string;
  retailCents: number;
  /** What eNom debits from the account balance; null for customers. */
  costCents: number | null;
}

export interface Quote {
  lines: QuoteLine[];
  retailCents: number;
  costCents: number | null;
  /** The eNom account balance (GetBalance) now; null for customers, or when it could not be read. */
  balanceCents: number | null;
  /** balance - cost; null when either is unknown. */
  balanceAfterCents: number | null;
  /** False when the balance is known and cannot cover the cost: the wizard says so and will not submit. */
  sufficient: boolean;
  /** Renewals and growth: each pak's expiry now and after (ISO calendar dates). */
  expiries: { domain: string; bundleId: number; from: string; to: string }[];
  /** Why the balance could not be read, when it could not (the purchase is still allowed). */
  balanceProblem: string | null;
  /** A new pak's expiry (ISO calendar date); null for growth and renewals (see `expiries`). */
  newPakExpires: string | null;
  /**
   * A customer's spending this month, its limit and whether staff approve each order (the review's
   * "This month: $X of $Y limit", and "Send for approval"); absent for staff.
   */
  spending?: MonthSpending | null;
}

/**
 * Why a submit made no order and shows an earlier attempt instead (lib/purchases/gate.ts):
 * - same-order: the same thing was ordered within the last minutes (by anyone): see it, or buy
 *   again on purpose with `confirmation`;
 * - domain-held: another order for the domain is unconfirmed (or being placed): nothing more is
 *   bought for the domain until it is checked.
 */
export interface EarlierOrder {
  reason: "same-order" | "domain-held";
  /** When the earlier order was placed (ISO). */
  placedAt: string;
  /** Who placed it, as this viewer may be told: "you", a colleague's email, or "your provider". */
  placedBy: string;
  /** Whether this viewer may open the earlier order's page. */
  canView: boolean;
  /** Issued by the server for "buy again on purpose"; null when that is not possible now. */
  confirmation: string | null;
  confirmationExpiresAt: string | null;
}

export interface AttemptView {
  key: string;
  kind: PurchaseKind;
  /** pending: in flight; ok: done; failed: eNom refused, nothing bought; unknown: eNom's answer was lost. */
  status: PurchaseStatus;
  /** How an unknown outcome was settled by reading eNom, if it was. */
  reconciliation: "made" | "not-made" | null;
  domain: string;
  bundleId: number | null;
  orderId: string | null;
  /** eNom's TrackingKey; null for customers. */
  trackingKey: string | null;
  /** A sentence for the user, in plain words, never naming the upstream provider to customers. */
  message: string;
  /** A short description of what was asked for, e.g. "New pak: 25 mailboxes, 5 GB, 1 year". */
  summary: string;
  retailCents: number | null;
  /** eNom's OrderAmount, or the quoted cost; null for customers. */
  costCents: number | null;
  /** A renewal's new expiry (ISO calendar date). */
  newExpiry: string | null;
  createdAt: string;
  /** True when the same key had already been submitted: this is the first attempt's result. */
  replayed: boolean;
  /** Set when this submit made no order because of this earlier attempt. */
  earlier: EarlierOrder | null;
}

export interface RenewalBatchView {
  batchKey: string;
  attempts: AttemptView[];
  /** Set when this submit renewed nothing because of the earlier attempts listed. */
  earlier: EarlierOrder | null;
  /** The job renewing a selection of paks (the activity view follows it); absent for one pak. */
  runId?: string | null;
}

/**
 * Deleting a pak with its mailboxes (lib/actions/paks.ts deletePakAction): eNom refuses
 * DeletePOPPak while the pak has mailboxes, so the mailboxes go first (DeletePOP3), then the pak.
 * Each step's outcome, as the dialog shows it.
 */
export interface PakDeletionView {
  bundleId: number;
  /** Step 1, DeletePOP3 of the pak's mailboxes (empty lists when the pak had none). */
  mailboxes: {
    deleted: string[];
    /** Refused by the email service, with its reason in the user's words. */
    failed: { userName: string; reason: string }[];
    /** Sent, but not confirmed either way. */
    unknown: string[];
    /** Not sent: an earlier batch did not fully succeed. */
    notSent: string[];
  };
  /** Step 2, DeletePOPPak: sent only once every mailbox is deleted. */
  pak: "deleted" | "failed" | "unknown" | "not-sent";
  /** Why the pak was not deleted (the email service's refusal, or what is left). */
  pakReason: string | null;
  /** The pak's mailboxes still there after a partial step 1, as read back; null when not read. */
  left: string[] | null;
}

export interface PurchaseDomainOption {
  domain: string;
  /** Paks the domain has now (a second pak is allowed). */
  paks: number;
  /** The owning customer's name; always null for customers. */
  customerName: string | null;
}

export interface PurchaseDomainSearch {
  options: PurchaseDomainOption[];
  /** Email-capable domains matching the query, of which `options` are the first few. */
  total: number;
}

/** What `/purchases/<key>` shows: one attempt, or each pak's attempt of a renewal batch. */
export interface PurchaseResultView {
  attempts: AttemptView[];
  isBatch: boolean;
  /** The job renewing the batch, when it runs as one and this viewer may follow it. */
  runId?: string | null;
}

/** The answer of the purchase GET routes (`app/api/purchases`, `app/api/quotes`). */
export type PurchaseReadResponse<T> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> };
