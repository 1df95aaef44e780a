"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/actions/result";
import { setMailboxForwardingSchema } from "@/lib/validation/mailboxes";
import { forwardOf, type GridRow } from "./mailbox-table";
import type { ActivityRow } from "./use-mailbox-writes";

/**
 * "Keep a copy" is sent as SetPOPForwarding's StatusFlags (0: deliver to both, 1: only to the
 * forwarding address, as eNom's page lists them). What eNom really does with it is an open
 * question, and GetPOPForwarding does not report it, so the dialog says so.
 */
export const KEEP_COPY_HINT =
  "Sent to the email service as its \u201cdeliver to both\u201d setting (unticked: \u201conly to the forwarding address\u201d). The service does not confirm what it does with this setting or report it back, so send a test message to check.";

/**
 * Where a mailbox's mail is forwarded, as GetPOPForwarding lists it, and whether a copy stays in
 * the mailbox. The dialog stays open while the change is saved and read back, and keeps what
 * was typed if it fails.
 */
export function ForwardingDialog({
  domain,
  mailbox,
  initialDraft,
  onClose,
  onSubmit,
  onRemove,
}: {
  domain: string;
  mailbox: GridRow | null;
  /** What the user typed last time, when it failed; else the current setting. */
  initialDraft: { forwardTo: string; keepCopy: boolean } | null;
  onClose: () => void;
  onSubmit: (mailbox: GridRow, forwardTo: string, keepCopy: boolean) => Promise<ActivityRow[]>;
  onRemove: (mailbox: GridRow, current: string) => Promise<ActivityRow[]>;
}) {
  return (
    <Dialog
      open={mailbox !== null}
      onClose={onClose}
      title={mailbox ? `Forwarding of ${mailbox.address}` : "Forwarding"}
      description="Mail to this mailbox is sent on to the address below."
    >
      {mailbox ? (
        <ForwardingForm
          key={mailbox.userName}
          domain={domain}
          mailbox={mailbox}
          initialDraft={initialDraft ?? { forwardTo: forwardOf(mailbox) ?? "", keepCopy: true }}
          onClose={onClose}
          onSubmit={onSubmit}
          onRemove={onRemove}
        />
      ) : null}
    </Dialog>
  );
}

function CurrentForwarding({ mailbox }: { mailbox: GridRow }) {
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

function ForwardingForm({
  domain,
  mailbox,
  initialDraft,
  onClose,
  onSubmit,
  onRemove,
}: {
  domain: string;
  mailbox: GridRow;
  initialDraft: { forwardTo: string; keepCopy: boolean };
  onClose: () => void;
  onSubmit: (mailbox: GridRow, forwardTo: string, keepCopy: boolean) => Promise<ActivityRow[]>;
  onRemove: (mailbox: GridRow, current: string) => Promise<ActivityRow[]>;
}) {
  const [forwardTo, setForwardTo] = useState(initialDraft.forwardTo);
  const [keepCopy, setKeepCopy] = useState(initialDraft.keepCopy);
  const [attempted, setAttempted] = useState(false);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | undefined>(undefined);
  const current = forwardOf(mailbox);
  const parsed = setMailboxForwardingSchema.safeParse({
    domain,
    userName: mailbox.userName,
    forwardTo,
    keepCopy,
  });
  const errors = parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message);

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

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!parsed.success || sending) return;
    const { forwardTo: address, keepCopy: copy } = parsed.data;
    void settle(() => onSubmit(mailbox, address, copy), "The forwarding was not changed");
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
      <CheckboxField
        label="Keep a copy in the mailbox"
        checked={keepCopy}
        onChange={(event) => setKeepCopy(event.target.checked)}
        hint={KEEP_COPY_HINT}
      />
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
            Stop forwarding
          </Button>
        ) : null}
        <Button type="submit" disabled={sending}>
          {sending ? "Saving…" : "Save forwarding"}
        </Button>
      </div>
    </form>
  );
}
