import { plural } from "@/components/domains/format";
import { signed } from "@/lib/dashboard/model";
import type { MorningPage } from "@/lib/dashboard/morning";
import { GrowthChartLoader } from "./chart-loaders";

/**
 * Mailboxes and paks over time, from the daily snapshots taken after the nightly sync. Until
 * there are two days to compare it says so instead of drawing a single dot.
 */
export async function AccountGrowth({ morning }: { morning: Promise<MorningPage> }) {
  const page = await morning;
  if (!page.ok) return null;
  const { points, change } = page.growth;
  const last = points[points.length - 1];
  return (
    <figure
      aria-labelledby="account-growth-caption"
      className="flex flex-col rounded-lg border border-line bg-surface p-4 shadow-sm"
    >
      <figcaption id="account-growth-caption">
        <span className="block text-base font-semibold">Mailboxes and paks over time</span>
        <span className="mt-1 block text-sm text-muted">
          {change
            ? `Over the last ${plural(change.days, "day")}: mailboxes ${signed(change.mailboxes)}, paks ${signed(change.paks)}.`
            : "One snapshot is taken each day after the nightly sync; the chart starts once there are two days to compare."}
          {last
            ? ` On ${last.day}: ${plural(last.mailboxes, "mailbox", "mailboxes")} in ${plural(last.paks, "pak")}.`
            : ""}
        </span>
      </figcaption>
      {points.length > 1 ? (
        <>
          <div className="mt-4">
            <GrowthChartLoader points={points} />
          </div>
          {/* Hidden on a wrapper: a table ignores its own 1 px width and would widen the page. */}
          <div className="sr-only">
            <table>
              <caption>Mailboxes and paks per day</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Mailboxes</th>
                  <th scope="col">Paks</th>
                </tr>
              </thead>
              <tbody>
                {/* The last 31 days: a year of rows is too long to listen to; the sentence above has the change. */}
                {points.slice(-31).map((point) => (
                  <tr key={point.day}>
                    <th scope="row">{point.day}</th>
                    <td>{point.mailboxes}</td>
                    <td>{point.paks}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </figure>
  );
}
