"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AttemptView, EarlierOrder } from "@/lib/purchases/types";

/** "2 minutes ago", from the server's time of the earlier order. */
export function timeAgo(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return "less than a minute ago";
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"} ago`;
}

/**
 * Why a submit made no order and what to do: the same order was placed minutes ago (see it, or
 * buy again on purpose with the confirmation the server issued), or an earlier order for the
 * domain is not confirmed yet (see it; nothing more is bought for the domain until it is checked).
 */
export function EarlierOrderNotice({
  earlier,
  status,
  href,
  summary,
  done,
  busy,
  onAgain,
}: {
  earlier: EarlierOrder;
  /** The earlier order's status now. */
  status: AttemptView["status"];
  /** The earlier order's page. */
  href: string;
  summary: string;
  done: "bought" | "renewed";
  busy: boolean;
  /** Buys again with `earlier.confirmation`. */
  onAgain: () => void;
}) {
  const who = earlier.placedBy === "you" ? "you" : earlier.placedBy;
  const when = timeAgo(earlier.placedAt);
  if (earlier.reason === "domain-held" && status === "pending")
    return (
      <Alert tone="warning" title="Another order for this domain is being placed right now">
        <p>
          {summary} was ordered {when} by {who}. Wait a moment for it to finish, then submit again: your
          choices are kept.
        </p>
      </Alert>
    );
  if (earlier.reason === "domain-held")
    return (
      <Alert tone="warning" title="An earlier order for this domain is not confirmed yet">
        <p>
          {summary} was ordered {when} by {who}, and we could not yet confirm whether it went through. Nothing
          more can be {done} for this domain until it is checked.
        </p>
        {earlier.canView ? (
          <p className="mt-2">
            <Link href={href} className="font-medium text-accent underline">
              See the pending order
            </Link>
          </p>
        ) : null}
      </Alert>
    );
  return (
    <Alert tone="warning" title={`An order for this was placed ${when} by ${who}`}>
      <p>
        {summary}. Nothing new was {done}: this is that order.
        {earlier.confirmation ? " If you do need a second one, buy again on purpose." : ""}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {earlier.canView ? (
          <Link href={href} className="font-medium text-accent underline">
            See it
          </Link>
        ) : null}
        {earlier.confirmation ? (
          <Button variant="secondary" onClick={onAgain} disabled={busy}>
            {busy ? "Ordering again…" : done === "bought" ? "Buy again on purpose" : "Renew again on purpose"}
          </Button>
        ) : null}
      </div>
    </Alert>
  );
}
