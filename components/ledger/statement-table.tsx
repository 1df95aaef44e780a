import { Table, Td, Th } from "@/components/ui/table";
import { formatOrderTime } from "@/lib/orders/model";
import { ledgerDay, showsCost, usd, type Statement } from "@/lib/ledger/model";
import { cn } from "@/lib/utils";

/**
 * A month's statement as a table: each debit with its date, domain, what it was and its order
 * number, the amount owed, and (staff who see costs) what the provider charged and the margin;
 * totals last. Staff also read eNom's TrackingKey; customers never do, nor the provider's name.
 */
export function StatementTable({ statement, caption }: { statement: Statement; caption: string }) {
  const staff = statement.audience !== "customer";
  const cost = showsCost(statement.audience);
  const { lines, totals } = statement;
  if (lines.length === 0)
    return <p className="text-sm text-muted">Nothing was bought or renewed this month.</p>;
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Date</Th>
          <Th>Domain</Th>
          <Th>What</Th>
          <Th>{staff ? "eNom order ID" : "Order number"}</Th>
          {staff ? <Th>TrackingKey</Th> : null}
          <Th className="text-right">{staff ? "Retail" : "Amount"}</Th>
          {cost ? <Th className="text-right">Cost</Th> : null}
          {cost ? <Th className="text-right">Margin</Th> : null}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id}>
            <Td className="whitespace-nowrap">
              <time dateTime={line.occurredAt} title={`${formatOrderTime(line.occurredAt)} UTC`}>
                {ledgerDay(line.occurredAt)}
              </time>
            </Td>
            <Td className="[overflow-wrap:anywhere]">{line.domain}</Td>
            <Td>{line.what}</Td>
            <Td className="tabular-nums">{line.orderId ?? "—"}</Td>
            {staff ? <Td className="font-mono text-xs">{line.trackingKey ?? "—"}</Td> : null}
            <Td className="text-right tabular-nums">{usd(line.retailCents)}</Td>
            {cost ? <Td className="text-right tabular-nums">{usd(line.costCents ?? 0)}</Td> : null}
            {cost ? (
              <Td
                className={cn(
                  "text-right tabular-nums",
                  (line.marginCents ?? 0) < 0 && "font-medium text-danger",
                )}
              >
                {usd(line.marginCents ?? 0)}
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="font-semibold">
          <Td colSpan={staff ? 5 : 4}>
            Total ({totals.count} {totals.count === 1 ? "item" : "items"})
          </Td>
          <Td className="text-right tabular-nums" data-testid="statement-total">
            {usd(totals.retailCents)}
          </Td>
          {cost ? <Td className="text-right tabular-nums">{usd(totals.costCents ?? 0)}</Td> : null}
          {cost ? <Td className="text-right tabular-nums">{usd(totals.marginCents ?? 0)}</Td> : null}
        </tr>
      </tfoot>
    </Table>
  );
}
