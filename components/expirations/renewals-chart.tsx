import type { RenewalMonth } from "@/lib/expirations/model";
import { formatUsd } from "@/lib/format";
import { plural } from "@/components/domains/format";
import { RenewalsChartLoader } from "./renewals-chart-loader";

/**
 * Renewals due per month for the next twelve months. The bars are for the eye; the same numbers
 * are in a table for screen readers (and anyone who prefers figures), in the server's HTML.
 */
export function RenewalsChart({ months }: { months: RenewalMonth[] }) {
  const total = months.reduce((sum, month) => sum + month.paks, 0);
  const cost = months.reduce((sum, month) => sum + month.costCents, 0);
  const busiest = months.reduce<RenewalMonth | null>(
    (best, month) => (month.paks > (best?.paks ?? 0) ? month : best),
    null,
  );
  return (
    <figure
      aria-labelledby="renewals-chart-caption"
      className="rounded-lg border border-line bg-surface p-4 shadow-sm"
    >
      <figcaption id="renewals-chart-caption">
        <span className="block text-base font-semibold">Renewals due per month</span>
        <span className="mt-1 block text-sm text-muted">
          {plural(total, "pak")} due in the next 12 months, {formatUsd({ cents: cost })} at cost for one term
          each
          {busiest ? `; the most in ${busiest.label} (${busiest.paks})` : ""}.
        </span>
      </figcaption>
      <div className="mt-4">
        <RenewalsChartLoader months={months} />
      </div>
      <table className="sr-only">
        <caption>Paks due for renewal per month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Paks due</th>
            <th scope="col">Cost of one term</th>
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{month.label}</th>
              <td>{month.paks}</td>
              <td>{formatUsd({ cents: month.costCents })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
