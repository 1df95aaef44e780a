"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { formatUtcMinute } from "@/components/users/user-summary";
import type { ActionResult } from "@/lib/actions/result";
import { removeColleagueAction, setColleagueAdminAction } from "@/lib/actions/team";
import { StatusNote } from "./status-note";
import type { ColleagueView } from "./team-views";

/**
 * The customer's logins: a list rather than a table, so it reads well at 375 px. Removing asks
 * first, in a dialog; the outcome is announced above the list (the removed row is gone). An
 * administrator makes colleagues administrators or members, and may step down while another
 * active administrator remains.
 */
export function ColleagueList({ colleagues }: { colleagues: ColleagueView[] }) {
  const router = useRouter();
  const [target, setTarget] = useState<ColleagueView | null>(null);
  const [failure, setFailure] = useState<ActionResult | null>(null);
  const [done, setDone] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const note = useRef<HTMLDivElement>(null);

  function close() {
    setTarget(null);
    setFailure(null);
  }

  const activeAdmins = colleagues.filter((colleague) => colleague.admin && !colleague.disabled).length;

  function setAdmin(colleague: ColleagueView, admin: boolean) {
    startTransition(async () => {
      const result = await setColleagueAdminAction({ userId: colleague.id, admin });
      // Stepping down closes the Team page to you: go back to the portal's start.
      if (result.ok && colleague.isSelf && !admin) {
        router.replace("/portal");
        return;
      }
      setDone(result);
      if (result.ok) router.refresh();
      note.current?.focus();
    });
  }

  function remove(colleague: ColleagueView) {
    startTransition(async () => {
      const result = await removeColleagueAction({ userId: colleague.id });
      if (!result.ok) {
        setFailure(result);
        return;
      }
      setDone(result);
      close();
      router.refresh();
      note.current?.focus();
    });
  }

  return (
    <>
      <StatusNote ref={note} result={done} />
      <ul aria-label="Colleagues" className="divide-y divide-line rounded-lg border border-line bg-surface">
        {colleagues.map((colleague) => (
          <li
            key={colleague.id}
            className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                <span className="break-words">{colleague.name}</span>
                {colleague.isSelf ? <span className="text-sm font-normal text-muted">(you)</span> : null}
                <Badge tone={colleague.admin ? "accent" : "neutral"}>
                  {colleague.admin ? "Administrator" : "Member"}
                </Badge>
                {colleague.disabled ? <Badge tone="warning">Disabled</Badge> : null}
              </p>
              <p className="text-sm break-all text-muted">{colleague.email}</p>
              <p className="text-sm text-muted">
                Last sign-in: {colleague.lastSignInAt ? formatUtcMinute(colleague.lastSignInAt) : "Never"}
              </p>
            </div>
            <div className="flex shrink-0 flex-wrap gap-2">
              {colleague.admin ? (
                colleague.isSelf && activeAdmins < 2 ? null : (
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={pending}
                    onClick={() => setAdmin(colleague, false)}
                  >
                    {colleague.isSelf ? (
                      "Step down as administrator"
                    ) : (
                      <>
                        Make member<span className="sr-only"> {colleague.name}</span>
                      </>
                    )}
                  </Button>
                )
              ) : colleague.disabled ? null : (
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={pending}
                  onClick={() => setAdmin(colleague, true)}
                >
                  Make administrator<span className="sr-only"> {colleague.name}</span>
                </Button>
              )}
              {colleague.isSelf ? null : (
                <Button variant="secondary" size="sm" onClick={() => setTarget(colleague)}>
                  Remove<span className="sr-only"> {colleague.name}</span>
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <Dialog
        open={target !== null}
        onClose={close}
        title={target ? `Remove ${target.name}?` : "Remove"}
        description={target?.email}
      >
        {target ? (
          <div className="flex flex-col gap-4">
            <p className="text-sm">
              {target.name} is signed out at once and can no longer sign in. You can invite them again later.
            </p>
            <FormMessage state={failure ?? undefined} />
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button variant="danger" disabled={pending} onClick={() => remove(target)}>
                {pending ? "Removing…" : `Remove ${target.name}`}
              </Button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </>
  );
}
