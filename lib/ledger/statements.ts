import "server-only";
import { z } from "zod";
import { NotFoundError } from "@/lib/auth/errors";
import { can, isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { findCustomer } from "@/lib/customers/queries";
import { orderAudienceOf } from "@/lib/orders/orders";
import { isCustomerAdmin } from "@/lib/portal/customer-admin";
import {
  marginSeries,
  monthOf,
  monthRange,
  addMonths,
  statementLineOf,
  totalsOf,
  type LedgerAudience,
  type MonthMargin,
  type Statement,
} from "./model";
import {
  selectCustomerEntries,
  selectCustomerMonths,
  selectEntriesPage,
  selectMonthlySums,
  type AccountingRecord,
} from "./queries";

/**
 * The ledger's door: who may read which statement, and with which columns.
 * - Staff who see customers (`customers.view`) read any customer's statement; the cost and the
 *   margin only with `orders.view` (the order history's permission for cost prices).
 * - A customer's administrator reads its own customer's statement, at retail only, when the
 *   reseller lets that customer buy or renew (as the portal's orders page); nobody else learns a
 *   statement exists (404).
 * - The accounting export and the margin per month are for staff with `orders.view`.
 */

export async function statementAudienceOf(
  user: SessionUser,
  customerId: string,
): Promise<LedgerAudience | null> {
  if (isStaffRole(user.role)) {
    if (!can(user, "customers.view")) return null;
    return can(user, "orders.view") ? "staff-cost" : "staff";
  }
  if (user.role !== "customer" || !user.customerId || user.customerId !== customerId) return null;
  if (orderAudienceOf(user) !== "customer") return null;
  return (await isCustomerAdmin(user)) ? "customer" : null;
}

/** Whether the portal shows this customer login its statements (the nav link and the page). */
export async function portalStatementsAllowed(user: SessionUser): Promise<boolean> {
  return user.customerId !== null && (await statementAudienceOf(user, user.customerId)) === "customer";
}

/**
 * A customer's statement for a month (UTC). `print`: the page the customer receives, in the
 * reseller's brand, with the customer's columns whoever prints it (no cost, nothing of eNom's).
 */
export async function getStatement(
  user: SessionUser,
  customerId: string,
  month: string,
  options: { print?: boolean } = {},
): Promise<Statement> {
  // The id comes from an address bar: anything but a customer's id is "not found".
  if (!z.uuid().safeParse(customerId).success) throw new NotFoundError("That statement");
  const allowed = await statementAudienceOf(user, customerId);
  if (!allowed) throw new NotFoundError("That statement");
  const customer = await findCustomer(customerId);
  if (!customer) throw new NotFoundError("That statement");
  const audience: LedgerAudience = options.print ? "customer" : allowed;
  const { from, to } = monthRange(month);
  const lines = (await selectCustomerEntries(customerId, from, to)).map((row) =>
    statementLineOf(row, audience),
  );
  return {
    customerId,
    customerName: customer.name,
    month,
    audience,
    lines,
    totals: totalsOf(lines, audience),
  };
}

/** The months to offer: those with rows, and the current month, newest first. */
export async function getStatementMonths(user: SessionUser, customerId: string, now = new Date()) {
  if (!z.uuid().safeParse(customerId).success || !(await statementAudienceOf(user, customerId)))
    throw new NotFoundError("That statement");
  const months = new Set([monthOf(now), ...(await selectCustomerMonths(customerId))]);
  return [...months].sort().reverse();
}

function requireLedgerStaff(user: SessionUser): void {
  if (!isStaffRole(user.role) || !can(user, "orders.view")) throw new NotFoundError("That page");
}

/** Whether this user may download the accounting export and see the margin. */
export function mayReadAccounting(user: SessionUser): boolean {
  return isStaffRole(user.role) && can(user, "orders.view");
}

/** Every ledger row in [from, to), page by page, for the accounting export (staff, `orders.view`). */
export async function* iterateAccounting(
  user: SessionUser,
  range: { from: Date; to: Date },
  max = 500_000,
): AsyncGenerator<AccountingRecord> {
  requireLedgerStaff(user);
  let after: number | null = null;
  let sent = 0;
  while (sent < max) {
    const page: AccountingRecord[] = await selectEntriesPage(
      range.from,
      range.to,
      after,
      Math.min(500, max - sent),
    );
    for (const row of page) yield row;
    sent += page.length;
    const last = page.at(-1);
    if (page.length < 500 || !last) return;
    after = last.id;
  }
}

/** Retail, cost and margin of the last `months` months (UTC, oldest first) for the dashboard. */
export async function getMarginByMonth(
  user: SessionUser,
  now = new Date(),
  months = 12,
): Promise<MonthMargin[]> {
  requireLedgerStaff(user);
  const current = monthOf(now);
  const { from } = monthRange(addMonths(current, -(months - 1)));
  return marginSeries(await selectMonthlySums(from), current, months);
}
