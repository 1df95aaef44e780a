import { Alert } from "@/components/ui/alert";
import { fitsLimit, monthSpendingLine, usd, type MonthSpending } from "@/lib/purchases/spending-model";
import { cn } from "@/lib/utils";

/**
 * "This month: $120.00 of $500.00 limit", for the portal wizard's review (with the order's price:
 * what is left, or that it would go over) and the portal's Requests page. Nothing for staff
 * (`spending` is null or absent in their quotes).
 */
export function MonthSpendingLine({
  spending,
  orderCents,
  className,
}: {
  spending: MonthSpending | null | undefined;
  /** The order under review, at the customer's price; omit outside a wizard. */
  orderCents?: number;
  className?: string;
}) {
  if (!spending) return null;
  const { spentCents, limitCents } = spending;
  if (orderCents !== undefined && !fitsLimit(spending, orderCents) && limitCents !== null) {
    return (
      <Alert tone="warning" title="This order would go over your monthly limit">
        {monthSpendingLine(spending)}. This order ({usd(orderCents)}) is more than the{" "}
        {usd(Math.max(0, limitCents - spentCents))} left this month. Choose less, or ask your provider to
        raise the limit.
      </Alert>
    );
  }
  return (
    <p className={cn("text-sm text-muted", className)}>
      {monthSpendingLine(spending)}
      {orderCents !== undefined && limitCents !== null
        ? `; ${usd(Math.max(0, limitCents - spentCents - orderCents))} left after this order`
        : ""}
      .
    </p>
  );
}
