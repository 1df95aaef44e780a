"use client";

import { CheckCircle2, CircleAlert, CircleHelp, LoaderCircle } from "lucide-react";
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, useSyncExternalStore } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { useAction } from "@/components/use-action";
import { checkAttemptAction } from "@/lib/actions/purchases";
import { formatCalendarDate, formatUsd } from "@/lib/format";
import type { AttemptView } from "@/lib/purchases/types";
import { queryKeys } from "@/lib/query-keys";
import { cn } from "@/lib/utils";
import { attemptOrigin, forgetIdempotencyKey } from "./idempotency";
import { useAttemptResult } from "./purchase-reads";
import type { Audience } from "./quote-summary";

/** How often a pending attempt is read again, and how many automatic checks an unknown one gets. */
const PENDING_POLL_MS = 2_000;
const PENDING_POLLS_MAX = 30;
// A renewal job works through its paks one after another (eNom takes seconds each): its paks are
// read less often, for longer.
const JOB_POLL_MS = 5_000;
const JOB_POLLS_MAX = 240;
const UNKNOWN_CHECK_DELAYS_MS = [2_000, 5_000, 10_000];

export interface PurchaseResultProps {
  audience: Audience;
  basePath: "" | "/portal";
  /** The attempt key or, for a renewal of several paks, the batch key. */
  resultKey: string;
  /** One attempt, or each pak's attempt of a renewal, as read by the server (null: not found). */
  attempts: { key: string; view: AttemptView | null; problem: string | null }[];
  isBatch: boolean;
  /** The job renewing a selection of paks, followed item by item in the activity view. */
  runId?: string | null;
}

/**
 * The outcome of a purchase, growth or renewal, in plain words, kept up to date: a pending attempt
 * is read again until it settles, and an unknown one is checked with the provider a few times (and
 * on request) before anything may be bought again.
 */
export function PurchaseResult({
  audience,
  basePath,
  resultKey,
  attempts,
  isBatch,
  runId = null,
}: PurchaseResultProps) {
  const retryHref = useSyncExternalStore(
    noSubscription,
    () => attemptOrigin(resultKey),
    () => null,
  );

  const failedPaks = attempts
    .map((attempt) => attempt.view)
    .filter((view) => view?.status === "failed" && view.bundleId !== null)
    .map((view) => `${view?.domain}:${view?.bundleId}`);

  return (
    <div className="flex flex-col gap-4">
      {runId ? (
        <p className="text-sm text-muted">
          The paks are renewed one after another by a job that goes on if you leave this page.{" "}
          <Link
            href={`${basePath}/activity/${encodeURIComponent(runId)}`}
            className="font-medium text-accent underline"
          >
            Follow it in Activity
          </Link>
        </p>
      ) : null}
      {attempts.map((attempt) => {
        const view = attempt.view;
        return view ? (
          <AttemptPanel
            key={attempt.key}
            initial={view}
            audience={audience}
            basePath={basePath}
            compact={isBatch && attempts.length > 1}
            byJob={runId !== null}
            retryHref={retryHref}
            resultKey={resultKey}
          />
        ) : (
          <section key={attempt.key} className="rounded-lg border border-line bg-surface p-5 shadow-sm">
            <h2 className="font-semibold">This result could not be shown</h2>
            <p className="mt-1 text-sm text-muted">{attempt.problem ?? "It was not found."}</p>
          </section>
        );
      })}
      {isBatch && attempts.length > 1 && failedPaks.length > 0 ? (
        <div>
          <Link
            href={`${basePath}/renew?items=${encodeURIComponent(failedPaks.join(","))}`}
            onClick={() => forgetIdempotencyKey(resultKey)}
            className={buttonClasses("primary")}
          >
            Try the paks that were not renewed again
          </Link>
        </div>
      ) : null}
    </div>
  );
}

