"use client";

import { CircleAlert, CircleCheck, CircleHelp, Loader2, X } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { CopyButton, PasswordShownOnce } from "./shown-once";
import type { Activity, ActivityRow } from "./use-mailbox-writes";

/**
 * The changes the grid has sent: while eNom works, a progress bar (the page stays usable);
 * afterwards the result for each mailbox, with any new password shown this once. Not a dialog,
 * so nothing blocks the rest of the page.
 */
export function ActivityPanel({
  activities,
  onDismiss,
}: {
  activities: readonly Activity[];
  onDismiss: (id: number) => void;
}) {
  if (activities.length === 0) return null;
  return (
    <section aria-label="Changes sent and their results" className="flex flex-col gap-3">
      {activities.map((activity) =>
        activity.single ? (
          <SingleChange key={activity.id} activity={activity} onDismiss={() => onDismiss(activity.id)} />
        ) : (
          <BatchChange key={activity.id} activity={activity} onDismiss={() => onDismiss(activity.id)} />
        ),
      )}
    </section>
  );
}

const toneClasses: Record<Activity["tone"], string> = {
  success: "border-success/40 bg-success-soft",
  warning: "border-warning/40 bg-warning-soft",
  danger: "border-danger/40 bg-danger-soft",
};

/** Seconds since the change was sent, ticking while it runs. */
function useElapsedSeconds(activity: Activity): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!activity.running) return;
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - activity.startedAt) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [activity.running, activity.startedAt]);
  return elapsed;
}

function Waiting({ activity }: { activity: Activity }) {
  const elapsed = useElapsedSeconds(activity);
  return (
    <p className="text-xs text-muted">
      Waiting for the email service{elapsed > 0 ? ` (${elapsed} s)` : ""}. It can take several seconds; you
      can keep working meanwhile.
    </p>
  );
}

function DismissButton({ title, onDismiss }: { title: string; onDismiss: () => void }) {
  return (
    <button
      type="button"
      onClick={onDismiss}
      className="shrink-0 rounded-md p-1.5 text-muted hover:bg-raised hover:text-fg"
    >
      <X aria-hidden="true" className="size-4" />
      <span className="sr-only">Dismiss: {title}</span>
    </button>
  );
}

function SingleChange({ activity, onDismiss }: { activity: Activity; onDismiss: () => void }) {
  const row = activity.rows[0];
  if (activity.running)
    return (
      <div
        role="status"
        className="flex items-start gap-2 rounded-md border border-line bg-surface p-3 text-sm"
      >
        <Loader2 aria-hidden="true" className="mt-0.5 size-4 animate-spin" />
        <div>
          <p className="font-medium">{activity.title}…</p>
          <Waiting activity={activity} />
        </div>
      </div>
    );
  return (
    <div
      role={activity.tone === "danger" ? "alert" : "status"}
      className={cn("flex items-start gap-2 rounded-md border p-3 text-sm", toneClasses[activity.tone])}
    >
      <OutcomeIcon state={row?.state ?? "unknown"} />
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <p>{activity.summary}</p>
        {row?.password ? <PasswordShownOnce address={row.address} password={row.password} /> : null}
        {activity.retry ? (
          <div>
            <Button size="sm" variant="secondary" onClick={activity.retry.run}>
              {activity.retry.label}
            </Button>
          </div>
        ) : null}
      </div>
      <DismissButton title={activity.title} onDismiss={onDismiss} />
    </div>
  );
}

function OutcomeIcon({ state }: { state: ActivityRow["state"] }) {
  if (state === "pending")
    return <Loader2 aria-hidden="true" className="mt-0.5 size-4 shrink-0 animate-spin" />;
  if (state === "ok")
    return <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-success" />;
  if (state === "failed")
    return <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-danger" />;
  return <CircleHelp aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-warning" />;
}

const STATE_LABELS: Record<ActivityRow["state"], string> = {
  pending: "Waiting",
  ok: "Done",
  failed: "Failed",
  unknown: "Not confirmed",
};

function BatchChange({ activity, onDismiss }: { activity: Activity; onDismiss: () => void }) {
  const settled = activity.rows.filter((row) => row.state !== "pending").length;
  const total = activity.rows.length;
  const passwords = activity.rows.filter((row) => row.password);
  // One call in flight says nothing about how far it is: the bar moves without a value until it answers.
  const indeterminate =
    activity.running && activity.requestsTotal - activity.requestsDone >= 1 && settled === 0;
  return (
    <section
      aria-label={activity.title}
      aria-busy={activity.running}
      className={cn(
        "flex flex-col gap-3 rounded-lg border p-4 text-sm",
        activity.running ? "border-line bg-surface" : toneClasses[activity.tone],
      )}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="font-semibold">{activity.title}</h3>
          <p role="status" className="mt-0.5">
            {activity.running
              ? `${settled} of ${total} done${
                  activity.requestsTotal > 1
                    ? `, part ${activity.requestsDone + 1} of ${activity.requestsTotal}`
                    : ""
                }.`
              : activity.summary}
          </p>
        </div>
        {activity.running ? null : <DismissButton title={activity.title} onDismiss={onDismiss} />}
      </div>
      <progress
        aria-label={`Progress: ${activity.title}`}
        max={total}
        value={indeterminate ? undefined : settled}
        className="h-2 w-full overflow-hidden rounded-full accent-[var(--color-accent)]"
      />
      {activity.running ? <Waiting activity={activity} /> : null}
      {activity.jobHref ? (
        <p className="text-xs text-muted">
          This list runs on the server: it goes on if you leave this page.{" "}
          <Link href={activity.jobHref} className="font-medium text-accent underline">
            Follow it in Activity
          </Link>
          .
        </p>
      ) : null}
      {passwords.length ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-warning/40 bg-warning-soft p-3">
          <p className="flex-1">
            The new passwords are shown below only this once. Copy them now and pass them on by another
            channel than email.
          </p>
          <CopyButton
            label="Copy all new passwords"
            text={passwords.map((row) => `${row.address},${row.password}`).join("\n")}
          />
        </div>
      ) : null}
      <div
        tabIndex={0}
        role="region"
        aria-label={`Results per mailbox: ${activity.title}`}
        className="max-h-72 overflow-auto rounded-md border border-line bg-surface"
      >
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="border-b border-line bg-raised px-3 py-1.5 font-semibold">
                Mailbox
              </th>
              <th scope="col" className="border-b border-line bg-raised px-3 py-1.5 font-semibold">
                Result
              </th>
              {passwords.length ? (
                <th scope="col" className="border-b border-line bg-raised px-3 py-1.5 font-semibold">
                  New password
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {activity.rows.map((row) => (
              <tr key={row.userName}>
                <td className="border-b border-line px-3 py-1.5 align-top">{row.address}</td>
                <td className="border-b border-line px-3 py-1.5 align-top">
                  <span className="flex items-start gap-1.5">
                    <OutcomeIcon state={row.state} />
                    <span>
                      <span className="font-medium">{STATE_LABELS[row.state]}</span>
                      {row.message ? <span className="text-muted">: {row.message}</span> : null}
                    </span>
                  </span>
                </td>
                {passwords.length ? (
                  <td className="border-b border-line px-3 py-1.5 align-top font-mono">
                    {row.password ?? ""}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {activity.retry ? (
        <div>
          <Button variant="secondary" onClick={activity.retry.run}>
            {activity.retry.label}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
