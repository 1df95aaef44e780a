import "server-only";
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session";
import { findCustomer } from "@/lib/customers/queries";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { purchaseAttempts } from "@/lib/db/schema";
import {
  approvalNeededMessage,
  monthStartUtc,
  overLimitMessage,
  usd,
  type MonthSpending,
} from "./spending-model";
import type { Refusal } from "./purchase";

/**
 * A customer's own purchases and renewals against what its reseller allows (issue 16): a monthly
 * spending limit at retail prices, and "ask staff to approve" mode. Staff are never limited here.
 * The month-to-date spend is the retail price of the customer's attempts that bought or may have
 * bought (ok, pending, unknown) created this calendar month (UTC): each attempt once, by its key.
 */

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Reader = Database | Tx;

/** What counts as spent: done, in flight, or not yet known (it may have bought). */
const SPENDING_STATUSES = ["ok", "pending", "unknown"] as const;

export async function monthToDateSpendCents(
  customerId: string,
  now: Date = new Date(),
  reader?: Reader,
): Promise<number> {
  const db = reader ?? (await getDb());
  const [row] = await db
    .select({ cents: sql<number>`coalesce(sum(${purchaseAttempts.retailCents}), 0)::int` })
    .from(purchaseAttempts)
    .where(
      and(
        eq(purchaseAttempts.customerId, customerId),
        inArray(purchaseAttempts.status, [...SPENDING_STATUSES]),
        gte(purchaseAttempts.createdAt, monthStartUtc(now)),
      ),
    );
  return row?.cents ?? 0;
}

/** What the reseller set for this caller's customer; null for staff (and a customer since deleted). */
export interface CustomerSpendPolicy {
  customerId: string;
  customerName: string;
  limitCents: number | null;
  approval: boolean;
}

export async function spendPolicyOf(user: SessionUser): Promise<CustomerSpendPolicy | null> {
  if (user.role !== "customer" || !user.customerId) return null;
  // Read afresh: a limit changed a moment ago applies to the next click.
  const customer = await findCustomer(user.customerId);
  if (!customer) return null;
  return {
    customerId: customer.id,
    customerName: customer.name,
    limitCents: customer.monthlySpendLimitCents,
    approval: customer.purchaseApproval,
  };
}

/** This month's spending as the portal shows it (the wizard's review, the requests page). */
export async function monthSpendingOf(user: SessionUser): Promise<MonthSpending | null> {
  const policy = await spendPolicyOf(user);
  if (!policy) return null;
  return {
    spentCents: await monthToDateSpendCents(policy.customerId),
    limitCents: policy.limitCents,
    approvalRequired: policy.approval,
  };
}

/** The spending check the claim repeats inside its transaction (gate.ts), null when none applies. */
export interface SpendCheck {
  customerId: string;
  limitCents: number;
  addCents: number;
}

export interface AuditTarget {
  action: string;
  domain: string | null;
  pakId: string | null;
  key: string;
  request: unknown;
}

export interface PolicyOptions {
  /** Staff approved this order (purchase-requests): approval mode lets it through. */
  approvedBy?: SessionUser | null;
}

/**
 * Refuses a customer's order before anything is written when its reseller wants to approve each
 * one (unless staff approved this one) or when it would take the month's spending over the limit;
 * audited as refused. Otherwise the check the claim must repeat under its lock, if any.
 */
export async function refuseByCustomerPolicy(
  user: SessionUser,
  retailCents: number,
  audit: AuditTarget,
  options: PolicyOptions = {},
): Promise<{ refusal: Refusal } | { refusal: null; check: SpendCheck | null }> {
  const policy = await spendPolicyOf(user);
  if (!policy) return { refusal: null, check: null };
  const approver = options.approvedBy ?? null;
  if (policy.approval && !approver) {
    await auditRefusal(user, audit, `Refused: ${policy.customerName} asks staff to approve each purchase`, {
      approvalRequired: true,
    });
    return { refusal: { ok: false, message: approvalNeededMessage() } };
  }
  if (policy.limitCents === null) return { refusal: null, check: null };
  const spentCents = await monthToDateSpendCents(policy.customerId);
  const check = { customerId: policy.customerId, limitCents: policy.limitCents, addCents: retailCents };
  if (spentCents + retailCents <= policy.limitCents) return { refusal: null, check };
  return { refusal: await refuseOverLimit(user, audit, check, spentCents, approver) };
}

/** Over the limit: audited as refused, with a message for whoever placed the order. */
export async function refuseOverLimit(
  user: SessionUser,
  audit: AuditTarget,
  check: SpendCheck,
  spentCents: number,
  approver: SessionUser | null = null,
): Promise<Refusal> {
  const spending = { spentCents, limitCents: check.limitCents, orderCents: check.addCents };
  await auditRefusal(
    user,
    audit,
    `Refused: ${usd(check.addCents)} would take this month's spending (${usd(spentCents)}) over the monthly limit of ${usd(check.limitCents)}`,
    { ...spending, ...(approver ? { approvedBy: approver.email } : {}) },
  );
  return { ok: false, message: overLimitMessage(spending, approver ? "staff" : "customer") };
}

/**
 * The customer's spending lock, held by a claim's transaction before the domains' locks (every
 * claim takes them in that order), so two orders at once cannot both pass the limit.
 */
export async function lockCustomerSpending(tx: Tx, customerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mailpak.spend:${customerId}`}))`);
}

/** The limit checked again inside the claim's transaction, under `lockCustomerSpending`. */
export async function spendWithinLimit(
  tx: Tx,
  check: SpendCheck,
): Promise<{ ok: true } | { ok: false; spentCents: number }> {
  const spentCents = await monthToDateSpendCents(check.customerId, new Date(), tx);
  return spentCents + check.addCents <= check.limitCents ? { ok: true } : { ok: false, spentCents };
}

async function auditRefusal(
  user: SessionUser,
  audit: AuditTarget,
  summary: string,
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit({
    actor: { id: user.id, email: user.email, role: user.role },
    action: audit.action,
    outcome: "failed",
    summary,
    domain: audit.domain,
    pakId: audit.pakId,
    targetCustomerId: user.customerId,
    details: { key: audit.key, request: audit.request, ...details },
  });
}
