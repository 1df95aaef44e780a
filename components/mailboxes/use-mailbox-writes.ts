"use client";

import { useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useRef, useState } from "react";
import { fetchJobRun, jobHref } from "@/components/jobs/use-job-run";
import type { ActionResult } from "@/lib/actions/result";
import type { DomainEmailView, MailboxView } from "@/lib/domains/types";
import { isFinished, JOB_THRESHOLD, jobQueryKeys, type JobItemView } from "@/lib/jobs/model";
import { queryKeys } from "@/lib/query-keys";
import {
  MAILBOX_BATCH_MAX,
  type MailboxBatchResult,
  type MailboxOutcome,
} from "@/lib/validation/mailbox-rules";

/**
 * Runs the grid's writes so that the page stays usable while eNom takes its seconds: the rows
 * being changed show a pending state (and the admin toggle its new value at once), a bulk change
 * shows its progress and then the result per mailbox, and afterwards the domain is read again so
 * the grid shows eNom's true state. Lists longer than one eNom call (99) run as a job on the
 * server (`startJob`): the progress bar follows the job, which goes on if the user leaves the page
 * (the activity view shows it); the passwords typed or generated here are shown from here, once.
 */

export type RowState = "pending" | MailboxOutcome;

export interface ActivityRow {
  userName: string;
  address: string;
  state: RowState;
  message: string | null;
  /** A new password, shown once in the results when the change worked; gone when dismissed. */
  password: string | null;
}

export interface Activity {
  id: number;
  title: string;
  rows: ActivityRow[];
  requestsTotal: number;
  requestsDone: number;
  running: boolean;
  /** When it was sent (ms since the epoch), for the seconds shown while eNom works. */
  startedAt: number;
  /** One line for the whole change, once it is over. */
  summary: string | null;
  tone: "success" | "warning" | "danger";
  /** For a single mailbox: shown as one message rather than a table. */
  single: boolean;
  /** What the user typed for the rows that failed, to fix and send again. */
  retry: { label: string; run: () => void } | null;
  /** The job's page, when the list runs as a job on the server. */
  jobHref: string | null;
}

export interface RowChange {
  label: string;
  /** What the row shows until eNom answers (the admin toggle's new value). */
  patch?: Partial<MailboxView>;
}

export interface WriteItem {
  userName: string;
  password?: string;
}

export interface WriteSpec<Item extends WriteItem> {
  title: string;
  items: Item[];
  pendingLabel: string;
  patch?: Partial<MailboxView>;
  /** New mailboxes, shown as pending rows until eNom has them. */
  ghosts?: MailboxView[];
  /** The list's name in the action's field errors (`mailboxes`, `userNames`, `items`). */
  listKey: string;
  send: (chunk: Item[]) => Promise<ActionResult<MailboxBatchResult>>;
  /** Starts the whole list as a job, for lists longer than one eNom call. */
  startJob?: (items: Item[]) => Promise<ActionResult<{ runId: string }>>;
  /** The cached domain with the changes eNom confirmed, until it is read again. */
  apply?: (view: DomainEmailView, done: Item[]) => DomainEmailView;
  wording: { done: string };
  /** For one mailbox: the message when it failed (`reason` is written for the user). */
  failedOne?: (address: string, reason: string) => string;
  /** Show the items' passwords in the results (generated passwords the user must pass on). */
  showPasswords?: () => boolean;
  /** Builds the "fix and send again" button from the items that failed. */
  retry?: (failed: Item[], messages: Map<string, string>) => Activity["retry"];
  /** Other cached reads the change affects (the forwards), read again afterwards with the domain. */
  refresh?: readonly (readonly unknown[])[];
}

const PANEL_SILENT =
  "The panel did not answer, so this may or may not have been done. The list now shows the current state; check it before trying again.";

