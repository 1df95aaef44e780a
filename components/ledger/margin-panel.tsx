import { monthLabel, usd, type MonthMargin } from "@/lib/ledger/model";

const shortMonth = (month: string) => monthLabel(month).replace(/^(\w{3})\w*/, "$1");

/**
 * Margin per month (retail owed by customers minus what eNom debited), the last 12 months (UTC),
 * from the ledger: bars of cost and margin making up retail, the figures in a table below, and
 * the accounting export for a date range. For staff who see costs (`orders.view`).
 */
export async function MarginPanel({ margin, today }: { margin: Promise<MonthMargin[]>; today: string }) {
  const months = await margin;
  const highest = Math.max(1, ...months.map((month) => Math.max(month.retailCents, month.costCents)));
  const year = months.reduce(
    (sum, month) => ({
      retail: sum.retail + month.retailCents,
      cost: sum.cost + month.costCents,
    }),
    { retail: 0, cost: 0 },
  );
  const first = months[0]?.month ?? today.slice(0, 7);
  return (
    <section
      aria-labelledby="margin-title"
      className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4 shadow-sm"
    >
      <div>
        <h2 id="margin-title" className="text-base font-semibold">
          Margin per month
        </h2>
        <p className="mt-1 text-sm text-muted">
          What your customers owe for what Mailpak bought and renewed, less what eNom debited:{" "}
          {usd(year.retail)} retail, {usd(year.cost)} cost, margin {usd(year.retail - year.cost)} over the
          last {months.length} months (UTC).
        </p>
      </div>
      <div aria-hidden="true" className="flex h-40 items-end gap-1 sm:gap-1.5">
        {months.map((month) => {
          const costHeight = (month.costCents / highest) * 100;
          const marginHeight = (Math.max(0, month.marginCents) / highest) * 100;
          return (
            <div
              key={month.month}
              className="flex h-full min-w-0 flex-1 flex-col items-center justify-end gap-1"
            >
              <div className="flex w-full flex-1 flex-col justify-end">
                <div className="w-full rounded-t-sm bg-accent" style={{ height: `${marginHeight}%` }} />
                <div className="w-full bg-line" style={{ height: `${costHeight}%` }} />
              </div>
              {/* A phone has room for a month's initial under each of the 12 bars. */}
              <span className="text-[0.65rem] text-muted sm:hidden">{shortMonth(month.month).charAt(0)}</span>
              <span className="hidden text-[0.65rem] text-muted sm:inline">{shortMonth(month.month)}</span>
            </div>
          );
        })}
      </div>
      <p aria-hidden="true" className="flex gap-4 text-xs text-muted">
        <span className="inline-flex items-center gap-1">
          <span className="inline-block size-3 rounded-sm bg-accent" /> Margin
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block size-3 rounded-sm bg-line" /> Cost
        </span>
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">The figures</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Retail, cost and margin per month</caption>
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Month
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Items
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Retail
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Cost
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Margin
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((month) => (
                <tr key={month.month} className="border-t border-line">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {monthLabel(month.month)}
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">{month.count}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{usd(month.retailCents)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{usd(month.costCents)}</td>
                  <td className="py-1 text-right tabular-nums">{usd(month.marginCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <form method="get" action="/api/ledger/export" className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col gap-1 text-xs text-muted">
          From
          <input
            type="date"
            name="from"
            required
            defaultValue={`${first}-01`}
            className="h-9 rounded-md border border-line bg-surface px-2 text-sm text-fg"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs text-muted">
          To
          <input
            type="date"
            name="to"
            required
            defaultValue={today}
            className="h-9 rounded-md border border-line bg-surface px-2 text-sm text-fg"
          />
        </label>
        <button
          type="submit"
          className="inline-flex h-9 items-center rounded-md border border-line bg-surface px-3 text-sm font-medium hover:bg-raised"
        >
          Export the ledger (CSV)
        </button>
      </form>
    </section>
  );
}
