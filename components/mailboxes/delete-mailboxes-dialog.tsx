"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CheckboxField } from "@/components/ui/field";
import type { MailboxView } from "@/lib/domains/types";

const LISTED = 10;

/**
 * Deleting is for good: eNom deletes the mailbox with its mail, calendar and contacts, and there
 * is no undo. The dialog says so in those words; for several mailboxes it also asks for a tick.
 */
export function DeleteMailboxesDialog({
  mailboxes,
  onClose,
  onConfirm,
}: {
  mailboxes: readonly MailboxView[];
  onClose: () => void;
  onConfirm: (mailboxes: readonly MailboxView[]) => void;
}) {
  const count = mailboxes.length;
  const title = count === 1 ? `Delete ${mailboxes[0]?.address}?` : `Delete ${count} mailboxes?`;
  return (
    <Dialog open={count > 0} onClose={onClose} title={title}>
      {count > 0 ? (
        <DeleteForm
          key={mailboxes.map((mailbox) => mailbox.userName).join()}
          mailboxes={mailboxes}
          onClose={onClose}
          onConfirm={onConfirm}
        />
      ) : null}
    </Dialog>
  );
}

function DeleteForm({
  mailboxes,
  onClose,
  onConfirm,
}: {
  mailboxes: readonly MailboxView[];
  onClose: () => void;
  onConfirm: (mailboxes: readonly MailboxView[]) => void;
}) {
  const count = mailboxes.length;
  const [understood, setUnderstood] = useState(count === 1);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!understood) return;
    onConfirm(mailboxes);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <Alert tone="warning" title="This cannot be undone">
        {count === 1
          ? "The mailbox is deleted with all its mail, calendar and contacts. They are lost for good: neither you nor the email service can bring them back."
          : `The ${count} mailboxes are deleted with all their mail, calendars and contacts. They are lost for good: neither you nor the email service can bring them back.`}
      </Alert>
      {count > 1 ? (
        <>
          <ul className="list-inside list-disc text-sm">
            {mailboxes.slice(0, LISTED).map((mailbox) => (
              <li key={mailbox.userName}>{mailbox.address}</li>
            ))}
            {count > LISTED ? <li>and {count - LISTED} more</li> : null}
          </ul>
          <CheckboxField
            label={`I understand that the mail, calendars and contacts of these ${count} mailboxes are lost for good`}
            checked={understood}
            onChange={(event) => setUnderstood(event.target.checked)}
          />
        </>
      ) : null}
      <div className="flex justify-end gap-2 border-t border-line pt-4">
        <Button variant="secondary" onClick={onClose}>
          Keep {count === 1 ? "it" : "them"}
        </Button>
        <Button type="submit" variant="danger" disabled={!understood}>
          {count === 1 ? "Delete mailbox for good" : `Delete ${count} mailboxes for good`}
        </Button>
      </div>
    </form>
  );
}
