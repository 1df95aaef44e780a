"use client";

import { useQuery } from "@tanstack/react-query";
import {
  isFinished,
  jobQueryKeys,
  type JobRunDetail,
  type JobRunListResponse,
  type JobRunResponse,
  type JobRunView,
} from "@/lib/jobs/model";

/** How often a running job is read again. */
export const JOB_REFRESH_MS = 2_000;

/** The job's page in the staff panel or the portal. */
export function jobHref(runId: string, portal: boolean): string {
  return `${portal ? "/portal" : ""}/activity/${runId}`;
}

export async function fetchJobRun(runId: string): Promise<JobRunDetail> {
  const response = await fetch(`/api/jobs/${encodeURIComponent(runId)}`, { cache: "no-store" });
  const body = (await response.json()) as JobRunResponse;
  if (!body.ok) throw new Error(body.message);
  return body.data;
}

async function fetchJobRuns(): Promise<JobRunView[]> {
  const response = await fetch("/api/jobs", { cache: "no-store" });
  const body = (await response.json()) as JobRunListResponse;
  if (!body.ok) throw new Error(body.message);
  return body.data;
}

/** One job with its items, read again every two seconds until it is finished. */
export function useJobRun(runId: string, initialData?: JobRunDetail) {
  return useQuery({
    queryKey: jobQueryKeys.run(runId),
    queryFn: () => fetchJobRun(runId),
    initialData,
    // A cancelled run may still be settling an item already sent: read until it has finished.
    refetchInterval: (query) =>
      query.state.data && isFinished(query.state.data.status) && query.state.data.finishedAt
        ? false
        : JOB_REFRESH_MS,
  });
}

/** The activity list, read again while any job in it is still running. */
export function useJobRuns(initialData?: JobRunView[]) {
  return useQuery({
    queryKey: jobQueryKeys.runs(),
    queryFn: fetchJobRuns,
    initialData,
    refetchInterval: (query) =>
      query.state.data?.some((run) => !isFinished(run.status) || !run.finishedAt) ? JOB_REFRESH_MS : false,
  });
}
