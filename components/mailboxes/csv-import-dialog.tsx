"use client";

import { useId, useState, type ChangeEvent, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CheckboxField, SelectField } from "@/components/ui/field";
import type { PakView } from "@/lib/domains/types";
import { cn } from "@/lib/utils";
import { MAILBOX_BATCH_MAX, type NewMailbox } from "@/lib/validation/mailboxes";
import { defaultPak } from "./create-draft";
import { IMPORT_COLUMNS, readMailboxCsv, type ImportPreview } from "./mailbox-csv";
import { pakChoiceLabel, paksWithRoom } from "./paks";

/** Larger files are not mailbox lists (999 rows of a few fields are well under this). */
const MAX_FILE_BYTES = 1_000_000;

/**
 * New mailboxes from a CSV file: every row is checked in a preview (same schema as the server,
 * plus names taken or listed twice, and the pak's free mailboxes) before anything is sent.
 * Nothing is sent while a row has a problem, unless the user chooses to leave those rows out.
 */
export function CsvImportDialog({
  open,
  onClose,
  domain,
  paks,
  existingNames,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  domain: string;
  paks: readonly PakView[];
  existingNames: ReadonlySet<string>;
  onSubmit: (bundleId: number, mailboxes: NewMailbox[], fileName: string) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Import mailboxes from a CSV file"
      description={`One mailbox per line, with a heading line: ${IMPORT_COLUMNS.join(", ")}. Only "user name" is required; a blank password is generated. Forwarding is set per mailbox after the import.`}
      className="w-[min(72rem,calc(100vw-2rem))]"
    >
      <ImportForm
        domain={domain}
        paks={paks}
        existingNames={existingNames}
        onSubmit={onSubmit}
        onCancel={onClose}
      />
    </Dialog>
  );
}