/** eNom's texts often lack a full stop; a reason followed by another sentence needs one. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function plural(count: number): string {
  return `${count} mailbox${count === 1 ? "" : "es"}`;
}

function summaryOf(rows: readonly ActivityRow[], done: string): { summary: string; tone: Activity["tone"] } {
  const counts = { ok: 0, failed: 0, unknown: 0 };
  for (const row of rows) counts[row.state === "pending" ? "unknown" : row.state]++;
  const total = rows.length;
  if (counts.ok === total) return { summary: `${done} ${plural(total)}.`, tone: "success" };
  const parts = [`${done} ${counts.ok} of ${plural(total)}.`];
  if (counts.failed) parts.push(`${plural(counts.failed)} failed.`);
  if (counts.unknown)
    parts.push(
      `${counts.unknown} not confirmed: the list shows the current state; check it before trying again.`,
    );
  return { summary: parts.join(" "), tone: counts.ok === 0 && counts.unknown === 0 ? "danger" : "warning" };
}

/** Row outcomes from one call's result; an `ok: false` result names a reason per row or one for all. */
function outcomesOf<Item extends WriteItem>(
  chunk: readonly Item[],
  result: ActionResult<MailboxBatchResult> | null,
  listKey: string,
): { state: MailboxOutcome; message: string | null }[] {
  if (!result) return chunk.map(() => ({ state: "unknown", message: PANEL_SILENT }));
  if (result.ok) {
    const byName = new Map(result.data.results.map((entry) => [entry.userName.toLowerCase(), entry]));
    return chunk.map((item) => {
      const entry = byName.get(item.userName.toLowerCase());
      return entry
        ? { state: entry.outcome, message: entry.message }
        : { state: "unknown", message: PANEL_SILENT };
    });
  }
  const errors = result.fieldErrors ?? {};
  return chunk.map((_, index) => {
    const prefix = `${listKey}.${index}`;
    const own = Object.entries(errors)
      .filter(([key]) => key === prefix || key.startsWith(`${prefix}.`))
      .flatMap(([, messages]) => messages ?? []);
    return { state: "failed", message: own.length ? own.join(" ") : result.message };
  });
}

/** A job item's state as a grid row shows it: skipped (never sent) counts as failed. */
function rowStateOf(item: JobItemView): RowState {
  if (item.status === "ok" || item.status === "failed" || item.status === "unknown") return item.status;
  return item.status === "skipped" ? "failed" : "pending";
}

