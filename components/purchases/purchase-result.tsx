"use client";

import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { buttonClasses } from "@/components/ui/button";
import type { AttemptView, PurchaseResultView } from "@/lib/purchases/types";
import { queryKeys } from "@/lib/query-keys";
import { AttemptPanel } from "./attempt-panel";
import { useForgetAfterOrder } from "./forget-after-order";
import { attemptOrigin, forgetIdempotencyKey } from "./idempotency";
import { useOrderResult } from "./purchase-reads";
import type { Audience } from "./quote-summary";

/** How often a pending order is read again, and at most how many times. */
const PENDING_POLL_MS = 2_000;
const PENDING_POLLS_MAX = 30;
// A renewal job works through its paks one after another (eNom takes seconds each): the order is
// read less often, for longer.
const JOB_POLL_MS = 5_000;
const JOB_POLLS_MAX = 240;

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
  /**
   * What this viewer may order now (a customer's allowances may have changed since the order):
   * no link to a wizard that would refuse. Staff pages leave it out.
   */
  allowed?: { purchase: boolean; renew: boolean };
}

/**
 * The outcome of a purchase, growth or renewal, in plain words, kept up to date: while any pak is
 * pending, the whole order is read again in one GET (never one per pak), until every pak has
 * settled; an unknown one is checked with the provider a few times (and on request) before
 * anything may be bought again.
 */
export function PurchaseResult({
  audience,
  basePath,
  resultKey,
  attempts,
  isBatch,
  runId = null,
  allowed = { purchase: true, renew: true },
}: PurchaseResultProps) {
  const queryClient = useQueryClient();
  const retryHref = useSyncExternalStore(
    noSubscription,
    () => attemptOrigin(resultKey),
    () => null,
  );

  const found = useMemo(
    () => attempts.flatMap((attempt) => (attempt.view ? [attempt.view] : [])),
    [attempts],
  );
  const byJob = runId !== null;
  const order = useOrderResult(
    resultKey,
    { attempts: found, isBatch, runId },
    byJob ? JOB_POLL_MS : PENDING_POLL_MS,
    byJob ? JOB_POLLS_MAX : PENDING_POLLS_MAX,
    found.length > 0,
  );
  const current = currentViews(found, order.data.attempts);
  // The paks changed (or may have): the tab's reads of their domains are old from now on.
  useForgetAfterOrder([...current.values()]);

  const onChecked = useCallback(
    (checked: AttemptView) =>
      queryClient.setQueryData<PurchaseResultView>(queryKeys.purchaseResult(resultKey), (previous) =>
        previous ? withAttempt(previous, checked) : previous,
      ),
    [queryClient, resultKey],
  );
  const refetch = order.refetch;
  const onRefresh = useCallback(() => void refetch(), [refetch]);

  const failedPaks = attempts
    .map((attempt) => current.get(attempt.key))
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
      {order.isError ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {order.error.message}
        </p>
      ) : null}
      {attempts.map((attempt) => {
        const view = current.get(attempt.key);
        return view ? (
          <AttemptPanel
            key={attempt.key}
            view={view}
            audience={audience}
            basePath={basePath}
            compact={isBatch && attempts.length > 1}
            retryHref={retryHref}
            resultKey={resultKey}
            reading={order.isFetching}
            onRefresh={onRefresh}
            onChecked={onChecked}
            allowed={allowed}
          />
        ) : (
          <section key={attempt.key} className="rounded-lg border border-line bg-surface p-5 shadow-sm">
            <h2 className="font-semibold">This result could not be shown</h2>
            <p className="mt-1 text-sm text-muted">{attempt.problem ?? "It was not found."}</p>
          </section>
        );
      })}
      {isBatch && attempts.length > 1 && failedPaks.length > 0 && allowed.renew ? (
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

/**
 * Each pak's latest state by its key: the order's last read over the page's first one. The first
 * read says whether the submit was a repeat (`replayed`); later reads do not know, so it is kept.
 * Exported for tests.
 */
export function currentViews(
  initial: readonly AttemptView[],
  latest: readonly AttemptView[],
): Map<string, AttemptView> {
  const views = new Map(initial.map((view) => [view.key, view]));
  for (const view of latest) {
    const first = views.get(view.key);
    views.set(view.key, first ? { ...view, replayed: first.replayed } : view);
  }
  return views;
}

/** The order with one attempt replaced by what a check found. Exported for tests. */
export function withAttempt(order: PurchaseResultView, checked: AttemptView): PurchaseResultView {
  return {
    ...order,
    attempts: order.attempts.map((attempt) => (attempt.key === checked.key ? checked : attempt)),
  };
}

const noSubscription = () => () => undefined;
