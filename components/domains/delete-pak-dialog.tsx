"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { checkInBrowser, fieldErrorsOf, textOf, type FormState } from "@/components/users/form-state";
import { deletePakAction } from "@/lib/actions/paks";
import { formDataToObject } from "@/lib/actions/result";
import type { MailboxView, PakView } from "@/lib/domains/types";
import { queryKeys } from "@/lib/query-keys";
import { deletePakSchema } from "@/lib/validation/paks";
import { plural } from "./format";

const NAMES_SHOWN = 8;

/**
 * Deleting a pak asks for the domain's name, typed out, after saying exactly what goes with it:
 * its mailboxes, and their mail, calendars and contacts, for good.
 */
export function DeletePakDialog({
  domain,
  pak,
  mailboxes,
  onClose,
  onDeleted,
}: {
  domain: string;
  /** The pak to delete; null keeps the dialog closed. */
  pak: PakView | null;
  /** The pak's mailboxes. */
  mailboxes: MailboxView[];
  onClose: () => void;
  onDeleted: (message: string) => void;
}) {
  return (
    <Dialog
      open={pak !== null}
      onClose={onClose}
      title={pak ? `Delete pak ${pak.bundleId}?` : "Delete pak"}
      description={pak ? <WhatIsLost domain={domain} pak={pak} mailboxes={mailboxes} /> : null}
    >
      {pak ? <DeletePakForm domain={domain} pak={pak} onCancel={onClose} onDeleted={onDeleted} /> : null}
    </Dialog>
  );
}

function WhatIsLost({ domain, pak, mailboxes }: { domain: string; pak: PakView; mailboxes: MailboxView[] }) {
  const shown = mailboxes.slice(0, NAMES_SHOWN).map((mailbox) => mailbox.address);
  const more = mailboxes.length - shown.length;
  return (
    <>
      {mailboxes.length === 0 ? (
        <p>
          Pak {pak.bundleId} of {domain} has no mailboxes in use. Its{" "}
          {plural(pak.purchased, "mailbox", "mailboxes")} are given up.
        </p>
      ) : (
        <p>
          Its {plural(mailboxes.length, "mailbox", "mailboxes")} {mailboxes.length === 1 ? "is" : "are"}{" "}
          deleted with it: {shown.join(", ")}
          {more > 0 ? ` and ${more} more` : ""}.{" "}
          <strong className="font-semibold text-fg">
            Their mail, calendars and contacts are lost for good and cannot be recovered.
          </strong>
        </p>
      )}
      <p className="mt-2">There is no refund for the time left on the pak. This cannot be undone.</p>
    </>
  );
}

function DeletePakForm({
  domain,
  pak,
  onCancel,
  onDeleted,
}: {
  domain: string;
  pak: PakView;
  onCancel: () => void;
  onDeleted: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [state, formAction, pending] = useActionState<FormState<unknown>, FormData>(
    async (_previous, formData) => {
      const input = { ...formDataToObject(formData), domain, bundleId: pak.bundleId };
      const checked = checkInBrowser(deletePakSchema, input);
      if (checked) return { result: checked, values: input };
      const result = await deletePakAction(input).catch(() => ({
        ok: false as const,
        message:
          "The panel did not answer, so the pak may or may not be deleted. The page now shows the current state.",
      }));
      // Deleted or not, show what eNom has now.
      await queryClient.invalidateQueries({ queryKey: queryKeys.domainEmail(domain) });
      if (result.ok) onDeleted(result.message ?? `Pak ${pak.bundleId} is deleted.`);
      return { result, values: result.ok ? {} : input };
    },
    { result: null, values: {} },
  );

  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <TextField
        label={`Type ${domain} to confirm`}
        name="confirmation"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        defaultValue={textOf(state.values, "confirmation")}
        errors={fieldErrorsOf(state.result)?.confirmation}
      />
      <FormMessage
        state={state.result && !state.result.ok && !fieldErrorsOf(state.result) ? state.result : undefined}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Deleting…" : "Delete pak for good"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
