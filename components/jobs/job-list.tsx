"use client";

import { Activity } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { JobRunView } from "@/lib/jobs/model";
import { JobProgress } from "./job-progress";
import { RunStatusBadge } from "./job-status";
import { jobHref, useJobRuns } from "./use-job-run";

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** Running and finished jobs, newest first, kept current while any is running. */
export function JobList({ initialRuns, portal }: { initialRuns: JobRunView[]; portal: boolean }) {
  const { data: runs = initialRuns, isError } = useJobRuns(initialRuns);
  if (runs.length === 0)
    return (
      <EmptyState icon={Activity} title="No jobs yet">
        Long changes (lists of more than 99 mailboxes, syncs) run here on the server; they show up as soon as
        one starts.
      </EmptyState>
    );
  return (
    <div className="flex flex-col gap-2">
      {isError ? (
        <p role="status" className="text-sm text-warning">
          The list could not be read again just now; it shows what was read last.
        </p>
      ) : null}
      <Table caption="Jobs, newest first">
        <thead>
          <tr>
            <Th>Job</Th>
            <Th>Started by</Th>
            <Th>When</Th>
            <Th>Status</Th>
            <Th className="w-1/3">Progress</Th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <Td>
                <Link href={jobHref(run.id, portal)} className="font-medium text-accent underline">
                  {run.title}
                </Link>
              </Td>
              <Td>{run.startedBy}</Td>
              <Td className="whitespace-nowrap">
                <time dateTime={run.createdAt}>{when(run.createdAt)}</time>
              </Td>
              <Td>
                <RunStatusBadge status={run.status} />
              </Td>
              <Td>
                <JobProgress run={run} label={`Progress: ${run.title}`} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