function AttemptPanel({
  initial,
  audience,
  basePath,
  compact,
  byJob,
  retryHref,
  resultKey,
}: {
  initial: AttemptView;
  audience: Audience;
  basePath: "" | "/portal";
  compact: boolean;
  /** Renewed by a job: it may wait behind the other paks for minutes. */
  byJob: boolean;
  retryHref: string | null;
  resultKey: string;
}) {
  const queryClient = useQueryClient();
  // A pending attempt is read again (GET /api/purchases/<key>) until it settles.
  const reading = useAttemptResult(
    initial.key,
    { attempts: [initial], isBatch: false },
    byJob ? JOB_POLL_MS : PENDING_POLL_MS,
    byJob ? JOB_POLLS_MAX : PENDING_POLLS_MAX,
  );
  const view = reading.data.attempts[0] ?? initial;
  const check = useAction(checkAttemptAction, {
    onSuccess: (checked) =>
      queryClient.setQueryData(queryKeys.purchaseResult(initial.key), {
        attempts: [checked],
        isBatch: false,
      }),
  });
  const checking = check.pending || reading.isFetching;
  const problem = check.error ?? (reading.isError ? reading.error.message : null);
  const [autoChecksLeft, setAutoChecksLeft] = useState(UNKNOWN_CHECK_DELAYS_MS.length);
  const runCheck = check.run;

  // An unknown attempt is checked with the provider a few times on its own.
  useEffect(() => {
    if (view.status !== "unknown" || autoChecksLeft === 0) return undefined;
    const delay = UNKNOWN_CHECK_DELAYS_MS[UNKNOWN_CHECK_DELAYS_MS.length - autoChecksLeft] ?? 10_000;
    const timer = setTimeout(() => {
      setAutoChecksLeft((left) => left - 1);
      void runCheck({ key: view.key });
    }, delay);
    return () => clearTimeout(timer);
  }, [view.status, view.key, autoChecksLeft, runCheck]);

  const domainHref = `${basePath}/domains/${encodeURIComponent(view.domain)}`;
  const fallbackRetry =
    view.kind === "renew"
      ? `${basePath}/renew?domain=${encodeURIComponent(view.domain)}${view.bundleId ? `&pak=${view.bundleId}` : ""}`
      : view.kind === "purchase" || view.bundleId === null
        ? `${basePath}/purchase?domain=${encodeURIComponent(view.domain)}`
        : `${basePath}/purchase?domain=${encodeURIComponent(view.domain)}&pak=${view.bundleId}&grow=${view.kind === "add-storage" ? "storage" : "mailboxes"}`;
  const Heading = compact ? "h3" : "h2";

  return (
    <section
      aria-labelledby={`attempt-${view.key}`}
      className={cn("rounded-lg border bg-surface p-5 shadow-sm", TONE[view.status])}
    >
      <div className="flex items-start gap-3">
        <StatusIcon status={view.status} />
        <div className="min-w-0 flex-1">
          <Heading id={`attempt-${view.key}`} className="text-lg font-semibold">
            {compact && view.bundleId ? `${view.domain}, pak ${view.bundleId}: ` : ""}
            {statusTitle(view)}
          </Heading>
          <p className="mt-1 text-sm" role={view.status === "failed" ? "alert" : "status"}>
            {statusSentence(view)}
          </p>
          <p className="mt-1 text-sm text-muted">{view.summary}</p>
        </div>
      </div>

      <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <Detail label="Domain" value={view.domain} />
        {view.bundleId !== null ? <Detail label="Pak (BundleID)" value={String(view.bundleId)} /> : null}
        {view.orderId ? <Detail label="Order number" value={view.orderId} /> : null}
        {view.retailCents !== null ? (
          <Detail
            label={audience === "staff" ? "Price to the customer" : "Price"}
            value={formatUsd({ cents: view.retailCents })}
          />
        ) : null}
        {audience === "staff" && view.costCents !== null ? (
          <Detail label="Debited from the account balance" value={formatUsd({ cents: view.costCents })} />
        ) : null}
        {view.newExpiry ? (
          <Detail label="New expiry" value={formatCalendarDate({ iso: view.newExpiry })} />
        ) : null}
        {audience === "staff" && view.trackingKey ? (
          <Detail label="Tracking key" value={view.trackingKey} />
        ) : null}
        <Detail label="Reference" value={view.key} />
      </dl>

      {problem ? (
        <p role="alert" className="mt-3 text-sm font-medium text-danger">
          {problem}
        </p>
      ) : null}

      <div className="mt-4 flex flex-wrap gap-3">
        {view.status === "unknown" ? (
          <Button onClick={() => void check.run({ key: view.key })} disabled={checking}>
            {checking ? "Checking…" : "Check now"}
          </Button>
        ) : null}
        {view.status === "pending" ? (
          <Button variant="secondary" onClick={() => void reading.refetch()} disabled={checking}>
            {checking ? "Reading…" : "Refresh"}
          </Button>
        ) : null}
        {view.status === "failed" && !compact ? (
          <Link
            href={retryHref ?? fallbackRetry}
            onClick={() => forgetIdempotencyKey(resultKey)}
            className={buttonClasses("primary")}
          >
            Change and try again
          </Link>
        ) : null}
        {!compact ? (
          <>
            <Link href={domainHref} className={buttonClasses("secondary")}>
              Open {view.domain}
            </Link>
            {view.status === "ok" ? (
              <Link
                href={`${basePath}/purchase?domain=${encodeURIComponent(view.domain)}`}
                // A deliberate new order: the same choices again make a new purchase.
                onClick={() => forgetIdempotencyKey(resultKey)}
                className={buttonClasses("secondary")}
              >
                Buy more
              </Link>
            ) : null}
          </>
        ) : (
          <Link href={domainHref} className={buttonClasses("secondary", "sm")}>
            Open {view.domain}
          </Link>
        )}
      </div>
      {view.replayed && !compact ? (
        <p className="mt-3 text-xs text-muted">
          This had already been submitted; this is the result of that first submission, and nothing was bought
          twice.
        </p>
      ) : null}
    </section>
  );
}

