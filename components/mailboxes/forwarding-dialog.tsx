"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/actions/result";
import { setMailboxForwardingSchema } from "@/lib/validation/mailboxes";
import { forwardOf, type ForwardingState } from "./mailbox-table";
import type { ActivityRow } from "./use-mailbox-writes";

/**
 * Whose forwarding the dialog changes: a mailbox of the grid, or a forwarding address that
 * GetPOPForwarding lists without a mailbox (eNom's forwarding service: no copy can be kept).
 */
export interface ForwardingTarget {
  userName: string;
  address: string;
  forwarding: ForwardingState;
  /** A forwarding address without a mailbox of its own. */
  forwardOnly?: boolean;
}

/** "change": set where mail goes (or stop); "remove": confirm removing a forwarding address. */
export type ForwardingIntent = "change" | "remove";

/**
 * "Keep a copy" is sent as SetPOPForwarding's StatusFlags (0: deliver to both, 1: only to the
 * forwarding address, as eNom's page lists them). What eNom really does with it is an open
 * question, and GetPOPForwarding does not report it, so the dialog says so.
 */
export const KEEP_COPY_HINT =
  "Sent to the email service as its \u201cdeliver to both\u201d setting (unticked: \u201conly to the forwarding address\u201d). The service does not confirm what it does with this setting or report it back, so send a test message to check.";

/**
 * Where a mailbox's (or a forwarding address's) mail is forwarded, as GetPOPForwarding lists it,
 * and whether a copy stays in the mailbox. The dialog stays open while the change is saved and
 * read back, and keeps what was typed if it fails.
 */
export function ForwardingDialog({
  domain,
  mailbox,
  intent = "change",
  initialDraft,
  onClose,
  onSubmit,
  onRemove,
}: {
  domain: string;
  mailbox: ForwardingTarget | null;
  intent?: ForwardingIntent;
  /** What the user typed last time, when it failed; else the current setting. */
  initialDraft: { forwardTo: string; keepCopy: boolean } | null;
  onClose: () => void;
  onSubmit: (mailbox: ForwardingTarget, forwardTo: string, keepCopy: boolean) => Promise<ActivityRow[]>;
  onRemove: (mailbox: ForwardingTarget, current: string) => Promise<ActivityRow[]>;
}) {
  const removing = intent === "remove" && mailbox?.forwardOnly === true;
  return (
    <Dialog
      open={mailbox !== null}
      onClose={onClose}
      title={
        !mailbox ? "Forwarding" : removing ? `Remove ${mailbox.address}?` : `Forwarding of ${mailbox.address}`
      }
      description={
        removing
          ? undefined
          : mailbox?.forwardOnly
            ? "This address has no mailbox: its mail is only sent on to the address below."
            : "Mail to this mailbox is sent on to the address below."
      }
    >
      {mailbox && removing ? (
        <RemoveForwardForm key={mailbox.userName} mailbox={mailbox} onClose={onClose} onRemove={onRemove} />
      ) : mailbox ? (
        <ForwardingForm
          key={mailbox.userName}
          domain={domain}
          mailbox={mailbox}
          initialDraft={
            initialDraft ?? { forwardTo: forwardOf(mailbox) ?? "", keepCopy: !mailbox.forwardOnly }
          }
          onClose={onClose}
          onSubmit={onSubmit}
          onRemove={onRemove}
        />
      ) : null}
    </Dialog>
  );
}

function CurrentForwarding({ mailbox }: { mailbox: ForwardingTarget }) {
  const { forwarding } = mailbox;
  if (forwarding.state === "loading") return <p className="text-sm text-muted">Reading the forwarding…</p>;
  if (forwarding.state === "failed")
    return (
      <p className="text-sm text-warning">
        The current forwarding could not be read. Saving sets it anyway; stopping needs it read first.
      </p>
    );
  return (
    <p className="text-sm">
      {forwarding.forwardTo ? (
        <>
          Now: forwarded to <strong className="font-semibold">{forwarding.forwardTo}</strong>
          {forwarding.active ? "." : " (the email service lists it as not active)."}
        </>
      ) : (
        "Now: not forwarded."
      )}
    </p>
  );
}

