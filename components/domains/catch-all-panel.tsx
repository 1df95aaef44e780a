"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { useCallback, useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Skeleton } from "@/components/ui/skeleton";
import { useAction, wasUnreachable } from "@/components/use-action";
import { checkedFirst, fieldErrorsOf } from "@/components/users/form-state";
import { setCatchAllAction } from "@/lib/actions/paks";
import type { ActionResult } from "@/lib/actions/result";
import type { DomainEmailView } from "@/lib/domains/types";
import { queryKeys } from "@/lib/query-keys";
import { CATCH_ALL_HINT, CATCH_ALL_NO_OFF } from "@/lib/validation/catch-all-hint";
import { useCatchAll } from "./use-catch-all";
import { useDomainEmail } from "./use-domain-email";

/**
 * Where mail to unknown addresses of the domain goes: a full address, one of its mailboxes or an
 * outside one (SetCatchAll's ForwardTo). eNom documents no way to turn a catch-all off, so the
 * panel offers none and says so. What was typed stays in the field when saving fails.
 */
export function CatchAllPanel({
  domain,
  initialCatchAll,
  initialEmail,
  canManage,
}: {
  domain: string;
  initialCatchAll?: { catchAll: string | null };
  initialEmail?: DomainEmailView;
  canManage: boolean;
}) {
  const catchAll = useCatchAll(domain, initialCatchAll);
  const email = useDomainEmail(domain, initialEmail);
  const current = catchAll.data?.catchAll ?? null;
  const hasPaks = (email.data?.paks.length ?? 0) > 0;

  return (
    <Card aria-labelledby="catch-all-title">
      <h2 id="catch-all-title" className="text-base font-semibold">
        Catch-all
      </h2>
      <p className="mt-1 text-sm text-muted">Mail sent to an address of {domain} that has no mailbox.</p>
      <div className="mt-4">
        {catchAll.isPending ? (
          <div role="status" aria-label="Loading the catch-all">
            <Skeleton className="h-10 max-w-md" />
          </div>
        ) : catchAll.isError && !catchAll.data ? (
          <div className="flex flex-col items-start gap-3">
            <Alert tone="danger" title="The catch-all could not be loaded">
              {catchAll.error.message}
            </Alert>
            <Button variant="secondary" size="sm" onClick={() => catchAll.refetch()}>
              <RotateCw aria-hidden="true" className="size-4" />
              Try again
            </Button>
          </div>
        ) : (
          <>
            <p className="text-sm" aria-live="polite">
              {current ? (
                <>
                  Now: mail to unknown addresses goes to <strong className="font-semibold">{current}</strong>.
                </>
              ) : (
                <>Now: no catch-all is set.</>
              )}
            </p>
            {catchAll.isError ? (
              <p className="mt-1 text-xs text-warning">
                The last refresh failed, so this may be out of date: {catchAll.error.message}
              </p>
            ) : null}
            {canManage && hasPaks ? (
              <CatchAllForm
                domain={domain}
                current={current}
                addresses={email.data?.mailboxes.map((mailbox) => mailbox.address) ?? []}
              />
            ) : canManage && email.data ? (
              <p className="mt-3 text-sm text-muted">A catch-all needs email on the domain first.</p>
            ) : null}
          </>
        )}
      </div>
    </Card>
  );
}

/** No answer came back: the catch-all may have changed; the panel reads it again. */
const UNANSWERED: ActionResult<never> = {
  ok: false,
  message:
    "The panel did not answer, so the catch-all may not have changed. It now shows the current setting.",
};

function CatchAllForm({
  domain,
  current,
  addresses,
}: {
  domain: string;
  current: string | null;
  /** The domain's mailboxes, offered as suggestions. */
  addresses: string[];
}) {
  const queryClient = useQueryClient();
  const listId = useId();
  // Controlled, so what was typed stays after a failure and the new value shows after a success.
  const [value, setValue] = useState(current ?? "");
  const [result, setResult] = useState<ActionResult<{ catchAll: string | null }> | null>(null);
  const saveCatchAll = useCallback(
    async (input: { domain: string; catchAll: string }) => {
      // The schema (and zod) loads on the first save, not with the page.
      const { setCatchAllSchema } = await import("@/lib/validation/paks");
      return checkedFirst(setCatchAllSchema, async (checked: typeof input) => {
        try {
          const saved = await setCatchAllAction(checked);
          if (saved.ok)
            queryClient.setQueryData(queryKeys.domainCatchAll(domain), { catchAll: saved.data.catchAll });
          return saved;
        } finally {
          // Either way, even with no answer, read the true setting again.
          await queryClient.invalidateQueries({ queryKey: queryKeys.domainCatchAll(domain) });
        }
      })(input);
    },
    [queryClient, domain],
  );
  const save = useAction(saveCatchAll, {
    onSuccess: (data) => setValue(data.catchAll ?? value),
  });
  const shown = result && wasUnreachable(result) ? UNANSWERED : result;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The action takes the address as `catchAll` (lib/validation/paks.ts).
    const answer = await save.run({ domain, catchAll: value });
    if (answer) setResult(answer);
  };

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Catch-all"
      className="mt-4 flex max-w-xl flex-col gap-3"
    >
      <TextField
        label="Send mail for unknown addresses to"
        name="catchAll"
        type="email"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        list={listId}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        hint={CATCH_ALL_HINT}
        errors={save.fieldErrors.catchAll}
      />
      <datalist id={listId}>
        {addresses.map((address) => (
          <option key={address} value={address} />
        ))}
      </datalist>
      <FormMessage state={shown && !fieldErrorsOf(shown) ? shown : undefined} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={save.pending}>
          {save.pending ? "Saving…" : "Save catch-all"}
        </Button>
      </div>
      <p className="text-xs text-muted">{CATCH_ALL_NO_OFF}</p>
    </form>
  );
}
