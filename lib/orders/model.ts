import { PURCHASE_KINDS, PURCHASE_STATUSES, type PurchaseKind, type PurchaseStatus } from "@/lib/db/schema";
import { MAILBOXES_PER_PACK } from "@/lib/validation/enom-rules";

/**
 * The order history's shared, pure part: what an order row looks like to its viewer, how an order
 * is described in words, and the labels of its kinds and outcomes. Browser-safe (no server
 * imports), so the screens (components/orders) and the CSV writer say the same thing.
 */

export const ORDER_KINDS = PURCHASE_KINDS;
export type OrderKind = PurchaseKind;
export const ORDER_OUTCOMES = PURCHASE_STATUSES;
export type OrderOutcome = PurchaseStatus;

/** Who reads the history: staff (every order, with cost) or a customer (its own, retail only). */
export type OrderAudience = "staff" | "customer";

export const ORDER_KIND_LABELS: Record<OrderKind, string> = {
  purchase: "New paks",
  "add-mailboxes": "More mailboxes",
  "add-storage": "More storage",
  renew: "Renewals",
};

/**
 * The outcome in words. `unknown` is an order whose answer was lost after it may have been made:
 * it is checked by reading the account, so to the reader it is still waiting for that answer.
 * Customers are told the service's name from the capabilities ("the email service"), never eNom's.
 */
export function outcomeLabel(outcome: OrderOutcome, audience: OrderAudience): string {
  switch (outcome) {
    case "ok":
      return "Done";
    case "failed":
      return "Failed";
    case "pending":
      return "In progress";
    case "unknown":
      return audience === "staff" ? "Waiting for eNom's answer" : "Waiting for the email service's answer";
  }
}

/** The filters of the order history, as lib/orders applies them (lib/validation/orders.ts reads them). */
export interface OrderFilter {
  kind?: OrderKind;
  outcome?: OrderOutcome;
  /** The start of the domain name, lower-case. */
  domain?: string;
  /** Staff only: orders of this customer's domains, or placed by its people. */
  customerId?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Part of the domain name, or the start of the order id. */
  q?: string;
}

/** One order as its viewer may see it; customers get no cost and no customer column. */
export interface OrderView {
  /** The attempt's key: its result page is `/purchases/<key>` (`/portal/purchases/<key>`). */
  key: string;
  href: string;
  /** ISO time. */
  createdAt: string;
  domain: string;
  /** The customer the domain belongs to, or that placed the order; null for customers. */
  customerName: string | null;
  kind: OrderKind;
  outcome: OrderOutcome;
  /** e.g. "Bought 10 mailboxes · 5 GB each, yearly". */
  what: string;
  /** The pak bought, grown or renewed, once known. */
  pakId: number | null;
  /** The order id the provider gave; null when no order was made (or not yet known). */
  orderId: string | null;
  /** Who placed it, as this viewer may be told: an email, "You" or "Your provider". */
  who: string;
  /** The placing user's role, for staff; null for customers. */
  whoRole: string | null;
  retailCents: number | null;
  /** What eNom debited (or the quoted cost); always null for customers. */
  costCents: number | null;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function positiveInt(value: unknown): number | null {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isInteger(number) && number > 0 ? number : null;
}

/** 1 unit of eNom's extra storage is 512 MB per mailbox. */
function storageLabel(units: number): string {
  const mb = units * 512;
  return mb < 1024 ? `${mb} MB` : `${mb / 1024} GB`;
}

/**
 * What an order asked for, in a line: "Bought 10 mailboxes · 5 GB each, yearly", "Added 5
 * mailboxes", "Added 1 GB storage per mailbox", "Renewed 1 pak for 2 years". The request is the
 * attempt's stored JSON (lib/purchases/request.ts); a field that is missing or odd gives a plainer
 * line rather than a wrong one.
 */
export function describeOrder(kind: OrderKind, request: Record<string, unknown>): string {
  switch (kind) {
    case "purchase": {
      const quantity = positiveInt(request.quantity);
      const capacityGb = positiveInt(request.capacityGb);
      const period =
        request.billingPeriod === "month" ? "month" : request.billingPeriod === "year" ? "year" : null;
      if (quantity === null || capacityGb === null || period === null) return "Bought a pak";
      const mailboxes = request.quantityUnit === "packs" ? quantity * MAILBOXES_PER_PACK : quantity;
      const terms = positiveInt(request.terms) ?? 1;
      const term = terms > 1 ? ` · ${plural(terms, period, `${period}s`)}` : "";
      return `Bought ${plural(mailboxes, "mailbox", "mailboxes")} · ${capacityGb} GB each, ${period === "month" ? "monthly" : "yearly"}${term}`;
    }
    case "add-mailboxes": {
      const quantity = positiveInt(request.quantity);
      return quantity === null ? "Added mailboxes" : `Added ${plural(quantity, "mailbox", "mailboxes")}`;
    }
    case "add-storage": {
      const units = positiveInt(request.units);
      return units === null ? "Added storage" : `Added ${storageLabel(units)} storage per mailbox`;
    }
    case "renew": {
      const years = positiveInt(request.years);
      return years === null ? "Renewed 1 pak" : `Renewed 1 pak for ${plural(years, "year", "years")}`;
    }
  }
}

/** The pak an order concerns: the one it made or grew (as recorded), else the one it asked for. */
export function pakIdOf(
  pakId: string | null,
  request: Record<string, unknown>,
  result: Record<string, unknown>,
): number | null {
  return positiveInt(pakId) ?? positiveInt(result.bundleId) ?? positiveInt(request.bundleId);
}

/** "2026-05-31 14:02:09" in UTC, as the audit log shows times. */
export function formatOrderTime(iso: string): string {
  return iso.slice(0, 19).replace("T", " ");
}

/** Dollars with two decimals and no sign, for a spreadsheet to sum. */
export function csvDollars(cents: number | null): string {
  if (cents === null) return "";
  return `${Math.trunc(cents / 100)}.${String(Math.abs(cents % 100)).padStart(2, "0")}`;
}
