"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { MailboxView } from "@/lib/domains/types";

/**
 * New generated passwords for a selection: the old ones stop working at once, so it asks first.
 * The passwords are made in the browser and shown once, with the results, after eNom has them.
 */
export function BulkResetDialog({
  mailboxes,
  onClose,
  onConfirm,
}: {
  mailboxes: readonly MailboxView[];
  onClose: () => void;
  onConfirm: (mailboxes: readonly MailboxView[]) => void;
}) {
  const count = mailboxes.length;
  return (
    <Dialog
      open={count > 0}
      onClose={onClose}
      title={`New passwords for ${count} mailbox${count === 1 ? "" : "es"}?`}
      description="Each gets a new generated password. The old passwords stop working at once, so mail programs using these mailboxes need the new ones."
    >
      <div className="flex flex-col gap-4">
        <p className="text-sm">
          The new passwords are shown once, in the results above the list, with a button to copy them all.
        </p>
        <div className="flex justify-end gap-2 border-t border-line pt-4">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => onConfirm(mailboxes)}>
            Set {count} new password{count === 1 ? "" : "s"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
