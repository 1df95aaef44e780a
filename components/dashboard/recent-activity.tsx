import Link from "next/link";
import {
  actionLabel,
  actorLabel,
  formatUtc,
  OUTCOME_LABELS,
  OUTCOME_TONES,
  targetOf,
} from "@/components/audit/audit-model";
import { Badge } from "@/components/ui/badge";
import type { MorningPage } from "@/lib/dashboard/morning";

/**
 * The last ten entries of the audit log in words (the audit page's own labels), each opening its
 * entry in the audit log. Shown only to those who may read the log.
 */
export async function RecentActivity({ morning }: { morning: Promise<MorningPage> }) {
  const page = await morning;
  if (!page.ok || page.activity === null) return null;
  return (
    <section
      aria-labelledby="recent-activity-title"
      className="rounded-lg border border-line bg-surface p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="recent-activity-title" className="text-base font-semibold">
          Recent activity
        </h2>
        <Link href="/audit" className="text-sm font-medium text-accent underline">
          See the audit log
        </Link>
      </div>
      {page.activity.length === 0 ? (
        <p className="mt-2 text-sm text-muted">Nothing has been done in the panel yet.</p>
      ) : (
        <ol aria-label="The last changes, newest first" className="mt-3 divide-y divide-line">
          {page.activity.map((entry) => {
            const target = targetOf(entry);
            return (
              <li key={entry.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:gap-3">
                <time
                  dateTime={new Date(entry.at).toISOString()}
                  className="shrink-0 text-xs text-muted tabular-nums"
                >
                  {formatUtc(entry.at)} UTC
                </time>
                <p className="min-w-0 flex-1 text-sm [overflow-wrap:anywhere]">
                  <span className="font-medium">{actorLabel(entry)}</span>:{" "}
                  <Link
                    href={`/audit?entry=${entry.id}`}
                    className="text-accent underline underline-offset-2"
                  >
                    {actionLabel(entry.action)}
                  </Link>
                  {target ? <span className="text-muted"> · {target.label}</span> : null}
                </p>
                <Badge tone={OUTCOME_TONES[entry.outcome]} className="self-start sm:self-auto">
                  {OUTCOME_LABELS[entry.outcome]}
                </Badge>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
