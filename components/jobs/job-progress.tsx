import { finishedCount, isFinished, type JobRunView } from "@/lib/jobs/model";

/** "120 of 300 done: 118 done, 2 failed", for the bar and the live region. */
export function progressText(run: JobRunView): string {
  const finished = finishedCount(run);
  const parts = [`${run.succeeded} done`];
  if (run.failed) parts.push(`${run.failed} failed`);
  if (run.unknown) parts.push(`${run.unknown} not confirmed`);
  if (isFinished(run.status)) return `Finished: ${parts.join(", ")} of ${run.total}.`;
  if (run.status === "queued") return `Waiting to start (${run.total} items).`;
  return `${finished} of ${run.total} finished: ${parts.join(", ")}.`;
}

/**
 * A job's progress: a bar with its values for assistive technology, and a polite live region that
 * says how far it is as items finish.
 */
export function JobProgress({ run, label }: { run: JobRunView; label: string }) {
  const finished = finishedCount(run);
  const percent = run.total ? Math.round((finished / run.total) * 100) : 100;
  const text = progressText(run);
  return (
    <div className="flex flex-col gap-1.5">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={run.total}
        aria-valuenow={finished}
        aria-valuetext={text}
        className="h-2 w-full overflow-hidden rounded-full bg-raised"
      >
        <div
          className={run.failed || run.unknown ? "h-full bg-warning" : "h-full bg-accent"}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p aria-live="polite" className="text-sm text-muted">
        {text}
      </p>
    </div>
  );
}
