import type { Metadata } from "next";
import { OrdersScreen } from "@/components/orders/orders-screen";
import { requireStaffPage } from "@/lib/auth/guards";
import { BadOrderCursorError } from "@/lib/orders/cursor";
import { listOrderCustomers, listOrders, type OrderPage } from "@/lib/orders/orders";
import { parseOrderSearch, type OrderSearchParams } from "@/lib/validation/orders";

export const metadata: Metadata = { title: "Orders" };

/**
 * Every purchase, growth and renewal of the account, newest first: its outcome, eNom's order ID,
 * who placed it, the retail price and the cost; each links to its result page.
 */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<OrderSearchParams> }) {
  const user = await requireStaffPage("orders.view");
  const { search, filter, after, errors } = parseOrderSearch(await searchParams);
  const [page, customers] = await Promise.all([
    listOrders(user, filter, { after }).catch(staleCursor),
    listOrderCustomers(user),
  ]);
  return (
    <OrdersScreen
      audience="staff"
      path="/orders"
      search={search}
      errors={errors}
      customers={customers}
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
