import { Alert } from "@/components/ui/alert";
import { formatCalendarDate, formatUsd } from "@/lib/format";
import type { Quote } from "@/lib/purchases/types";

export type Audience = "staff" | "customer";

const money = (cents: number) => formatUsd({ cents });

/**
 * The review of a quote. Staff see the price to the customer, what the account balance is debited
 * and the balance before and after; customers see their price only (their quote carries no cost
 * or balance at all).
 */
export function QuoteSummary({ quote, audience }: { quote: Quote; audience: Audience }) {
  const staff = audience === "staff";
  return (
    <div className="flex flex-col gap-4">
      <div className="relative overflow-x-auto rounded-md border border-line">
        <table className="w-full text-sm">
          <caption className="sr-only">What you are buying</caption>
          <thead className="bg-raised text-left text-xs text-muted">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Item
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {staff ? "Price to the customer" : "Price"}
              </th>
              {staff ? (
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Cost
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {quote.lines.map((line, index) => (
              <tr key={`${line.label}-${index}`} className="border-t border-line">
                <td className="px-3 py-2">{line.label}</td>
                <td className="px-3 py-2 text-right tabular-nums">{money(line.retailCents)}</td>
                {staff ? (
                  <td className="px-3 py-2 text-right tabular-nums">
                    {line.costCents === null ? "—" : money(line.costCents)}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-line font-semibold">
              <th scope="row" className="px-3 py-2 text-left">
                Total
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{money(quote.retailCents)}</td>
              {staff ? (
                <td className="px-3 py-2 text-right tabular-nums">
                  {quote.costCents === null ? "—" : money(quote.costCents)}
                </td>
              ) : null}
            </tr>
          </tfoot>
        </table>
      </div>

      {quote.expiries.length > 0 ? (
        <div>
          <h3 className="mb-2 text-sm font-medium">Expiry</h3>
          <ul className="flex flex-col gap-1 text-sm">
            {quote.expiries.map((expiry) => (
              <li key={`${expiry.domain}:${expiry.bundleId}`}>
                {expiry.domain}
                {staff ? `, pak ${expiry.bundleId}` : ""}: {formatCalendarDate({ iso: expiry.from })}
                {expiry.to !== expiry.from ? (
                  <>
                    {" "}
                    → <strong>{formatCalendarDate({ iso: expiry.to })}</strong>
                  </>
                ) : (
                  " (unchanged: paid until then)"
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <dl className="grid gap-3 rounded-md border border-line p-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted">{staff ? "Your price to the customer" : "Your price"}</dt>
          <dd className="text-lg font-semibold tabular-nums">{money(quote.retailCents)}</dd>
        </div>
        {staff ? (
          <>
            <div>
              <dt className="text-muted">Debited from the account balance</dt>
              <dd className="text-lg font-semibold tabular-nums">
                {quote.costCents === null ? "Unknown" : money(quote.costCents)}
              </dd>
            </div>
            <div>
              <dt className="text-muted">Account balance now</dt>
              <dd className="tabular-nums">
                {quote.balanceCents === null ? "Unknown" : money(quote.balanceCents)}
              </dd>
            </div>
            <div>
              <dt className="text-muted">Balance after this purchase</dt>
              <dd className="tabular-nums">
                {quote.balanceAfterCents === null ? "Unknown" : money(quote.balanceAfterCents)}
              </dd>
            </div>
          </>
        ) : null}
      </dl>

      {staff && quote.balanceProblem ? (
        <Alert tone="warning" title="The account balance could not be read">
          {quote.balanceProblem} You can still go ahead; the order is refused if the balance cannot cover it.
        </Alert>
      ) : null}
    </div>
  );
}

/** The block that stops a purchase the balance cannot cover, with the amounts. */
export function InsufficientBalance({ quote, audience }: { quote: Quote; audience: Audience }) {
  if (quote.sufficient) return null;
  if (audience === "customer")
    return (
      <Alert tone="danger" title="This order cannot be placed right now">
        Please contact us to complete it. Your choices are kept.
      </Alert>
    );
  const short =
    quote.costCents !== null && quote.balanceCents !== null ? quote.costCents - quote.balanceCents : null;
  return (
    <Alert tone="danger" title="The account balance cannot cover this purchase">
      It needs {quote.costCents === null ? "more" : money(quote.costCents)}, and the balance is{" "}
      {quote.balanceCents === null ? "lower" : money(quote.balanceCents)}
      {short !== null ? ` (short by ${money(short)})` : ""}. Add funds to the account, then check again. Your
      choices are kept.
    </Alert>
  );
}
