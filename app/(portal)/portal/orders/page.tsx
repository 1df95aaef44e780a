import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrdersScreen } from "@/components/orders/orders-screen";
import { requirePortalUser } from "@/lib/auth/guards";
import { BadOrderCursorError } from "@/lib/orders/cursor";
import { listOrders, orderAudienceOf, type OrderPage } from "@/lib/orders/orders";
import { parseOrderSearch, type OrderSearchParams } from "@/lib/validation/orders";

export const metadata: Metadata = { title: "Orders" };

/**
 * The customer's own purchases and renewals, at its own prices, for a customer the reseller lets
 * buy or renew; for any other customer the page does not exist.
 */
export default async function PortalOrdersPage({
  searchParams,
}: {
  searchParams: Promise<OrderSearchParams>;
}) {
  const user = await requirePortalUser();
  if (orderAudienceOf(user) !== "customer") notFound();
  const { search, filter, after, errors } = parseOrderSearch(await searchParams);
  const page = await listOrders(user, filter, { after }).catch(staleCursor);
  return (
    <OrdersScreen
      audience="customer"
      path="/portal/orders"
      // A customer has no customer filter: a shared staff link's choice is dropped, not shown.
      search={{ ...search, customer: undefined }}
      errors={errors}
      customers={[]}
      orders={page?.orders ?? null}
      next={page?.next ?? null}
      paged={Boolean(after)}
    />
  );
}

/** A cursor from an old or edited link: the page says so rather than failing. */
function staleCursor(error: unknown): OrderPage | null {
  if (error instanceof BadOrderCursorError) return null;
  throw error;
}
