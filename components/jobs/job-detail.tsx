"use client";

import { Alert } from "@/components/ui/alert";
import { Table, Td, Th } from "@/components/ui/table";
import { isFinished, type JobRunDetail } from "@/lib/jobs/model";
import { CancelJob } from "./cancel-job";
import { JobProgress } from "./job-progress";
import { ItemStatusBadge, RunStatusBadge } from "./job-status";
import { useJobRun } from "./use-job-run";

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" }) : "—";
}

/** One job: who started it and when, its progress, and each item's outcome, kept current until it ends. */
export function JobDetail({
  initialRun,
  canCancel = false,
}: {
  initialRun: JobRunDetail;
  canCancel?: boolean;
}) {
  const { data: run = initialRun, isError } = useJobRun(initialRun.id, initialRun);
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="job-summary-heading" className="flex flex-col gap-3">
        <h2 id="job-summary-heading" className="sr-only">
          Summary
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted">Status</dt>
          <dd>
            <RunStatusBadge status={run.status} />
          </dd>
          <dt className="text-muted">Started by</dt>
          <dd>{run.startedBy}</dd>
          <dt className="text-muted">Created</dt>
          <dd>{when(run.createdAt)}</dd>
          <dt className="text-muted">Finished</dt>
          <dd>{when(run.finishedAt)}</dd>
        </dl>
        <JobProgress run={run} label={`Progress: ${run.title}`} />
        {run.error ? (
          <Alert tone="danger" title="The job stopped">
            {run.error}
          </Alert>
        ) : null}
        {canCancel && !isFinished(run.status) ? <CancelJob runId={run.id} /> : null}
        {!isFinished(run.status) ? (
          <p className="text-sm text-muted">
            It runs on the server: you can leave this page and come back; it goes on, and each item is done
            once.
          </p>
        ) : null}
        {isError ? (
          <p role="status" className="text-sm text-warning">
            The job could not be read again just now; this shows what was read last.
          </p>
        ) : null}
      </section>
      <section aria-labelledby="job-items-heading" className="flex flex-col gap-3">
        <h2 id="job-items-heading" className="text-base font-semibold">
          Items ({run.items.length})
        </h2>
        <Table caption={`Each item of: ${run.title}`}>
          <thead>
            <tr>
              <Th className="w-12">#</Th>
              <Th>Item</Th>
              <Th>Outcome</Th>
              <Th>Details</Th>
            </tr>
          </thead>
          <tbody>
            {run.items.map((item) => (
              <tr key={item.seq}>
                <Td className="text-muted">{item.seq}</Td>
                <Td>{item.label}</Td>
                <Td>
                  <ItemStatusBadge status={item.status} />
                </Td>
                <Td className="text-muted">{item.message}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    </div>
  );
}