/** Sends one change and keeps the dialog open with the reason when it did not go through. */
function useSettle(onClose: () => void) {
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | undefined>(undefined);

  async function settle(send: () => Promise<ActivityRow[]>, what: string) {
    setSending(true);
    setResult(undefined);
    const [row] = await send();
    setSending(false);
    if (row?.state === "ok") return onClose();
    setResult({
      ok: false,
      message:
        row?.state === "unknown"
          ? (row.message ?? "The change was not confirmed.")
          : `${what}: ${row?.message ?? "no reason was given."}`,
    });
  }

  return { sending, result, settle };
}

function ForwardingForm({
  domain,
  mailbox,
  initialDraft,
  onClose,
  onSubmit,
  onRemove,
}: {
  domain: string;
  mailbox: ForwardingTarget;
  initialDraft: { forwardTo: string; keepCopy: boolean };
  onClose: () => void;
  onSubmit: (mailbox: ForwardingTarget, forwardTo: string, keepCopy: boolean) => Promise<ActivityRow[]>;
  onRemove: (mailbox: ForwardingTarget, current: string) => Promise<ActivityRow[]>;
}) {
  const [forwardTo, setForwardTo] = useState(initialDraft.forwardTo);
  const [keepCopy, setKeepCopy] = useState(initialDraft.keepCopy);
  const [attempted, setAttempted] = useState(false);
  const { sending, result, settle } = useSettle(onClose);
  const current = forwardOf(mailbox);
  // A forwarding address has no mailbox to keep a copy in (the action sends "only to the address").
  const copy = mailbox.forwardOnly ? false : keepCopy;
  const parsed = setMailboxForwardingSchema.safeParse({
    domain,
    userName: mailbox.userName,
    forwardTo,
    keepCopy: copy,
  });
  const errors = parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!parsed.success || sending) return;
    const { forwardTo: address, keepCopy: keep } = parsed.data;
    void settle(() => onSubmit(mailbox, address, keep), "The forwarding was not changed");
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <CurrentForwarding mailbox={mailbox} />
      <TextField
        label="Forward mail to"
        type="email"
        value={forwardTo}
        onChange={(event) => setForwardTo(event.target.value)}
        hint="A full address, such as someone@example.com."
        errors={attempted ? errors : undefined}
        autoComplete="off"
      />
      {mailbox.forwardOnly ? null : (
        <CheckboxField
          label="Keep a copy in the mailbox"
          checked={keepCopy}
          onChange={(event) => setKeepCopy(event.target.checked)}
          hint={KEEP_COPY_HINT}
        />
      )}
      <FormMessage state={result} />
      <div className="flex flex-wrap justify-end gap-2 border-t border-line pt-4">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        {current ? (
          <Button
            variant="secondary"
            disabled={sending}
            onClick={() => void settle(() => onRemove(mailbox, current), "The forwarding was not stopped")}
          >
            {mailbox.forwardOnly ? "Remove forwarding address" : "Stop forwarding"}
          </Button>
        ) : null}
        <Button type="submit" disabled={sending}>
          {sending ? "Saving…" : "Save forwarding"}
        </Button>
      </div>
    </form>
  );
}

/** Removing a forwarding address: it has no mailbox, so its mail is no longer delivered here. */
function RemoveForwardForm({
  mailbox,
  onClose,
  onRemove,
}: {
  mailbox: ForwardingTarget;
  onClose: () => void;
  onRemove: (mailbox: ForwardingTarget, current: string) => Promise<ActivityRow[]>;
}) {
  const { sending, result, settle } = useSettle(onClose);
  const current = forwardOf(mailbox);
  return (
    <div className="flex flex-col gap-4">
      {current ? (
        <p className="text-sm">
          Mail to {mailbox.address} is now forwarded to <strong className="font-semibold">{current}</strong>.
          Once removed, its mail is no longer forwarded, and it has no mailbox to receive it.
        </p>
      ) : (
        <CurrentForwarding mailbox={mailbox} />
      )}
      <FormMessage state={result} />
      <div className="flex flex-wrap justify-end gap-2 border-t border-line pt-4">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={sending || !current}
          onClick={() => {
            if (current)
              void settle(() => onRemove(mailbox, current), "The forwarding address was not removed");
          }}
        >
          {sending ? "Removing…" : "Remove forwarding address"}
        </Button>
      </div>
    </div>
  );
}
