"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldErrorsOf, useFormAction } from "@/components/users/form-state";
import { createAliasAction, deleteAliasAction, editAliasAction } from "@/lib/actions/aliases";
import type { ActionResult } from "@/lib/actions/result";
import type { AliasView, AliasWriteResult } from "@/lib/aliases/model";
import { createAliasSchema, deleteAliasSchema, editAliasSchema } from "@/lib/validation/aliases";

type Done = (result: Extract<ActionResult<AliasWriteResult>, { ok: true }>) => void;

/** A failure the fields do not already show, under the form; success is said by the panel. */
function failureOnly(result: ActionResult<AliasWriteResult> | null) {
  if (!result || result.ok) return undefined;
  const fields = fieldErrorsOf(result);
  return fields?.alias || fields?.forwardTo ? undefined : result;
}

/** "Add alias" and "Edit alias": a name (fixed when editing) and the address it forwards to. */
export function AliasFormDialog({
  domain,
  editing,
  open,
  onClose,
  onDone,
}: {
  domain: string;
  /** The alias being edited; null to add one. */
  editing: AliasView | null;
  open: boolean;
  onClose: () => void;
  onDone: Done;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={editing ? `Edit ${editing.address}` : "Add alias"}
      description="An alias forwards its mail to another address and uses no mailbox."
    >
      {/* Remounted per opening, so a closed dialog keeps nothing typed. */}
      {open ? (
        <AliasForm
          key={editing?.alias ?? "new"}
          domain={domain}
          editing={editing}
          onClose={onClose}
          onDone={onDone}
        />
      ) : null}
    </Dialog>
  );
}

function AliasForm({
  domain,
  editing,
  onClose,
  onDone,
}: {
  domain: string;
  editing: AliasView | null;
  onClose: () => void;
  onDone: Done;
}) {
  const [alias, setAlias] = useState(editing?.alias ?? "");
  const [forwardTo, setForwardTo] = useState(editing?.forwardTo ?? "");
  const save = useFormAction(
    editing ? editAliasSchema : createAliasSchema,
    editing ? editAliasAction : createAliasAction,
  );

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await save.run({ domain, alias: editing ? editing.alias : alias, forwardTo });
    if (answer?.ok) onDone(answer);
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-4">
      {editing ? (
        <p className="text-sm">
          Alias: <strong className="font-semibold">{editing.address}</strong>
        </p>
      ) : (
        <TextField
          label="Alias"
          name="alias"
          value={alias}
          onChange={(event) => setAlias(event.target.value)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          data-autofocus
          hint={`The part before @${domain}, e.g. info. It must not be the name of a mailbox.`}
          errors={save.fieldErrors.alias}
        />
      )}
      <TextField
        label="Forward to"
        name="forwardTo"
        type="email"
        value={forwardTo}
        onChange={(event) => setForwardTo(event.target.value)}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        {...(editing ? { "data-autofocus": true } : {})}
        hint="A full address, on this domain or elsewhere."
        errors={save.fieldErrors.forwardTo}
      />
      {editing && !editing.enabled ? (
        <p className="text-sm text-warning">
          This alias is disabled. Saving may turn it on again: the service keeps no way to save it disabled.
        </p>
      ) : null}
      <FormMessage state={failureOnly(save.result)} />
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={save.pending}>
          {save.pending ? "Saving…" : editing ? "Save alias" : "Add alias"}
        </Button>
      </div>
    </form>
  );
}

/** Deleting an alias, once confirmed. */
export function DeleteAliasDialog({
  domain,
  alias,
  onClose,
  onDone,
}: {
  domain: string;
  alias: AliasView | null;
  onClose: () => void;
  onDone: Done;
}) {
  const remove = useFormAction(deleteAliasSchema, deleteAliasAction);
  const confirm = async () => {
    if (!alias) return;
    const answer = await remove.run({ domain, alias: alias.alias });
    if (answer?.ok) onDone(answer);
  };
  return (
    <Dialog
      open={alias !== null}
      onClose={onClose}
      title={alias ? `Delete ${alias.address}?` : "Delete alias"}
    >
      {alias ? (
        <div className="flex flex-col gap-4">
          <p className="text-sm">
            Mail to {alias.address} will no longer be forwarded to {alias.forwardTo}, and will be refused
            unless a catch-all takes it. No mailbox is affected.
          </p>
          <FormMessage state={remove.result && !remove.result.ok ? remove.result : undefined} />
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={onClose} data-autofocus>
              Cancel
            </Button>
            <Button type="button" variant="danger" disabled={remove.pending} onClick={() => void confirm()}>
              {remove.pending ? "Deleting…" : "Delete alias"}
            </Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
