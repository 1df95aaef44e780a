"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/use-action";
import { setNotificationEmailsAction } from "@/lib/actions/notifications";
import type { ActionResult } from "@/lib/actions/result";
import {
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from "@/lib/notifications/model";

/**
 * My account → "Notifications by email": which kinds of notification also come to the user's own
 * address. They are always in the panel (the bell); this only adds the email.
 */
export function EmailChoices({ saved, email }: { saved: NotificationKind[]; email: string }) {
  const [chosen, setChosen] = useState<NotificationKind[]>(saved);
  const [current, setCurrent] = useState<NotificationKind[]>(saved);
  const [outcome, setOutcome] = useState<ActionResult<unknown> | undefined>();
  const save = useAction(setNotificationEmailsAction, {
    onSuccess: (data) => {
      const kinds = NOTIFICATION_KINDS.filter((kind) => data.kinds.includes(kind));
      setCurrent(kinds);
      setChosen(kinds);
    },
  });
  const id = useId();
  const changed = chosen.length !== current.length || chosen.some((kind) => !current.includes(kind));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await save.run({ kinds: chosen });
    if (result) setOutcome(result);
  };

  return (
    <Card id="notification-emails" aria-labelledby={`${id}-title`} className="max-w-3xl scroll-mt-20">
      <CardTitle>
        <span id={`${id}-title`}>Notifications by email</span>
      </CardTitle>
      <p className="mt-1 text-sm text-muted">
        Every notification is shown under the bell. Tick the ones you also want sent to {email}.
      </p>
      <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-4">
        <fieldset className="flex flex-col gap-3" disabled={save.pending}>
          <legend className="sr-only">Send these notifications by email too</legend>
          {NOTIFICATION_KINDS.map((kind) => (
            <label key={kind} className="flex items-start gap-3 rounded-md border border-line p-3">
              <input
                type="checkbox"
                name="kinds"
                value={kind}
                checked={chosen.includes(kind)}
                onChange={(event) =>
                  setChosen((list) =>
                    event.target.checked
                      ? NOTIFICATION_KINDS.filter((k) => k === kind || list.includes(k))
                      : list.filter((k) => k !== kind),
                  )
                }
                aria-describedby={`${id}-${kind}`}
                className="mt-0.5 size-4 shrink-0 accent-[var(--color-accent)]"
              />
              <span className="min-w-0">
                <span className="block text-sm font-medium">{NOTIFICATION_KIND_LABELS[kind].label}</span>
                <span id={`${id}-${kind}`} className="block text-xs text-muted">
                  {NOTIFICATION_KIND_LABELS[kind].description}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        {save.fieldErrors.kinds?.length ? (
          <p role="alert" className="text-sm text-danger">
            {save.fieldErrors.kinds.join(" ")}
          </p>
        ) : null}
        <FormMessage state={outcome} />
        <div>
          <Button type="submit" disabled={save.pending || !changed}>
            {save.pending ? "Saving…" : "Save email choices"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
