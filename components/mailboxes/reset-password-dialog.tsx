"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/actions/result";
import type { MailboxView } from "@/lib/domains/types";
import { passwordResetOnDomainSchema } from "@/lib/validation/mailboxes";
import { PasswordInput } from "./password-input";
import { PasswordShownOnce } from "./shown-once";
import type { ActivityRow } from "./use-mailbox-writes";

/**
 * A new password for one mailbox: generated to start with, or typed, with eNom's current rule
 * checked as the user types. It works on an expired pak too. Once eNom has it, it is shown here
 * this once with a copy button. Closing the dialog while it is being set is fine: the result (and
 * the password) then appears above the list.
 */
export function ResetPasswordDialog({
  domain,
  mailbox,
  initialPassword,
  onClose,
  onSubmit,
}: {
  domain: string;
  mailbox: MailboxView | null;
  initialPassword: string;
  onClose: () => void;
  onSubmit: (mailbox: MailboxView, password: string) => Promise<ActivityRow[]>;
}) {
  return (
    <Dialog
      open={mailbox !== null}
      onClose={onClose}
      title={mailbox ? `New password for ${mailbox.address}` : "New password"}
      description="The old password stops working at once: mail programs using this mailbox need the new one."
    >
      {mailbox ? (
        <ResetPasswordForm
          key={mailbox.userName}
          domain={domain}
          mailbox={mailbox}
          initialPassword={initialPassword}
          onClose={onClose}
          onSubmit={onSubmit}
        />
      ) : null}
    </Dialog>
  );
}

type Outcome = { state: "idle" } | { state: "sending" } | { state: "done"; row: ActivityRow };

function ResetPasswordForm({
  domain,
  mailbox,
  initialPassword,
  onClose,
  onSubmit,
}: {
  domain: string;
  mailbox: MailboxView;
  initialPassword: string;
  onClose: () => void;
  onSubmit: (mailbox: MailboxView, password: string) => Promise<ActivityRow[]>;
}) {
  const [password, setPassword] = useState(initialPassword);
  const [attempted, setAttempted] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });
  const parsed = passwordResetOnDomainSchema(domain).safeParse({ userName: mailbox.userName, password });
  const errors = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!parsed.success || outcome.state === "sending") return;
    setOutcome({ state: "sending" });
    const [row] = await onSubmit(mailbox, parsed.data.password);
    setOutcome(row ? { state: "done", row } : { state: "idle" });
  }

  if (outcome.state === "done" && outcome.row.state === "ok")
    return (
      <div className="flex flex-col gap-4">
        <PasswordShownOnce address={mailbox.address} password={password} />
        <div className="flex justify-end">
          <Button onClick={onClose}>Done</Button>
        </div>
      </div>
    );

  const result: ActionResult<unknown> | undefined =
    outcome.state === "done"
      ? {
          ok: false,
          message:
            outcome.row.state === "unknown"
              ? (outcome.row.message ?? "The change was not confirmed.")
              : `The password was not changed: ${outcome.row.message ?? "no reason was given."} The old one still works.`,
        }
      : undefined;

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <PasswordInput
        label="New password"
        value={password}
        onChange={setPassword}
        userName={mailbox.userName}
        domain={domain}
        errors={attempted ? errors : undefined}
      />
      <FormMessage state={result} />
      <div className="flex justify-end gap-2 border-t border-line pt-4">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={outcome.state === "sending"}>
          {outcome.state === "sending" ? "Setting the password…" : "Set new password"}
        </Button>
      </div>
    </form>
  );
}
