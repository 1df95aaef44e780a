"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/users/form-state";
import { setMailboxDisplayNameAction } from "@/lib/actions/mailboxes";
import type { DomainEmailView, MailboxView } from "@/lib/domains/types";
import { displayNameScope, setMailboxDisplayNameSchema } from "@/lib/mailboxes/display-name-model";
import { queryKeys } from "@/lib/query-keys";
import { MAX_SIZE } from "@/lib/validation/enom-rules";

/**
 * Edits the display name the panel shows for one mailbox. eNom takes a display name only when a
 * mailbox is created, so the dialog says plainly that this changes the panel's record, not the
 * email service's. `serviceName` is the capabilities' word: "eNom" for staff, "the email service"
 * for customers.
 */
export function DisplayNameDialog({
  domain,
  mailbox,
  serviceName,
  onClose,
}: {
  domain: string;
  mailbox: MailboxView | null;
  serviceName: string;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={mailbox !== null}
      onClose={onClose}
      title={mailbox ? `Display name of ${mailbox.address}` : "Display name"}
      description={displayNameScope(serviceName)}
    >
      {mailbox ? (
        <DisplayNameForm key={mailbox.userName} domain={domain} mailbox={mailbox} onClose={onClose} />
      ) : null}
    </Dialog>
  );
}

function DisplayNameForm({
  domain,
  mailbox,
  onClose,
}: {
  domain: string;
  mailbox: MailboxView;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState(mailbox.displayName ?? "");
  const save = useFormAction(setMailboxDisplayNameSchema, setMailboxDisplayNameAction, {
    onSuccess: (saved) => {
      // The grid shows the new name at once; the read after it confirms it.
      queryClient.setQueryData<DomainEmailView>(queryKeys.domainEmail(domain), (view) =>
        view
          ? {
              ...view,
              mailboxes: view.mailboxes.map((row) =>
                row.userName.toLowerCase() === saved.userName.toLowerCase()
                  ? { ...row, displayName: saved.displayName }
                  : row,
              ),
            }
          : view,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.domainEmail(domain) });
      onClose();
    },
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await save.run({ domain, userName: mailbox.userName, displayName: value });
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4">
      <TextField
        label="Display name"
        name="displayName"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        maxLength={MAX_SIZE.displayName}
        autoComplete="off"
        data-autofocus
        hint={
          mailbox.displayName === null
            ? "The panel does not know this mailbox's name yet. Leave it empty to show none."
            : "Leave it empty to show none."
        }
        errors={save.fieldErrors.displayName}
      />
      <FormMessage state={save.result && !save.result.ok ? save.result : undefined} />
      <div className="flex flex-col-reverse gap-2 border-t border-line pt-4 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={save.pending}>
          {save.pending ? "Saving…" : "Save display name"}
        </Button>
      </div>
    </form>
  );
}
