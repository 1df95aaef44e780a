"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { CheckCircle2 } from "lucide-react";
import { StatusNote } from "@/components/team/status-note";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { TextAreaField } from "@/components/ui/field";
import { formatUtcMinute } from "@/components/users/user-summary";
import { useAction } from "@/components/use-action";
import { approveRequestAction, declineRequestAction } from "@/lib/actions/purchase-requests";
import type { ActionResult } from "@/lib/actions/result";
import { DECISION_NOTE_MAX } from "@/lib/purchase-requests/schemas";
import type { ApprovalQueue, PurchaseRequestView } from "@/lib/purchase-requests/types";
import { usd } from "@/lib/purchases/spending-model";
import { OrderStatusBadge, RequestStatusBadge } from "./request-badges";

/**
 * The staff's approval queue: each customer's order waiting, oldest first, with Approve (the order
 * is placed at once, as the customer's, at its price) and Decline (with a note the customer gets
 * by email); then what was decided in the last 30 days.
 */
export function ApprovalQueueScreen({ queue }: { queue: ApprovalQueue }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [declining, setDeclining] = useState<PurchaseRequestView | null>(null);
  const note = useRef<HTMLDivElement>(null);
  const done = (outcome: ActionResult<unknown> | null) => {
    if (!outcome) return;
    setResult(outcome);
    router.refresh();
    note.current?.focus();
  };
  const approve = useAction(approveRequestAction);
  const pending = approve.pending;

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="waiting-requests">
        <h2 id="waiting-requests" className="mb-3 text-lg font-semibold">
          Waiting ({queue.waiting.length})
        </h2>
        <StatusNote ref={note} result={result} />
        {queue.waiting.length === 0 ? (
          <EmptyState icon={CheckCircle2} title="Nothing waits for approval">
            When a customer whose purchases you approve sends an order, it appears here.
          </EmptyState>
        ) : (
          <ul aria-label="Requests waiting for approval" className="flex flex-col gap-3">
            {queue.waiting.map((request) => (
              <li key={request.id} className="rounded-lg border border-line bg-surface p-4">
                <RequestDetails request={request} />
                <div className="mt-3 flex flex-wrap gap-2">
                  <Button
                    size="sm"
                    disabled={pending}
                    onClick={async () => done(await approve.run({ requestId: request.id }))}
                  >
                    Approve and place the order
                    <span className="sr-only">: {request.summary}</span>
                  </Button>
                  <Button
                    variant="secondary"
                    size="sm"
                    disabled={pending}
                    onClick={() => setDeclining(request)}
                  >
                    Decline<span className="sr-only"> {request.summary}</span>
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="decided-requests">
        <h2 id="decided-requests" className="mb-3 text-lg font-semibold">
          Decided in the last 30 days
        </h2>
        {queue.decided.length === 0 ? (
          <p className="text-sm text-muted">None yet.</p>
        ) : (
          <ul
            aria-label="Requests decided lately"
            className="divide-y divide-line rounded-lg border border-line bg-surface"
          >
            {queue.decided.map((request) => (
              <li key={request.id} className="p-4">
                <RequestDetails request={request} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <DeclineDialog
        request={declining}
        onClose={() => setDeclining(null)}
        onDone={(outcome) => {
          setDeclining(null);
          done(outcome);
        }}
      />
    </div>
  );
}

function RequestDetails({ request }: { request: PurchaseRequestView }) {
  return (
    <div className="min-w-0">
      <p className="flex flex-wrap items-center gap-2 font-medium">
        <span className="[overflow-wrap:anywhere]">{request.summary}</span>
        <RequestStatusBadge status={request.status} />
        {request.order ? <OrderStatusBadge status={request.order.status} /> : null}
      </p>
      <p className="text-sm text-muted">
        {request.customerName} · {request.requestedBy} · asked {formatUtcMinute(request.createdAt)}
        {request.retailCents === null ? "" : ` · ${usd(request.retailCents)} at their price`}
      </p>
      {request.decidedAt ? (
        <p className="text-sm text-muted">
          {request.status === "withdrawn"
            ? "Withdrawn"
            : request.status === "approved"
              ? "Approved"
              : "Declined"}{" "}
          by {request.decidedBy} on {formatUtcMinute(request.decidedAt)}
          {request.decisionNote ? ` · note: ${request.decisionNote}` : ""}
        </p>
      ) : null}
      {request.order ? (
        <p className="text-sm">
          <Link href={request.order.href} className="text-accent underline underline-offset-2">
            See the order<span className="sr-only"> for {request.summary}</span>
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function DeclineDialog({
  request,
  onClose,
  onDone,
}: {
  request: PurchaseRequestView | null;
  onClose: () => void;
  onDone: (outcome: ActionResult<unknown>) => void;
}) {
  const [text, setText] = useState("");
  const decline = useAction(declineRequestAction, {
    onSuccess: () => setText(""),
  });
  return (
    <Dialog
      open={request !== null}
      onClose={onClose}
      title="Decline this request?"
      description={
        request
          ? `${request.summary}, asked by ${request.requestedBy} of ${request.customerName}.`
          : undefined
      }
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!request) return;
          const outcome = await decline.run({ requestId: request.id, note: text });
          if (outcome?.ok) onDone(outcome);
        }}
      >
        <TextAreaField
          label="Note to the customer (optional)"
          name="note"
          rows={3}
          maxLength={DECISION_NOTE_MAX}
          hint="Sent in the email that tells them; nothing is bought."
          value={text}
          onChange={(event) => setText(event.target.value)}
          errors={decline.fieldErrors.note}
        />
        {decline.error ? (
          <p role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm">
            {decline.error}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={decline.pending}>
            {decline.pending ? "Declining…" : "Decline"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
