"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { wasUnreachable } from "@/components/use-action";
import { fieldErrorsOf, useFormAction } from "@/components/users/form-state";
import { deletePakAction } from "@/lib/actions/paks";
import type { ActionResult } from "@/lib/actions/result";
import type { MailboxView, PakView } from "@/lib/domains/types";
import type { PakDeletionView } from "@/lib/purchases/types";
import { queryKeys } from "@/lib/query-keys";
import { MAX_SIZE } from "@/lib/validation/enom-rules";
import { deletePakSchema, pakDeletionProblem } from "@/lib/validation/paks";
import { plural } from "./format";

/**
 * Deleting a pak: the email service refuses to delete a pak that still has mailboxes, so the
 * dialog lists every mailbox that goes first, asks for the domain's name typed out, and then
 * shows each step's outcome (the mailboxes, then the pak). A pak that cannot be deleted from here
 * (a mailbox name too long to delete, an expired pak) says why before anything is sent.
 */
export function DeletePakDialog({
  domain,
  pak,
  mailboxes,
  today,
  activityBase,
  onClose,
  onDeleted,
}: {
  domain: string;
  /** Where this user's Activity lives: "" for staff, "/portal" for customers. */
  activityBase: "" | "/portal";
  /** The pak to delete; null keeps the dialog closed. */
  pak: PakView | null;
  /** The pak's mailboxes. */
  mailboxes: MailboxView[];
  /** ISO calendar date the data was read on, to tell whether the pak is current. */
  today: string;
  onClose: () => void;
  onDeleted: (message: string) => void;
}) {
  const problem = pak
    ? pakDeletionProblem(
        pak,
        mailboxes.map((mailbox) => mailbox.userName),
        today,
      )
    : null;
  return (
    <Dialog
      open={pak !== null}
      onClose={onClose}
      title={pak ? `Delete pak ${pak.bundleId}?` : "Delete pak"}
      description={pak ? <WhatIsLost domain={domain} pak={pak} mailboxes={mailboxes} /> : null}
    >
      {pak ? <MailboxList bundleId={pak.bundleId} mailboxes={mailboxes} /> : null}
      {!pak ? null : problem ? (
        <div className="flex flex-col gap-4">
          <Alert tone="warning" title="This pak cannot be deleted here">
            {problem}
          </Alert>
          <div>
            <Button variant="secondary" onClick={onClose}>
              Close
            </Button>
          </div>
        </div>
      ) : (
        <DeletePakForm
          domain={domain}
          pak={pak}
          mailboxCount={mailboxes.length}
          activityBase={activityBase}
          onCancel={onClose}
          onDeleted={onDeleted}
        />
      )}
    </Dialog>
  );
}

function WhatIsLost({ domain, pak, mailboxes }: { domain: string; pak: PakView; mailboxes: MailboxView[] }) {
  if (mailboxes.length === 0)
    return (
      <>
        <p>
          Pak {pak.bundleId} of {domain} has no mailboxes in use. Its{" "}
          {plural(pak.purchased, "mailbox", "mailboxes")} are given up.
        </p>
        <p className="mt-2">There is no refund for the time left on the pak. This cannot be undone.</p>
      </>
    );
  return (
    <>
      <p>
        Its {plural(mailboxes.length, "mailbox is", "mailboxes are")} deleted with it: first the mailboxes
        (listed below), then the pak, as the email service deletes only a pak without mailboxes.{" "}
        <strong className="font-semibold text-fg">
          Their mail, calendars and contacts are lost for good and cannot be recovered.
        </strong>
      </p>
      <p className="mt-2">There is no refund for the time left on the pak. This cannot be undone.</p>
    </>
  );
}

