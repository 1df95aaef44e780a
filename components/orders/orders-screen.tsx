import Link from "next/link";
import { Download, Receipt, SearchX } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { FieldErrors } from "@/lib/actions/result";
import type { OrderAudience, OrderView } from "@/lib/orders/model";
import { hasOrderFilters, orderSearchQuery, type OrderSearch } from "@/lib/validation/orders";
import { OrderFilters } from "./order-filters";
import { OrdersTable } from "./orders-table";

export interface OrdersScreenProps {
  audience: OrderAudience;
  /** The page's own path: `/orders` or `/portal/orders`. */
  path: string;
  search: OrderSearch;
  errors: FieldErrors;
  customers: readonly { id: string; name: string }[];
  /** Null when the page's cursor was not valid (the page says so and links to the newest). */
  orders: OrderView[] | null;
  /** The cursor of the older page, if there is one. */
  next: string | null;
  /** Whether this is a later page (a cursor was given). */
  paged: boolean;
}

/**
 * The order history, the same for staff (`/orders`) and customers (`/portal/orders`): filters in
 * the URL, the table, older/newest links and the CSV download of the same filters.
 */
export function OrdersScreen({
  audience,
  path,
  search,
  errors,
  customers,
  orders,
  next,
  paged,
}: OrdersScreenProps) {
  const staff = audience === "staff";
  const filtered = hasOrderFilters(search);
  const query = orderSearchQuery(search);
  return (
    <>
      <PageHeader
        title="Orders"
        description={
          staff
            ? "Every purchase, growth and renewal made in Mailpak: its outcome, eNom's order ID, who placed it, the retail price and the cost. Times are in UTC."
            : "Every email purchase and renewal made for your domains: its outcome, order number and price. Times are in UTC."
        }
        actions={
          <a href={`/api/orders/export${query}`} download className={buttonClasses("secondary")}>
            <Download aria-hidden="true" className="size-4" />
            Download CSV
          </a>
        }
      />
      <OrderFilters path={path} audience={audience} search={search} errors={errors} customers={customers} />

      {orders === null ? (
        <Alert tone="warning" title="This page of orders is no longer valid">
          <Link href={`${path}${query}`} className="font-medium text-accent underline">
            Show the newest orders
          </Link>
        </Alert>
      ) : orders.length === 0 ? (
        filtered || paged ? (
          <EmptyState icon={SearchX} title="No orders match">
            No orders match these filters.{" "}
            <Link href={path} className="font-medium text-accent underline">
              Show every order
            </Link>
          </EmptyState>
        ) : (
          <EmptyState icon={Receipt} title="No orders yet">
            {staff
              ? "Paks bought, grown and renewed in Mailpak are listed here, with eNom's order IDs."
              : "Email you buy or renew for your domains is listed here, with its order number."}
          </EmptyState>
        )
      ) : (
        <>
          <p className="mb-2 text-sm text-muted" aria-live="polite">
            {paged ? "Older orders" : "Newest orders"}: showing {orders.length}
            {filtered ? " matching the filters" : ""}, newest first.
          </p>
          <OrdersTable orders={orders} audience={audience} />
        </>
      )}

      {paged || next ? (
        <nav aria-label="Pages of the orders" className="mt-4 flex flex-wrap gap-2">
          {paged ? (
            <Link href={`${path}${query}`} className={buttonClasses("secondary")}>
              Newest orders
            </Link>
          ) : null}
          {next ? (
            <Link
              href={`${path}${orderSearchQuery(search, { after: next })}`}
              className={buttonClasses("secondary")}
            >
              Older orders
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