const JOB_POLL_MS = 1_500;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function useMailboxWrites(domain: string) {
  const queryClient = useQueryClient();
  const portal = (usePathname() ?? "").startsWith("/portal");
  const queryKey = queryKeys.domainEmail(domain);
  const [changes, setChanges] = useState<ReadonlyMap<string, RowChange>>(new Map());
  const [ghosts, setGhosts] = useState<readonly MailboxView[]>([]);
  const [activities, setActivities] = useState<readonly Activity[]>([]);
  const nextId = useRef(1);

  function updateActivity(id: number, update: (activity: Activity) => Activity) {
    setActivities((list) => list.map((activity) => (activity.id === id ? update(activity) : activity)));
  }

  async function run<Item extends WriteItem>(spec: WriteSpec<Item>): Promise<ActivityRow[]> {
    const id = nextId.current++;
    const keys = spec.items.map((item) => item.userName.toLowerCase());
    const addressOf = (userName: string) => `${userName}@${domain}`;
    const requestsTotal = Math.ceil(spec.items.length / MAILBOX_BATCH_MAX);
    setChanges((current) => {
      const next = new Map(current);
      for (const key of keys) next.set(key, { label: spec.pendingLabel, patch: spec.patch });
      return next;
    });
    if (spec.ghosts?.length) setGhosts((current) => [...current, ...(spec.ghosts ?? [])]);
    const rows: ActivityRow[] = spec.items.map((item) => ({
      userName: item.userName,
      address: addressOf(item.userName),
      state: "pending",
      message: null,
      password: null,
    }));
    setActivities((list) => [
      {
        id,
        title: spec.title,
        rows,
        requestsTotal,
        requestsDone: 0,
        running: true,
        startedAt: Date.now(),
        summary: null,
        tone: "success",
        single: spec.items.length === 1,
        retry: null,
        jobHref: null,
      },
      ...list,
    ]);

    const done: Item[] = [];
    let singleMessage: string | null = null;
    const startJob = spec.items.length > JOB_THRESHOLD ? spec.startJob : undefined;
    if (startJob) {
      await followJob(id, spec.items, rows, done, () => startJob(spec.items));
    } else {
      for (let start = 0; start < spec.items.length; start += MAILBOX_BATCH_MAX) {
        const chunk = spec.items.slice(start, start + MAILBOX_BATCH_MAX);
        let result: ActionResult<MailboxBatchResult> | null;
        try {
          result = await spec.send(chunk);
        } catch {
          result = null; // the request to the panel itself failed: it may have run
        }
        if (result?.message) singleMessage = result.message;
        outcomesOf(chunk, result, spec.listKey).forEach((outcome, index) => {
          const row = rows[start + index];
          const item = chunk[index];
          if (!row || !item) return;
          row.state = outcome.state;
          row.message = outcome.message;
          if (outcome.state === "ok") done.push(item);
        });
        const snapshot = rows.map((row) => ({ ...row }));
        updateActivity(id, (activity) => ({
          ...activity,
          rows: snapshot,
          requestsDone: activity.requestsDone + 1,
        }));
      }
    }
    const showPasswords = spec.showPasswords?.() ?? false;
    const passwords = new Map(spec.items.map((item) => [item.userName.toLowerCase(), item.password ?? null]));
    const finalRows = rows.map((row) => ({
      ...row,
      password:
        showPasswords && row.state === "ok" ? (passwords.get(row.userName.toLowerCase()) ?? null) : null,
    }));
    let { summary, tone } = summaryOf(finalRows, spec.wording.done);
    const only = finalRows.length === 1 ? finalRows[0] : undefined;
    if (only) {
      summary =
        only.state === "ok"
          ? (singleMessage ?? summary)
          : only.state === "failed" && spec.failedOne
            ? spec.failedOne(only.address, asSentence(only.message ?? "No reason was given."))
            : (only.message ?? summary);
      tone = only.state === "ok" ? "success" : only.state === "failed" ? "danger" : "warning";
    }
    const failedItems = spec.items.filter((_, index) => finalRows[index]?.state === "failed");
    const messages = new Map(finalRows.map((row) => [row.userName.toLowerCase(), row.message ?? ""]));
    const retry = failedItems.length && spec.retry ? spec.retry(failedItems, messages) : null;

    // The cache takes what eNom confirmed at once (no flicker back to the old value), then the
    // domain is read again so the grid shows eNom's true state, including anything unknown.
    await queryClient.cancelQueries({ queryKey });
    if (done.length && spec.apply) {
      const apply = spec.apply;
      queryClient.setQueryData<DomainEmailView>(queryKey, (view) => (view ? apply(view, done) : view));
    }
    setChanges((current) => {
      const next = new Map(current);
      for (const key of keys) next.delete(key);
      return next;
    });
    if (spec.ghosts?.length) {
      const gone = new Set(keys);
      setGhosts((current) => current.filter((ghost) => !gone.has(ghost.userName.toLowerCase())));
    }
    updateActivity(id, (activity) => ({
      ...activity,
      rows: finalRows,
      running: false,
      summary,
      tone,
      retry,
    }));
    void queryClient.invalidateQueries({ queryKey });
    for (const key of spec.refresh ?? []) void queryClient.invalidateQueries({ queryKey: key });
    return finalRows;
  }

  /**
   * Starts the list as a job and follows it (GET /api/jobs/[id] through React Query's cache) until
   * it is finished, updating the rows as items settle. Item i of the list is the job's seq i + 1.
   */
  async function followJob<Item extends WriteItem>(
    id: number,
    items: readonly Item[],
    rows: ActivityRow[],
    done: Item[],
    start: () => Promise<ActionResult<{ runId: string }>>,
  ): Promise<void> {
    let started: ActionResult<{ runId: string }> | null;
    try {
      started = await start();
    } catch {
      started = null;
    }
    if (!started?.ok) {
      for (const row of rows) {
        row.state = started ? "failed" : "unknown";
        row.message = started?.message ?? PANEL_SILENT;
      }
      return;
    }
    const runId = started.data.runId;
    updateActivity(id, (activity) => ({ ...activity, jobHref: jobHref(runId, portal) }));
    for (;;) {
      await sleep(JOB_POLL_MS);
      let finished = false;
      try {
        const run = await queryClient.fetchQuery({
          queryKey: jobQueryKeys.run(runId),
          queryFn: () => fetchJobRun(runId),
          staleTime: 0,
        });
        for (const item of run.items) {
          const row = rows[item.seq - 1];
          if (!row) continue;
          row.state = rowStateOf(item);
          row.message = item.status === "ok" ? null : item.message || null;
        }
        finished = isFinished(run.status);
      } catch {
        // The panel did not answer this time; the job goes on, and the next poll asks again.
      }
      const settled = rows.filter((row) => row.state !== "pending").length;
      const snapshot = rows.map((row) => ({ ...row }));
      updateActivity(id, (activity) => ({
        ...activity,
        rows: snapshot,
        requestsDone: Math.min(activity.requestsTotal, Math.floor(settled / MAILBOX_BATCH_MAX)),
      }));
      if (finished) break;
    }
    items.forEach((item, index) => {
      if (rows[index]?.state === "ok") done.push(item);
    });
  }

  function dismiss(id: number) {
    setActivities((list) => list.filter((activity) => activity.id !== id));
  }

  return { changes, ghosts, activities, run, dismiss };
}
