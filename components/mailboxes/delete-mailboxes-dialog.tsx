"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CheckboxField } from "@/components/ui/field";
import { rowDeleteBlocker, type GridRow } from "./mailbox-table";

const LISTED = 10;

/**
 * Deleting is for good: eNom deletes the mailbox with its mail, calendar and contacts, and there
 * is no undo. The dialog says so in those words; for several mailboxes it also asks for a tick.
 * Mailboxes eNom's API cannot delete (a name over 16 characters, an expired pak) are listed with
 * the reason and left out; if none can be deleted, the dialog only explains.
 */
export function DeleteMailboxesDialog({
  mailboxes,
  onClose,
  onConfirm,
}: {
  mailboxes: readonly GridRow[];
  onClose: () => void;
  onConfirm: (mailboxes: readonly GridRow[]) => void;
}) {
  const count = mailboxes.length;
  const deletable = mailboxes.filter((mailbox) => rowDeleteBlocker(mailbox) === null);
  const title =
    deletable.length === 0
      ? count === 1
        ? `${mailboxes[0]?.address} cannot be deleted here`
        : "These mailboxes cannot be deleted here"
      : deletable.length === 1
        ? `Delete ${deletable[0]?.address}?`
        : `Delete ${deletable.length} mailboxes?`;
  return (
    <Dialog open={count > 0} onClose={onClose} title={title}>
      {count > 0 ? (
        <DeleteForm
          key={mailboxes.map((mailbox) => mailbox.userName).join()}
          mailboxes={mailboxes}
          deletable={deletable}
          onClose={onClose}
          onConfirm={onConfirm}
        />
      ) : null}
    </Dialog>
  );
}

function Blocked({ mailboxes }: { mailboxes: readonly GridRow[] }) {
  if (mailboxes.length === 0) return null;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p className="font-medium">
        {mailboxes.length === 1
          ? "This mailbox cannot be deleted through the email service's API:"
          : `These ${mailboxes.length} mailboxes cannot be deleted through the email service's API:`}
      </p>
      <ul className="list-inside list-disc">
        {mailboxes.slice(0, LISTED).map((mailbox) => (
          <li key={mailbox.userName}>
            {mailbox.address}: {rowDeleteBlocker(mailbox)}
          </li>
        ))}
        {mailboxes.length > LISTED ? <li>and {mailboxes.length - LISTED} more</li> : null}
      </ul>
    </div>
  );
}

function DeleteForm({
  mailboxes,
  deletable,
  onClose,
  onConfirm,
}: {
  mailboxes: readonly GridRow[];
  deletable: readonly GridRow[];
  onClose: () => void;
  onConfirm: (mailboxes: readonly GridRow[]) => void;
}) {
  const count = deletable.length;
  const blocked = mailboxes.filter((mailbox) => rowDeleteBlocker(mailbox) !== null);
  const [understood, setUnderstood] = useState(count === 1);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!understood || count === 0) return;
    onConfirm(deletable);
  }

  if (count === 0)
    return (
      <div className="flex flex-col gap-4">
        <Blocked mailboxes={blocked} />
        <div className="flex justify-end border-t border-line pt-4">
          <Button onClick={onClose}>Close</Button>
        </div>
      </div>
    );

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <Alert tone="warning" title="This cannot be undone">
        {count === 1
          ? "The mailbox is deleted with all its mail, calendar and contacts. They are lost for good: neither you nor the email service can bring them back."
          : `The ${count} mailboxes are deleted with all their mail, calendars and contacts. They are lost for good: neither you nor the email service can bring them back.`}
      </Alert>
      {count > 1 || blocked.length > 0 ? (
        <ul className="list-inside list-disc text-sm" aria-label="Mailboxes to delete">
          {deletable.slice(0, LISTED).map((mailbox) => (
            <li key={mailbox.userName}>{mailbox.address}</li>
          ))}
          {count > LISTED ? <li>and {count - LISTED} more</li> : null}
        </ul>
      ) : null}
      <Blocked mailboxes={blocked} />
      {count > 1 ? (
        <CheckboxField
          label={`I understand that the mail, calendars and contacts of these ${count} mailboxes are lost for good`}
          checked={understood}
          onChange={(event) => setUnderstood(event.target.checked)}
        />
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
