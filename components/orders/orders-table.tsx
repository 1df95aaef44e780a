import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatUsd } from "@/lib/format";
import {
  formatOrderTime,
  outcomeLabel,
  type OrderAudience,
  type OrderOutcome,
  type OrderView,
} from "@/lib/orders/model";
import { CopyOrderId } from "./copy-order-id";

const OUTCOME_TONES = {
  ok: "success",
  failed: "danger",
  unknown: "warning",
  pending: "neutral",
} as const satisfies Record<OrderOutcome, string>;

/**
 * Orders as the order history lists them, newest first; times in UTC, like the filters. Each
 * order's description links to its result page. Customers see their price, never the cost.
 */
export function OrdersTable({ orders, audience }: { orders: OrderView[]; audience: OrderAudience }) {
  const staff = audience === "staff";
  const orderIdLabel = staff ? "eNom order ID" : "order number";
  return (
    <Table caption="Orders, newest first">
      <thead>
        <tr>
          <Th>When (UTC)</Th>
          <Th>Domain</Th>
          <Th>What</Th>
          <Th>Outcome</Th>
          <Th>{staff ? "eNom order ID" : "Order number"}</Th>
          <Th>Who</Th>
          <Th className="text-right">{staff ? "Retail" : "Price"}</Th>
          {staff ? <Th className="text-right">Cost</Th> : null}
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.key}>
            <Td className="whitespace-nowrap">
              <time dateTime={order.createdAt}>{formatOrderTime(order.createdAt)}</time>
            </Td>
            <Td>
              <p className="break-all">{order.domain}</p>
              {order.customerName ? <p className="text-xs text-muted">{order.customerName}</p> : null}
            </Td>
            <Td className="min-w-56">
              <Link href={order.href} className="font-medium text-accent underline">
                {order.what}
              </Link>
              {/* Customers never read eNom's BundleID: the domain and the line above say which pak. */}
              {staff && order.pakId !== null ? <p className="text-xs text-muted">Pak {order.pakId}</p> : null}
            </Td>
            <Td>
              <Badge tone={OUTCOME_TONES[order.outcome]}>{outcomeLabel(order.outcome, audience)}</Badge>
            </Td>
            <Td>{order.orderId ? <CopyOrderId orderId={order.orderId} label={orderIdLabel} /> : <None />}</Td>
            <Td>
              <p className="break-all">{order.who}</p>
              {order.whoRole ? <p className="text-xs text-muted capitalize">{order.whoRole}</p> : null}
            </Td>
            <Td className="text-right whitespace-nowrap tabular-nums">
              <Money cents={order.retailCents} />
            </Td>
            {staff ? (
              <Td className="text-right whitespace-nowrap tabular-nums">
                <Money cents={order.costCents} />
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Money({ cents }: { cents: number | null }) {
  return cents === null ? <None /> : <>{formatUsd({ cents })}</>;
}

/** A dash for the eye, a word for screen readers. */
function None() {
  return (
    <>
      <span aria-hidden="true" className="text-muted">
        —
      </span>
      <span className="sr-only">None</span>
    </>
  );
}
