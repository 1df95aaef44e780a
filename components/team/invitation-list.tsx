"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatUtcMinute } from "@/components/users/user-summary";
import type { ActionResult } from "@/lib/actions/result";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/actions/team";
import { StatusNote } from "./status-note";
import type { InvitationView } from "./team-views";

/** Invitations not yet accepted: send again (a new link and expiry) or withdraw. */
export function InvitationList({ invitations }: { invitations: InvitationView[] }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const note = useRef<HTMLDivElement>(null);

  function run(action: () => Promise<ActionResult<unknown>>) {
    startTransition(async () => {
      const outcome = await action();
      setResult(outcome);
      if (outcome.ok) router.refresh();
      note.current?.focus();
    });
  }

  return (
    <>
      <StatusNote ref={note} result={result} />
      {invitations.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-surface p-4 text-sm text-muted">
          No invitations are waiting.
        </p>
      ) : (
        <ul
          aria-label="Pending invitations"
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
                {invitation.name ? <p className="text-sm text-muted">{invitation.name}</p> : null}
                <p className="text-sm text-muted">
                  {invitation.expired ? "Expired" : "Link works until"}{" "}
                  {formatUtcMinute(invitation.expiresAt)}
                </p>
              </div>
              <div className="flex shrink-0 flex-wrap gap-2">
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={pending}
                  onClick={() => run(() => resendInvitationAction({ invitationId: invitation.id }))}
                >
                  Send again<span className="sr-only"> to {invitation.email}</span>
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={pending}
                  onClick={() => run(() => revokeInvitationAction({ invitationId: invitation.id }))}
                >
                  Withdraw<span className="sr-only"> the invitation of {invitation.email}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
