"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatUtcMinute } from "@/components/users/user-summary";
import { revokeCustomerInvitationAction } from "@/lib/actions/customers";
import { resendCustomerInvitationAction } from "@/lib/actions/team";
import type { ActionResult } from "@/lib/actions/result";
import { StatusNote } from "./status-note";
import type { StaffInvitationView } from "./team-views";

/**
 * A customer's invitations nobody accepted yet, on the customer's staff page: who was invited, by
 * whom, when, until when; staff may send each again with a new link (the earlier one stops
 * working) or withdraw it (an invitation of a login they no longer trust).
 */
export function StaffInvitationList({
  customerId,
  customerName,
  invitations,
  canRevoke,
}: {
  customerId: string;
  customerName: string;
  invitations: StaffInvitationView[];
  canRevoke: boolean;
}) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const note = useRef<HTMLDivElement>(null);

  function resend(invitation: StaffInvitationView) {
    startTransition(async () => {
      const outcome = await resendCustomerInvitationAction({ customerId, invitationId: invitation.id });
      setResult(outcome.ok ? { ok: true, data: undefined, message: outcome.message } : outcome);
      if (outcome.ok) router.refresh();
      note.current?.focus();
    });
  }

  function revoke(invitation: StaffInvitationView) {
    startTransition(async () => {
      const outcome = await revokeCustomerInvitationAction({ customerId, invitationId: invitation.id });
      setResult(outcome);
      if (outcome.ok) router.refresh();
      note.current?.focus();
    });
  }

  return (
    <>
      <StatusNote ref={note} result={result} />
      {invitations.length === 0 ? (
        <p className="text-sm text-muted">No invitation to {customerName}&apos;s portal is waiting.</p>
      ) : (
        <ul
          aria-label={`Pending invitations of ${customerName}`}
          className="divide-y divide-line rounded-lg border border-line bg-surface"
        >
          {invitations.map((invitation) => (
            <li
              key={invitation.id}
              className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  <span className="break-all">{invitation.email}</span>
                  {invitation.expired ? <Badge tone="warning">Expired</Badge> : <Badge>Waiting</Badge>}
                  {invitation.asAdmin ? <Badge tone="accent">Administrator</Badge> : null}
                </p>
                <p className="text-sm text-muted">
                  Invited by {invitation.inviter ?? "a login that no longer exists"} on{" "}
                  {formatUtcMinute(invitation.sentAt)}
                </p>
                <p className="text-sm text-muted">
                  {invitation.expired ? "Expired" : "Link works until"}{" "}
                  {formatUtcMinute(invitation.expiresAt)}
                </p>
              </div>
              {canRevoke ? (
                <div className="flex shrink-0 flex-wrap gap-2">
                  <Button variant="secondary" size="sm" disabled={pending} onClick={() => resend(invitation)}>
                    Send again<span className="sr-only"> the invitation of {invitation.email}</span>
                  </Button>
                  <Button variant="secondary" size="sm" disabled={pending} onClick={() => revoke(invitation)}>
                    Withdraw<span className="sr-only"> the invitation of {invitation.email}</span>
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
