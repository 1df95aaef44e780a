import Link from "next/link";
import { plural } from "@/components/domains/format";
import type { RenewalOutlook as Outlook } from "@/lib/dashboard/model";
import { formatUsd } from "@/lib/format";
import { RenewalOutlookChartLoader } from "./chart-loaders";

/**
 * Renewals due per month for the next twelve months, at cost, against the eNom balance: the bars
 * for the eye, the same numbers as a table for screen readers (and anyone who prefers figures),
 * and one sentence that says whether and when the balance runs out.
 */
export async function RenewalOutlook({
  outlook,
}: {
  outlook: Promise<{ outlook: Outlook; balanceKnown: boolean } | null>;
}) {
  const data = await outlook;
  if (!data) return null;
  const { months, overdue, balanceCents, firstShort, totalCents, totalPaks } = data.outlook;
  const overdueText = overdue.paks
    ? ` (${plural(overdue.paks, "expired pak")} among them, ${formatUsd({ cents: overdue.costCents })})`
    : "";
  const unpriced = overdue.unpriced + months.reduce((sum, month) => sum + month.unpriced, 0);
  return (
    <figure
      aria-labelledby="renewal-outlook-caption"
      className="flex flex-col rounded-lg border border-line bg-surface p-4 shadow-sm"
    >
      <figcaption id="renewal-outlook-caption">
        <span className="block text-base font-semibold">Renewals due per month, against the balance</span>
        <span className="mt-1 block text-sm text-muted">
          {plural(totalPaks, "pak")} to renew in the next 12 months{overdueText}:{" "}
          {formatUsd({ cents: totalCents })} at cost for one year each
          {unpriced ? `, ${plural(unpriced, "pak")} not priced yet` : ""}.
        </span>
        <span className="mt-1 block text-sm">
          {balanceCents === null ? (
            "The balance could not be read, so it is not drawn."
          ) : firstShort ? (
            <>
              <strong className="text-danger">
                The balance of {formatUsd({ cents: balanceCents })} runs out in {firstShort.label}
              </strong>
              : {formatUsd({ cents: firstShort.shortCents })} more is needed by then.{" "}
              <Link href="/expirations" className="font-medium text-accent underline">
                See the expirations
              </Link>
            </>
          ) : (
            `The balance of ${formatUsd({ cents: balanceCents })} covers all of them.`
          )}
        </span>
      </figcaption>
      <div className="mt-4">
        <RenewalOutlookChartLoader months={months} balanceCents={balanceCents} />
      </div>
      {/* Hidden on a wrapper: a table ignores its own 1 px width and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>Renewals due per month at cost, with the running total against the balance</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Paks due</th>
              <th scope="col">Cost of one year</th>
              <th scope="col">Running total</th>
              <th scope="col">Covered by the balance</th>
            </tr>
          </thead>
          <tbody>
            {overdue.paks ? (
              <tr>
                <th scope="row">Already expired</th>
                <td>{overdue.paks}</td>
                <td>{formatUsd({ cents: overdue.costCents })}</td>
                <td>{formatUsd({ cents: overdue.costCents })}</td>
                <td>{coveredWords(balanceCents === null ? null : overdue.costCents <= balanceCents)}</td>
              </tr>
            ) : null}
            {months.map((month) => (
              <tr key={month.month}>
                <th scope="row">{month.label}</th>
                <td>{month.paks}</td>
                <td>{formatUsd({ cents: month.costCents })}</td>
                <td>{formatUsd({ cents: month.cumulativeCents })}</td>
                <td>{coveredWords(month.covered)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function coveredWords(covered: boolean | null): string {
  return covered === null ? "Balance unknown" : covered ? "Yes" : "No";
}
