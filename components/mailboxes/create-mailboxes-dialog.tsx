"use client";

import { Plus, Trash2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { PakView } from "@/lib/domains/types";
import { createMailboxesSchema, MAILBOX_BATCH_MAX, type NewMailbox } from "@/lib/validation/mailboxes";
import { defaultPak, newDraftRow, type CreateDraft, type DraftRow } from "./create-draft";
import { noFreeMailboxReason, type NoticeAllowances } from "./no-free-mailbox";
import { NoFreeMailboxNotice } from "./no-free-mailbox-notice";
import { pakChoiceLabel, paksWithRoom } from "./paks";
import { PasswordInput } from "./password-input";

/**
 * New mailboxes, one row each, in one pak: never more rows than the pak has free. Each row gets a
 * generated password to start with (the user may type their own), checked as typed with eNom's
 * current rule. Checked with the action's own schema before anything is sent; the draft lives in
 * the grid, so closing the dialog or a failure keeps what was typed. Forwarding is set per
 * mailbox afterwards: SetUpPOP3User takes none.
 */

export function CreateMailboxesDialog({
  open,
  onClose,
  domain,
  paks,
  allowed,
  existingNames,
  draft,
  onDraftChange,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  domain: string;
  paks: readonly PakView[];
  /** What the viewer may do when no pak has room (renew, buy): the way out the notice offers. */
  allowed: NoticeAllowances;
  existingNames: ReadonlySet<string>;
  draft: CreateDraft;
  onDraftChange: (draft: CreateDraft) => void;
  onSubmit: (bundleId: number, mailboxes: NewMailbox[]) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Add mailboxes"
      description={`New addresses @${domain}. Creating takes the email service a few seconds; the list shows the progress.`}
      className="w-[min(72rem,calc(100vw-2rem))]"
    >
      <CreateMailboxesForm
        domain={domain}
        paks={paks}
        allowed={allowed}
        existingNames={existingNames}
        draft={draft}
        onDraftChange={onDraftChange}
        onSubmit={onSubmit}
        onCancel={onClose}
      />
    </Dialog>
  );
}

function CreateMailboxesForm({
  domain,
  paks,
  allowed,
  existingNames,
  draft,
  onDraftChange,
  onSubmit,
  onCancel,
}: {
  domain: string;
  paks: readonly PakView[];
  allowed: NoticeAllowances;
  existingNames: ReadonlySet<string>;
  draft: CreateDraft;
  onDraftChange: (draft: CreateDraft) => void;
  onSubmit: (bundleId: number, mailboxes: NewMailbox[]) => void;
  onCancel: () => void;
}) {
  const [attempted, setAttempted] = useState(draft.rows.some((row) => row.error));
  const open = paksWithRoom(paks);
  // Opened again to fix a failed create after the paks changed: say why nothing fits now.
  const noRoom = noFreeMailboxReason(paks);
  const bundleId = defaultPak(paks, draft.bundleId);
  const pak = paks.find((candidate) => candidate.bundleId === bundleId);
  const free = pak?.available ?? 0;
  const rows = draft.rows;

  const parsed = createMailboxesSchema.safeParse({ domain, bundleId: bundleId ?? "", mailboxes: rows });
  const errors = new Map<string, string[]>();
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join(".");
      errors.set(key, [...(errors.get(key) ?? []), issue.message]);
    }
  rows.forEach((row, index) => {
    if (row.userName.trim() && existingNames.has(row.userName.trim().toLowerCase()))
      errors.set(`mailboxes.${index}.userName`, [
        ...(errors.get(`mailboxes.${index}.userName`) ?? []),
        `${row.userName.trim()}@${domain} already exists.`,
      ]);
  });
  const tooMany = rows.length > free;
  const canSend = errors.size === 0 && !tooMany && rows.length > 0 && bundleId !== null;
  const shown = (key: string) => (attempted ? errors.get(key) : undefined);

  function update(key: number, values: Partial<DraftRow>) {
    // Editing a row clears the failure it came back with; the live checks take over.
    onDraftChange({
      bundleId,
      rows: rows.map((row) => (row.key === key ? { ...row, ...values, error: undefined } : row)),
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!canSend || !parsed.success || bundleId === null) return;
    onSubmit(bundleId, parsed.data.mailboxes);
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {noRoom ? (
        <div role="status" className="rounded-md border border-warning/40 bg-warning-soft p-3">
          <NoFreeMailboxNotice reason={noRoom} domain={domain} allowed={allowed} />
        </div>
      ) : (
        <SelectField
          label="Pak"
          value={bundleId ?? ""}
          onChange={(event) => onDraftChange({ bundleId: Number(event.target.value), rows })}
          hint={`Only paks with a free mailbox are listed.`}
          className="max-w-md"
        >
          {open.map((candidate) => (
            <option key={candidate.bundleId} value={candidate.bundleId}>
              {pakChoiceLabel(candidate)}
            </option>
          ))}
        </SelectField>
      )}

      <ol className="flex flex-col gap-3">
        {rows.map((row, index) => (
          <li key={row.key}>
            <fieldset className="rounded-md border border-line p-3">
              <legend className="px-1 text-sm font-semibold">Mailbox {index + 1}</legend>
              {row.error ? (
                <p role="alert" className="mb-2 text-sm font-medium text-danger">
                  Last try: {row.error}
                </p>
              ) : null}
              <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-[1fr_1fr_1.4fr_auto]">
                <TextField
                  label="User name"
                  value={row.userName}
                  onChange={(event) => update(row.key, { userName: event.target.value })}
                  hint={`@${domain}`}
                  errors={shown(`mailboxes.${index}.userName`)}
                  autoComplete="off"
                  autoCapitalize="off"
                  spellCheck={false}
                  maxLength={40}
                />
                <TextField
                  label="Display name"
                  value={row.displayName}
                  onChange={(event) => update(row.key, { displayName: event.target.value })}
                  hint="The sender's name in webmail; the panel cannot change it later."
                  errors={shown(`mailboxes.${index}.displayName`)}
                  autoComplete="off"
                />
                <PasswordInput
                  label="Password"
                  value={row.password}
                  onChange={(password) => update(row.key, { password })}
                  userName={row.userName}
                  domain={domain}
                  errors={shown(`mailboxes.${index}.password`)}
                  generateLabel={`Generate a password for mailbox ${index + 1}`}
                  compact
                />
                <div className="flex flex-col justify-between gap-2 md:flex-row md:items-start xl:flex-col">
                  <CheckboxField
                    label="Administrator"
                    checked={row.isAdmin}
                    onChange={(event) => update(row.key, { isAdmin: event.target.checked })}
                    className="pt-6"
                  />
                  {rows.length > 1 ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() =>
                        onDraftChange({ bundleId, rows: rows.filter((other) => other.key !== row.key) })
                      }
                    >
                      <Trash2 aria-hidden="true" className="size-4" />
                      Remove<span className="sr-only"> mailbox {index + 1}</span>
                    </Button>
                  ) : null}
                </div>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>

      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          onClick={() => onDraftChange({ bundleId, rows: [...rows, newDraftRow(domain)] })}
          disabled={rows.length >= free}
        >
          <Plus aria-hidden="true" className="size-4" />
          Add another mailbox
        </Button>
        <p className="text-sm text-muted" aria-live="polite">
          {pak
            ? `${rows.length} of ${free} free mailbox${free === 1 ? "" : "es"} in pak ${pak.bundleId}.`
            : "No pak can take these mailboxes now (see above)."}
          {rows.length > MAILBOX_BATCH_MAX
            ? ` They are sent in ${Math.ceil(rows.length / MAILBOX_BATCH_MAX)} parts of at most ${MAILBOX_BATCH_MAX}, the most the email service takes at once, as a job on the server: it goes on if you leave the page (see Activity).`
            : ""}
        </p>
      </div>

      {tooMany ? (
        <p role="alert" className="text-sm font-medium text-danger">
          This pak has {free} free mailbox{free === 1 ? "" : "es"}: remove {rows.length - free} row
          {rows.length - free === 1 ? "" : "s"} or choose another pak.
        </p>
      ) : null}
      <FormMessage
        state={
          attempted && !canSend && !tooMany
            ? { ok: false, message: "Please correct the highlighted fields." }
            : undefined
        }
      />

      <div className="flex justify-end gap-2 border-t border-line pt-4">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={attempted && !canSend}>
          {rows.length === 1 ? "Create mailbox" : `Create ${rows.length} mailboxes`}
        </Button>
      </div>
    </form>
  );
}
