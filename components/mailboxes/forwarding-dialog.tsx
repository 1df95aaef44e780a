"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/actions/result";
import type { MailboxView } from "@/lib/domains/types";
import { setMailboxForwardingSchema } from "@/lib/validation/mailboxes";
import type { ActivityRow } from "./use-mailbox-writes";

/**
 * Where a mailbox's mail is also sent (GetPOP3 lists the current address, so no extra read). The
 * dialog stays open while eNom saves and keeps the address typed if it refuses.
 */
export function ForwardingDialog({
  domain,
  mailbox,
  initialForwardTo,
  onClose,
  onSubmit,
}: {
  domain: string;
  mailbox: MailboxView | null;
  /** What the user typed last time, when it failed; else the current setting. */
  initialForwardTo: string | null;
  onClose: () => void;
  onSubmit: (mailbox: MailboxView, forwardTo: string) => Promise<ActivityRow[]>;
}) {
  return (
    <Dialog
      open={mailbox !== null}
      onClose={onClose}
      title={mailbox ? `Forwarding of ${mailbox.address}` : "Forwarding"}
      description="Mail to this mailbox is kept in it and also sent to the address below."
    >
      {mailbox ? (
        <ForwardingForm
          key={mailbox.userName}
          domain={domain}
          mailbox={mailbox}
          initialForwardTo={initialForwardTo ?? mailbox.forwardTo ?? ""}
          onClose={onClose}
          onSubmit={onSubmit}
        />
      ) : null}
    </Dialog>
  );
}

function ForwardingForm({
  domain,
  mailbox,
  initialForwardTo,
  onClose,
  onSubmit,
}: {
  domain: string;
  mailbox: MailboxView;
  initialForwardTo: string;
  onClose: () => void;
  onSubmit: (mailbox: MailboxView, forwardTo: string) => Promise<ActivityRow[]>;
}) {
  const [forwardTo, setForwardTo] = useState(initialForwardTo);
  const [attempted, setAttempted] = useState(false);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | undefined>(undefined);
  const parsed = setMailboxForwardingSchema.safeParse({ domain, userName: mailbox.userName, forwardTo });
  const errors = parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message);

  async function save(value: string) {
    setSending(true);
    setResult(undefined);
    const [row] = await onSubmit(mailbox, value);
    setSending(false);
    if (row?.state === "ok") return onClose();
    setResult({
      ok: false,
      message:
        row?.state === "unknown"
          ? (row.message ?? "The change was not confirmed.")
          : `The forwarding was not changed: ${row?.message ?? "no reason was given."}`,
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!parsed.success || sending) return;
    void save(parsed.data.forwardTo);
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField
        label="Forward mail to"
        type="email"
        value={forwardTo}
        onChange={(event) => setForwardTo(event.target.value)}
        hint="An address such as someone@example.com. Leave it empty to stop forwarding."
        errors={attempted ? errors : undefined}
        autoComplete="off"
      />
      <FormMessage state={result} />
      <div className="flex flex-wrap justify-end gap-2 border-t border-line pt-4">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        {mailbox.forwardTo ? (
          <Button variant="secondary" disabled={sending} onClick={() => void save("")}>
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