function ImportForm({
  domain,
  paks,
  existingNames,
  onSubmit,
  onCancel,
}: {
  domain: string;
  paks: readonly PakView[];
  existingNames: ReadonlySet<string>;
  onSubmit: (bundleId: number, mailboxes: NewMailbox[], fileName: string) => void;
  onCancel: () => void;
}) {
  const fileId = useId();
  const [file, setFile] = useState<{ name: string; preview: ImportPreview } | null>(null);
  const [chosenPak, setChosenPak] = useState<number | null>(null);
  const [leaveOut, setLeaveOut] = useState(false);
  const bundleId = defaultPak(paks, chosenPak);
  const pak = paks.find((candidate) => candidate.bundleId === bundleId);
  const free = pak?.available ?? 0;

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setLeaveOut(false);
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_FILE_BYTES)
      return setFile({
        name: chosen.name,
        preview: {
          rows: [],
          fileProblem: "The file is larger than 1 MB; that is not a list of mailboxes.",
          ignoredColumns: [],
          forwardingLeftOut: false,
        },
      });
    const text = await chosen.text();
    setFile({ name: chosen.name, preview: readMailboxCsv(text, { domain, existingNames }) });
  }

  const rows = file?.preview.rows ?? [];
  const withProblems = rows.filter((row) => row.problems.length > 0);
  const ready = rows.filter((row) => row.problems.length === 0);
  const toSend = withProblems.length && !leaveOut ? [] : ready;
  const overPak = toSend.length > free;
  const blocked =
    !file || file.preview.fileProblem !== null || toSend.length === 0 || overPak || bundleId === null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (blocked || !file || bundleId === null) return;
    onSubmit(
      bundleId,
      toSend.map((row) => row.mailbox),
      file.name,
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <div className="grid gap-4 md:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={fileId} className="text-sm font-medium">
            CSV file
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => void choose(event)}
            className="block w-full rounded-md border border-line bg-surface text-sm text-fg file:mr-3 file:border-0 file:bg-raised file:px-3 file:py-2 file:text-fg"
          />
          <p className="text-xs text-muted">Exported lists of this page can be imported as they are.</p>
        </div>
        <SelectField
          label="Pak"
          value={bundleId ?? ""}
          onChange={(event) => setChosenPak(Number(event.target.value))}
          hint="The new mailboxes go into this pak."
        >
          {paksWithRoom(paks).map((candidate) => (
            <option key={candidate.bundleId} value={candidate.bundleId}>
              {pakChoiceLabel(candidate)}
            </option>
          ))}
        </SelectField>
      </div>

      {file?.preview.fileProblem ? (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm">
          {file.name}: {file.preview.fileProblem}
        </p>
      ) : null}

      {rows.length ? (
        <>
          <p role="status" className="text-sm">
            {file?.name}: {rows.length} mailbox{rows.length === 1 ? "" : "es"}, {ready.length} ready
            {withProblems.length ? `, ${withProblems.length} with problems to fix` : ""}.
            {file?.preview.ignoredColumns.length
              ? ` Columns left out: ${file.preview.ignoredColumns.join(", ")}.`
              : ""}
            {file?.preview.forwardingLeftOut
              ? " Creating a mailbox sets no forwarding: set it for each mailbox in the list afterwards."
              : ""}
          </p>
          <div
            tabIndex={0}
            role="region"
            aria-label="Preview of the file"
            className="max-h-80 overflow-auto rounded-md border border-line"
          >
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">
                Mailboxes in {file?.name}, checked before anything is sent
              </caption>
              <thead>
                <tr>
                  {["Row", "User name", "Display name", "Administrator", "Password", "Check"].map(
                    (heading) => (
                      <th
                        key={heading}
                        scope="col"
                        className="sticky top-0 border-b border-line bg-raised px-3 py-1.5 font-semibold"
                      >
                        {heading}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.row} className={cn(row.problems.length && "bg-danger-soft")}>
                    <td className="border-b border-line px-3 py-1.5">{row.row}</td>
                    <td className="border-b border-line px-3 py-1.5">{row.mailbox.userName || "—"}</td>
                    <td className="border-b border-line px-3 py-1.5">{row.mailbox.displayName}</td>
                    <td className="border-b border-line px-3 py-1.5">{row.mailbox.isAdmin ? "Yes" : "No"}</td>
                    <td className="border-b border-line px-3 py-1.5">
                      {row.passwordGenerated ? "Generated" : "From the file"}
                    </td>
                    <td className="border-b border-line px-3 py-1.5">
                      {row.problems.length ? (
                        <ul className="font-medium text-danger">
                          {row.problems.map((problem) => (
                            <li key={problem}>{problem}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="text-success">Ready</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {withProblems.length && ready.length ? (
            <CheckboxField
              label={`Leave out the ${withProblems.length} row${withProblems.length === 1 ? "" : "s"} with problems and create the other ${ready.length}`}
              checked={leaveOut}
              onChange={(event) => setLeaveOut(event.target.checked)}
            />
          ) : null}
          {withProblems.length && !leaveOut ? (
            <p className="text-sm text-muted">
              Nothing is sent while a row has a problem: fix the file and choose it again.
            </p>
          ) : null}
          {overPak ? (
            <p role="alert" className="text-sm font-medium text-danger">
              Pak {bundleId} has {free} free mailbox{free === 1 ? "" : "es"}, fewer than the {toSend.length}{" "}
              to create. Choose another pak or shorten the file.
            </p>
          ) : null}
          {toSend.length > MAILBOX_BATCH_MAX ? (
            <p className="text-sm text-muted">
              They are sent in {Math.ceil(toSend.length / MAILBOX_BATCH_MAX)} parts of at most{" "}
              {MAILBOX_BATCH_MAX}, the most the email service takes at once, as a job on the server: it goes
              on if you leave the page (see Activity).
            </p>
          ) : null}
        </>
      ) : null}

      <div className="flex justify-end gap-2 border-t border-line pt-4">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={blocked}>
          {toSend.length
            ? `Create ${toSend.length} mailbox${toSend.length === 1 ? "" : "es"}`
            : "Create mailboxes"}
        </Button>
      </div>
    </form>
  );
}
