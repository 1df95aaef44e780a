/**
 * A customer's monthly spending, as plain data and words shared by the server (spend-limit.ts) and
 * the portal's screens. No server imports: browser code imports this file.
 */

/** What the portal shows of this month's spending; retail prices, in cents. */
export interface MonthSpending {
  /** Spent (or being spent) this calendar month, UTC. */
  spentCents: number;
  /** The monthly limit; null: no limit. */
  limitCents: number | null;
  /** Each purchase and renewal waits for staff to approve it. */
  approvalRequired: boolean;
}

/** The first instant of `now`'s calendar month, UTC. */
export function monthStartUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export function usd(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

/** "This month: $120.00 of $500.00 limit" (or "… spent; no monthly limit"). */
export function monthSpendingLine(spending: Pick<MonthSpending, "spentCents" | "limitCents">): string {
  return spending.limitCents === null
    ? `This month: ${usd(spending.spentCents)} spent; no monthly limit`
    : `This month: ${usd(spending.spentCents)} of ${usd(spending.limitCents)} limit`;
}

/** Whether an order of `orderCents` fits what is left this month. */
export function fitsLimit(spending: Pick<MonthSpending, "spentCents" | "limitCents">, orderCents: number) {
  return spending.limitCents === null || spending.spentCents + orderCents <= spending.limitCents;
}

export function overLimitMessage(
  spending: { spentCents: number; limitCents: number; orderCents: number },
  reader: "customer" | "staff",
): string {
  const left = Math.max(0, spending.limitCents - spending.spentCents);
  const facts = `This order (${usd(spending.orderCents)}) would go over the monthly spending limit of ${usd(spending.limitCents)}: ${usd(spending.spentCents)} is already spent this month, ${usd(left)} is left.`;
  return reader === "customer"
    ? `${facts} Nothing was bought. Choose a smaller order, or ask your provider to raise the limit; your choices are kept.`
    : `${facts} Nothing was bought and the request still waits. Raise the customer's limit on its page, then approve again, or decline the request.`;
}

export function approvalNeededMessage(): string {
  return "Your provider approves each purchase and renewal first: send this order for approval instead. Nothing was bought.";
}