/** Every mailbox that goes first, with the names DeletePOP3 cannot take marked. */
function MailboxList({ bundleId, mailboxes }: { bundleId: number; mailboxes: MailboxView[] }) {
  if (mailboxes.length === 0) return null;
  return (
    <ul
      aria-label={`Mailboxes of pak ${bundleId}`}
      // Scrolls when long: reachable by keyboard.
      tabIndex={0}
      className="mb-4 max-h-40 overflow-y-auto rounded-md border border-line px-3 py-2 text-sm"
    >
      {mailboxes.map((mailbox) => (
        <li key={mailbox.userName} className="break-all">
          {mailbox.address}
          {mailbox.userName.length > MAX_SIZE.deleteUserName ? (
            <span className="text-danger"> (name too long to delete here)</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** No answer came back: the deletion may have run, in part or whole; the page reads the truth again. */
const UNANSWERED: ActionResult<never> = {
  ok: false,
  message:
    "The panel did not answer, so the pak and its mailboxes may or may not be deleted. The page now shows the current state.",
};

function DeletePakForm({
  domain,
  pak,
  mailboxCount,
  activityBase,
  onCancel,
  onDeleted,
}: {
  domain: string;
  pak: PakView;
  mailboxCount: number;
  activityBase: "" | "/portal";
  onCancel: () => void;
  onDeleted: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [confirmation, setConfirmation] = useState("");
  // Whatever happened once it was sent, even with no answer, show what the email service has now.
  const deleteAndReread = useCallback(
    async (input: z.input<typeof deletePakSchema>) => {
      try {
        return await deletePakAction(input);
      } finally {
        await queryClient.invalidateQueries({ queryKey: queryKeys.domainEmail(domain) });
      }
    },
    [queryClient, domain],
  );
  const deletion = useFormAction(deletePakSchema, deleteAndReread, {
    onSuccess: (data, result) => {
      if (data.pak === "deleted") onDeleted(result.message ?? `Pak ${pak.bundleId} is deleted.`);
    },
  });
  const result = deletion.result && wasUnreachable(deletion.result) ? UNANSWERED : deletion.result;

  const outcome = result?.ok ? result.data : null;
  // A pak with more mailboxes than one call takes is deleted by a job: its progress is in Activity.
  const runId = outcome && "runId" in outcome && typeof outcome.runId === "string" ? outcome.runId : null;
  if (outcome && runId)
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="info" title={`Pak ${outcome.bundleId} is being deleted`}>
          <p>
            {result?.message ??
              "Its mailboxes are deleted first, then the pak; this runs on the server, even if you leave this page."}
          </p>
          <p className="mt-2">
            <a className="font-medium underline" href={`${activityBase}/activity/${runId}`}>
              Follow it in Activity
            </a>
          </p>
        </Alert>
        <div>
          <Button variant="secondary" onClick={onCancel}>
            Close
          </Button>
        </div>
      </div>
    );
  if (outcome)
    return (
      <div className="flex flex-col gap-4">
        <DeletionSteps outcome={outcome} mailboxCount={mailboxCount} message={result?.message ?? null} />
        <div>
          <Button variant="secondary" onClick={onCancel}>
            Close
          </Button>
        </div>
      </div>
    );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void deletion.run({ domain, bundleId: pak.bundleId, confirmation });
      }}
      noValidate
      className="flex flex-col gap-4"
    >
      <TextField
        label={`Type ${domain} to confirm`}
        name="confirmation"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={confirmation}
        onChange={(event) => setConfirmation(event.target.value)}
        errors={deletion.fieldErrors.confirmation}
      />
      <FormMessage state={result && !result.ok && !fieldErrorsOf(result) ? result : undefined} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={deletion.pending}>
          {deletion.pending ? "Deleting…" : "Delete pak for good"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Each step's outcome, when the pak was not (or not surely) deleted. */
function DeletionSteps({
  outcome,
  mailboxCount,
  message,
}: {
  outcome: PakDeletionView;
  mailboxCount: number;
  message: string | null;
}) {
  const { deleted, failed, unknown, notSent } = outcome.mailboxes;
  const pakLine: Record<PakDeletionView["pak"], string> = {
    deleted: `Pak ${outcome.bundleId} is deleted.`,
    failed: `Pak ${outcome.bundleId} was not deleted.`,
    unknown: `The deletion of pak ${outcome.bundleId} was not confirmed; it may or may not be deleted.`,
    "not-sent": `Pak ${outcome.bundleId} was not deleted, because it still has mailboxes.`,
  };
  return (
    <Alert tone={outcome.pak === "deleted" ? "success" : "warning"} title={message ?? pakLine[outcome.pak]}>
      <ol className="mt-1 list-decimal space-y-2 pl-5">
        {mailboxCount > 0 ? (
          <li>
            <p>
              Mailboxes: {deleted.length} of {mailboxCount} deleted.
            </p>
            {failed.length > 0 ? (
              <ul className="list-disc pl-5">
                {failed.map((entry) => (
                  <li key={entry.userName}>
                    {entry.userName}: not deleted. {entry.reason}
                  </li>
                ))}
              </ul>
            ) : null}
            {unknown.length > 0 ? (
              <p>Not confirmed (check before trying again): {unknown.join(", ")}.</p>
            ) : null}
            {notSent.length > 0 ? (
              <p>Not sent, because an earlier batch did not fully succeed: {notSent.join(", ")}.</p>
            ) : null}
          </li>
        ) : null}
        <li>
          <p>{pakLine[outcome.pak]}</p>
          {outcome.pakReason ? <p>{outcome.pakReason}</p> : null}
        </li>
      </ol>
    </Alert>
  );
}
