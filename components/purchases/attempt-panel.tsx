"use client";

import { CheckCircle2, CircleAlert, CircleHelp, LoaderCircle } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { useAction } from "@/components/use-action";
import { checkAttemptAction } from "@/lib/actions/purchases";
import { formatCalendarDate, formatUsd } from "@/lib/format";
import type { AttemptView } from "@/lib/purchases/types";
import { cn } from "@/lib/utils";
import { forgetIdempotencyKey } from "./idempotency";
import type { Audience } from "./quote-summary";

/** How soon an unknown attempt is checked with the provider on its own, and how many times. */
const UNKNOWN_CHECK_DELAYS_MS = [2_000, 5_000, 10_000];

/**
 * One purchase, growth or a renewal's pak: its outcome in plain words. Its status comes from the
 * result page's one read of the whole order (PurchaseResult); an unknown outcome is checked with
 * the provider here (a write: checkAttemptAction), a few times on its own and on request.
 */
export function AttemptPanel({
  view,
  audience,
  basePath,
  compact,
  retryHref,
  resultKey,
  reading,
  onRefresh,
  onChecked,
  allowed = { purchase: true, renew: true },
}: {
  view: AttemptView;
  audience: Audience;
  basePath: "" | "/portal";
  compact: boolean;
  retryHref: string | null;
  resultKey: string;
  /** The order is being read again. */
  reading: boolean;
  onRefresh: () => void;
  /** The provider was asked about this attempt: its new state. */
  onChecked: (checked: AttemptView) => void;
  /** What the viewer may order now: a link to a wizard that would refuse is not offered. */
  allowed?: { purchase: boolean; renew: boolean };
}) {
  const check = useAction(checkAttemptAction, { onSuccess: onChecked });
  const checking = check.pending || reading;
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
  const mayRetry = view.kind === "renew" ? allowed.renew : allowed.purchase;

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

      {check.error ? (
        <p role="alert" className="mt-3 text-sm font-medium text-danger">
          {check.error}
        </p>
      ) : null}

      <div className="mt-4 flex flex-wrap gap-3">
        {view.status === "unknown" ? (
          <Button onClick={() => void check.run({ key: view.key })} disabled={checking}>
            {checking ? "Checking…" : "Check now"}
          </Button>
        ) : null}
        {view.status === "pending" ? (
          <Button variant="secondary" onClick={onRefresh} disabled={checking}>
            {checking ? "Reading…" : "Refresh"}
          </Button>
        ) : null}
        {view.status === "failed" && !compact && mayRetry ? (
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
            {view.status === "ok" && allowed.purchase ? (
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