const noSubscription = () => () => undefined;

const TONE: Record<AttemptView["status"], string> = {
  ok: "border-success/40",
  failed: "border-danger/40",
  unknown: "border-warning/40",
  pending: "border-line",
};

function StatusIcon({ status }: { status: AttemptView["status"] }) {
  const className = "mt-0.5 size-6 shrink-0";
  if (status === "ok") return <CheckCircle2 aria-hidden="true" className={cn(className, "text-success")} />;
  if (status === "failed") return <CircleAlert aria-hidden="true" className={cn(className, "text-danger")} />;
  if (status === "unknown")
    return <CircleHelp aria-hidden="true" className={cn(className, "text-warning")} />;
  return <LoaderCircle aria-hidden="true" className={cn(className, "animate-spin text-muted")} />;
}

function statusTitle(view: AttemptView): string {
  switch (view.status) {
    case "ok":
      return "Done";
    case "failed":
      return "This did not go through";
    case "unknown":
      return "Not confirmed yet";
    case "pending":
      return "Working on it…";
  }
}

function statusSentence(view: AttemptView): string {
  const renewal = view.kind === "renew";
  switch (view.status) {
    case "ok":
      return view.reconciliation === "made"
        ? `We checked: it went through. ${view.message}`.trim()
        : view.message || (renewal ? "The pak is renewed." : "The order is placed.");
    case "failed":
      return view.reconciliation === "not-made"
        ? `We checked: it did not go through, and nothing was ${renewal ? "renewed" : "bought"}. ${view.message}`.trim()
        : /nothing/i.test(view.message)
          ? view.message
          : `${view.message} Nothing was ${renewal ? "renewed" : "bought"}.`;
    case "unknown":
      return `We could not confirm whether this went through. Nothing will be ${renewal ? "renewed" : "bought"} again until we have checked.`;
    case "pending":
      return "The order has been sent; this page updates when the answer arrives.";
  }
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted">{label}</dt>
      <dd className="font-medium break-all">{value}</dd>
    </div>
  );
}
