/**
 * What the browser sees of a job: shared by the GET routes, the activity pages and the grid's
 * progress view, so no server code here.
 */

export const RUN_STATUSES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type ItemStatus = "pending" | "running" | "ok" | "failed" | "unknown" | "skipped";

export interface JobRunView {
  id: string;
  kind: string;
  title: string;
  status: RunStatus;
  /** Who started it; "Scheduled" for the panel's own schedule. */
  startedBy: string;
  domain: string | null;
  total: number;
  succeeded: number;
  failed: number;
  unknown: number;
  /** The whole job's failure, when it could not run at all. */
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobItemView {
  seq: number;
  label: string;
  status: ItemStatus;
  message: string;
}

export interface JobRunDetail extends JobRunView {
  items: JobItemView[];
}

export type JobRunResponse = { ok: true; data: JobRunDetail } | { ok: false; message: string };
export type JobRunListResponse = { ok: true; data: JobRunView[] } | { ok: false; message: string };

export function isFinished(status: RunStatus): boolean {
  return status === "done" || status === "failed" || status === "cancelled";
}

/** Items finished so far, for the progress bar. */
export function finishedCount(run: Pick<JobRunView, "succeeded" | "failed" | "unknown">): number {
  return run.succeeded + run.failed + run.unknown;
}

/** Lists longer than one eNom call (99 mailboxes) run as a job; shorter ones answer at once. */
export const JOB_THRESHOLD = 99;

export const jobQueryKeys = {
  runs: () => ["job-runs"] as const,
  run: (id: string) => ["job-run", id] as const,
};
