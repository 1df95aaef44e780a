"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Inbox } from "lucide-react";
import { StatusNote } from "@/components/team/status-note";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatUtcMinute } from "@/components/users/user-summary";
import { useAction } from "@/components/use-action";
import { withdrawRequestAction } from "@/lib/actions/purchase-requests";
import type { ActionResult } from "@/lib/actions/result";
import type { CustomerRequests } from "@/lib/purchase-requests/types";
import { usd } from "@/lib/purchases/spending-model";
import { MonthSpendingLine } from "./month-spending";
import { OrderStatusBadge, RequestStatusBadge } from "./request-badges";

/**
 * The customer's orders sent for approval: each waiting one may be withdrawn; an approved one links
 * to its order, a declined one shows the provider's note. This month's spending on top.
 */
export function CustomerRequestsScreen({ data }: { data: CustomerRequests }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const note = useRef<HTMLDivElement>(null);
  const withdraw = useAction(withdrawRequestAction);

  return (
    <div className="flex flex-col gap-4">
      <MonthSpendingLine spending={data.spending} />
      <StatusNote ref={note} result={result} />
      {data.requests.length === 0 ? (
        <EmptyState icon={Inbox} title="No requests yet">
          Orders you send for approval appear here until your provider decides.
        </EmptyState>
      ) : (
        <ul
          aria-label="Your requests"
          className="divide-y divide-line rounded-lg border border-line bg-surface"
        >
          {data.requests.map((request) => (
            <li
              key={request.id}
              className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  <span className="[overflow-wrap:anywhere]">{request.summary}</span>
                  <RequestStatusBadge status={request.status} />
                  {request.order ? <OrderStatusBadge status={request.order.status} /> : null}
                </p>
                <p className="text-sm text-muted">
                  Asked by {request.requestedBy} on {formatUtcMinute(request.createdAt)}
                  {request.retailCents === null ? "" : ` · ${usd(request.retailCents)}`}
                </p>
                {request.status === "declined" && request.decisionNote ? (
                  <p className="text-sm">Your provider&apos;s note: {request.decisionNote}</p>
                ) : null}
                {request.order ? (
                  <p className="text-sm">
                    <Link href={request.order.href} className="text-accent underline underline-offset-2">
                      See the order<span className="sr-only"> for {request.summary}</span>
                    </Link>
                  </p>
                ) : null}
              </div>
              {request.status === "waiting" ? (
                <div className="shrink-0">
                  <Button
                    variant="secondary"
                    size="sm"
                    disabled={withdraw.pending}
                    onClick={async () => {
                      const outcome = await withdraw.run({ requestId: request.id });
                      if (!outcome) return;
                      setResult(outcome);
                      router.refresh();
                      note.current?.focus();
                    }}
                  >
                    Withdraw<span className="sr-only"> the request: {request.summary}</span>
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
