import "server-only";
import { NotFoundError } from "@/lib/auth/errors";
import { can, isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { decodeOrderCursor, encodeOrderCursor } from "./cursor";
import { describeOrder, pakIdOf, type OrderAudience, type OrderFilter, type OrderView } from "./model";
import { selectCustomerOptions, selectOrders, type OrderRecord, type OrderScope } from "./queries";

/**
 * The order history's door: every purchase, growth and renewal with its outcome and order id.
 * Staff with `orders.view` see the whole account with cost prices; a customer allowed to buy or
 * renew sees the orders its own people placed on its own domains, at retail price only (never the
 * cost, the balance or a TrackingKey: none of them is even read). Anyone else is told the page
 * does not exist.
 */

export const ORDERS_PAGE_SIZE = 50;
const PAGE_SIZE_MAX = 1000;

/** Whose history this user may read, or null when none. */
export function orderAudienceOf(user: SessionUser): OrderAudience | null {
  if (isStaffRole(user.role)) return can(user, "orders.view") ? "staff" : null;
  if (user.role === "customer" && user.customerId && (can(user, "paks.purchase") || can(user, "paks.renew")))
    return "customer";
  return null;
}

function requireOrderAudience(user: SessionUser): { audience: OrderAudience; scope: OrderScope } {
  const audience = orderAudienceOf(user);
  if (audience === "staff") return { audience, scope: { kind: "account" } };
  if (audience === "customer" && user.customerId)
    return { audience, scope: { kind: "customer", customerId: user.customerId, userId: user.id } };
  throw new NotFoundError("That page");
}

export interface OrderPage {
  audience: OrderAudience;
  orders: OrderView[];
  /** The cursor of the next (older) page; null on the last page. */
  next: string | null;
}

/**
 * One page of orders, newest first. `after` is the cursor of the page before (a cursor not made
 * here throws BadOrderCursorError). A customer's customer filter is ignored: they only have one.
 */
export async function listOrders(
  user: SessionUser,
  filter: OrderFilter,
  page: { after?: string; limit?: number } = {},
): Promise<OrderPage> {
  const { audience, scope } = requireOrderAudience(user);
  const after = page.after ? decodeOrderCursor(page.after) : null;
  const limit = Math.min(Math.max(1, Math.trunc(page.limit ?? ORDERS_PAGE_SIZE)), PAGE_SIZE_MAX);
  const rows = await selectOrders(
    scope,
    audience === "staff" ? filter : { ...filter, customerId: undefined },
    {
      after,
      limit: limit + 1,
    },
  );
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    audience,
    orders: shown.map((row) => orderViewOf(row, user, audience)),
    next: rows.length > limit && last ? encodeOrderCursor({ at: last.position, key: last.key }) : null,
  };
}

/** Every matching order, page by page, for the CSV export (bounded by `max`). */
export async function* iterateOrders(
  user: SessionUser,
  filter: OrderFilter,
  max = 100_000,
): AsyncGenerator<OrderView> {
  let after: string | undefined;
  let sent = 0;
  while (sent < max) {
    const page = await listOrders(user, filter, { after, limit: Math.min(500, max - sent) });
    for (const order of page.orders) yield order;
    sent += page.orders.length;
    if (!page.next) return;
    after = page.next;
  }
}

/** The customers staff may filter by; a customer gets none (there is nothing to choose). */
export async function listOrderCustomers(user: SessionUser): Promise<{ id: string; name: string }[]> {
  const { audience } = requireOrderAudience(user);
  return audience === "staff" ? selectCustomerOptions() : [];
}

function whoFor(row: OrderRecord, user: SessionUser, audience: OrderAudience): string {
  if (audience === "staff") return row.actorEmail;
  if (row.actorId === user.id) return "You";
  // A colleague of the same customer; the reseller's own people are not named to customers.
  return row.actorRole === "customer" && row.customerId === user.customerId
    ? row.actorEmail
    : "Your provider";
}

function orderViewOf(row: OrderRecord, user: SessionUser, audience: OrderAudience): OrderView {
  const staff = audience === "staff";
  return {
    key: row.key,
    href: `${staff ? "" : "/portal"}/purchases/${encodeURIComponent(row.key)}`,
    createdAt: row.createdAt.toISOString(),
    domain: row.domain,
    customerName: staff ? row.customerName : null,
    kind: row.kind,
    outcome: row.status,
    what: describeOrder(row.kind, row.request),
    pakId: pakIdOf(row.pakId, row.request, row.result),
    orderId: row.enomOrderId,
    who: whoFor(row, user, audience),
    whoRole: staff ? row.actorRole : null,
    retailCents: row.retailCents,
    costCents: staff ? row.costCents : null,
  };
}
