import { z } from "zod";
import type { PurchaseKind } from "@/lib/db/schema";

/**
 * The ledger's shared, pure part: months (UTC), what a statement row looks like to its reader,
 * totals, and margin per month. Browser-safe: the screens, the CSV writer and the print page say
 * the same thing.
 */

/** Who reads: staff who see costs, staff who do not, or the customer (retail only, never eNom). */
export type LedgerAudience = "staff-cost" | "staff" | "customer";

export const showsCost = (audience: LedgerAudience) => audience === "staff-cost";

/** `2026-05`: a calendar month in UTC. */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Choose a month such as 2026-05.")
  .refine((value) => Number(value.slice(0, 4)) >= 2000 && Number(value.slice(0, 4)) <= 2999, {
    message: "Choose a month such as 2026-05.",
  });

export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The month's first instant and the next month's (exclusive), in UTC. */
export function monthRange(month: string): { from: Date; to: Date } {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1;
  return { from: new Date(Date.UTC(year, index, 1)), to: new Date(Date.UTC(year, index + 1, 1)) };
}

/** The month `delta` months from `month` (negative: earlier). */
export function addMonths(month: string, delta: number): string {
  const { from } = monthRange(month);
  return monthOf(new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + delta, 1)));
}

/** A month read from an address: valid, else the current month (UTC). */
export function monthFromSearch(value: unknown, now: Date = new Date()): string {
  const raw = Array.isArray(value) ? value[0] : value;
  const parsed = monthSchema.safeParse(raw);
  return parsed.success ? parsed.data : monthOf(now);
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "May 2026". */
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}

/** One ledger row as its reader may see it. */
export interface StatementLine {
  id: number;
  /** ISO instant the debit was recorded. */
  occurredAt: string;
  domain: string;
  kind: PurchaseKind;
  what: string;
  orderId: string | null;
  /** Staff only. */
  trackingKey: string | null;
  retailCents: number;
  /** Staff with `orders.view` only; null otherwise. */
  costCents: number | null;
  marginCents: number | null;
}

export interface StatementTotals {
  count: number;
  retailCents: number;
  costCents: number | null;
  marginCents: number | null;
}

export interface Statement {
  customerId: string;
  customerName: string;
  month: string;
  audience: LedgerAudience;
  lines: StatementLine[];
  totals: StatementTotals;
}

export interface LedgerRecord {
  id: number;
  occurredAt: Date;
  domain: string;
  kind: PurchaseKind;
  description: string;
  enomOrderId: string | null;
  enomTrackingKey: string | null;
  costCents: number;
  retailCents: number;
}

/** A stored row for this reader: a customer never gets the cost or eNom's TrackingKey. */
export function statementLineOf(row: LedgerRecord, audience: LedgerAudience): StatementLine {
  const cost = showsCost(audience);
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    domain: row.domain,
    kind: row.kind,
    what: row.description,
    orderId: row.enomOrderId,
    trackingKey: audience === "customer" ? null : row.enomTrackingKey,
    retailCents: row.retailCents,
    costCents: cost ? row.costCents : null,
    marginCents: cost ? row.retailCents - row.costCents : null,
  };
}

export function totalsOf(lines: readonly StatementLine[], audience: LedgerAudience): StatementTotals {
  const retailCents = lines.reduce((sum, line) => sum + line.retailCents, 0);
  if (!showsCost(audience)) return { count: lines.length, retailCents, costCents: null, marginCents: null };
  const costCents = lines.reduce((sum, line) => sum + (line.costCents ?? 0), 0);
  return { count: lines.length, retailCents, costCents, marginCents: retailCents - costCents };
}

export interface MonthMargin {
  month: string;
  retailCents: number;
  costCents: number;
  marginCents: number;
  count: number;
}

/**
 * The last `months` months up to and including `current`, oldest first, each with its sums (a
 * month without a debit is zero, so the chart has no gaps).
 */
export function marginSeries(
  sums: readonly { month: string; retailCents: number; costCents: number; count: number }[],
  current: string,
  months = 12,
): MonthMargin[] {
  const byMonth = new Map(sums.map((sum) => [sum.month, sum]));
  const series: MonthMargin[] = [];
  for (let back = months - 1; back >= 0; back--) {
    const month = addMonths(current, -back);
    const sum = byMonth.get(month);
    const retailCents = sum?.retailCents ?? 0;
    const costCents = sum?.costCents ?? 0;
    series.push({
      month,
      retailCents,
      costCents,
      marginCents: retailCents - costCents,
      count: sum?.count ?? 0,
    });
  }
  return series;
}

/** "$1,234.50" (negative: "-$3.00"). */
export function usd(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

/** "2026-05-31" in UTC. */
export function ledgerDay(iso: string): string {
  return iso.slice(0, 10);
}

/** A date range of the accounting export: `from` and `to` days (UTC), `to` included. */
export const exportRangeSchema = z
  .object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the first day as YYYY-MM-DD."),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the last day as YYYY-MM-DD."),
  })
  .refine(({ from }) => !Number.isNaN(Date.parse(`${from}T00:00:00Z`)), {
    path: ["from"],
    message: "Enter the first day as YYYY-MM-DD.",
  })
  .refine(({ to }) => !Number.isNaN(Date.parse(`${to}T00:00:00Z`)), {
    path: ["to"],
    message: "Enter the last day as YYYY-MM-DD.",
  })
  .refine(({ from, to }) => from <= to, { path: ["to"], message: "The last day comes before the first." });

/** The instants of an export range: from the first day's start to the day after the last. */
export function exportInstants(range: { from: string; to: string }): { from: Date; to: Date } {
  const to = new Date(`${range.to}T00:00:00Z`);
  return { from: new Date(`${range.from}T00:00:00Z`), to: new Date(to.getTime() + 86_400_000) };
}
