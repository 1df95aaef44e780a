"use client";

import { useState, type ChangeEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { Table, Td, Th } from "@/components/ui/table";
import { useFormAction } from "@/components/users/form-state";
import { importAliasesAction } from "@/lib/actions/aliases";
import type { ActionResult } from "@/lib/actions/result";
import type { AliasWriteResult } from "@/lib/aliases/model";
import { importAliasesSchema } from "@/lib/validation/aliases";
import { readAliasCsv, type AliasImportPreview } from "./alias-csv";

/**
 * Import aliases from a CSV file of `alias,forward_to` rows: the file is read in the browser and
 * every row previewed with its problems; the rows without one are sent in one change, or none.
 */
export function ImportAliasesDialog({
  domain,
  open,
  onClose,
  onDone,
  mailboxNames,
  aliasNames,
  placesLeft,
}: {
  domain: string;
  open: boolean;
  onClose: () => void;
  onDone: (result: Extract<ActionResult<AliasWriteResult>, { ok: true }>) => void;
  mailboxNames: string[];
  aliasNames: string[];
  placesLeft: number | null;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Import aliases"
      description={`A CSV file with the columns alias and forward_to, one alias of ${domain} per line.`}
      className="w-[min(48rem,calc(100vw-2rem))]"
    >
      {open ? (
        <ImportForm
          domain={domain}
          onClose={onClose}
          onDone={onDone}
          mailboxNames={mailboxNames}
          aliasNames={aliasNames}
          placesLeft={placesLeft}
        />
      ) : null}
    </Dialog>
  );
}

function ImportForm({
  domain,
  onClose,
  onDone,
  mailboxNames,
  aliasNames,
  placesLeft,
}: {
  domain: string;
  onClose: () => void;
  onDone: (result: Extract<ActionResult<AliasWriteResult>, { ok: true }>) => void;
  mailboxNames: string[];
  aliasNames: string[];
  placesLeft: number | null;
}) {
  const [preview, setPreview] = useState<AliasImportPreview | null>(null);
  const send = useFormAction(importAliasesSchema, importAliasesAction);
  const ready =
    preview && !preview.fileProblem ? preview.rows.filter((row) => row.problems.length === 0) : [];
  const withProblems = preview ? preview.rows.filter((row) => row.problems.length > 0).length : 0;

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    send.reset();
    if (!file) return setPreview(null);
    setPreview(readAliasCsv(await file.text(), { domain, mailboxNames, aliasNames, placesLeft }));
  };

  const onImport = async () => {
    const answer = await send.run({
      domain,
      rows: ready.map((row) => ({ alias: row.alias, forwardTo: row.forwardTo })),
    });
    if (answer?.ok) onDone(answer);
  };

  /** The server's reasons per row (`rows.<i>.alias`), by the file's row number. */
  const serverProblems = new Map<number, string[]>();
  ready.forEach((row, index) => {
    const reasons = [`rows.${index}.alias`, `rows.${index}.forwardTo`].flatMap(
      (key) => send.fieldErrors[key] ?? [],
    );
    if (reasons.length) serverProblems.set(row.row, reasons);
  });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="alias-import-file" className="text-sm font-medium">
          CSV file
        </label>
        <input
          id="alias-import-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="alias-import-hint"
          onChange={(event) => void onFile(event)}
          className="text-sm"
          data-autofocus
        />
        <p id="alias-import-hint" className="text-xs text-muted">
          For example: <code>alias,forward_to</code> then <code>info,someone@example.com</code>. Nothing is
          sent until you choose Import.
        </p>
      </div>
      {preview?.fileProblem ? (
        <Alert tone="danger" title="This file cannot be imported">
          {preview.fileProblem}
        </Alert>
      ) : null}
      {preview && preview.rows.length > 0 ? (
        <>
          <p className="text-sm" role="status">
            {ready.length} of {preview.rows.length} rows ready to import
            {withProblems ? `; ${withProblems} with a problem will be left out` : ""}.
          </p>
          <Table caption="Aliases in the file">
            <thead>
              <tr>
                <Th>Row</Th>
                <Th>Alias</Th>
                <Th>Forward to</Th>
                <Th>Check</Th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => {
                const problems = [...row.problems, ...(serverProblems.get(row.row) ?? [])];
                return (
                  <tr key={row.row}>
                    <Td>{row.row}</Td>
                    <Td className="break-all">{row.alias ? `${row.alias}@${domain}` : "—"}</Td>
                    <Td className="break-all">{row.forwardTo || "—"}</Td>
                    <Td>
                      {problems.length ? (
                        <ul className="text-danger">
                          {problems.map((problem) => (
                            <li key={problem}>{problem}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="text-success">Ready</span>
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </>
      ) : null}
      <FormMessage state={send.result && !send.result.ok ? send.result : undefined} />
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button
          type="button"
          disabled={send.pending || ready.length === 0 || Boolean(preview?.fileProblem)}
          onClick={() => void onImport()}
        >
          {send.pending ? "Importing…" : `Import ${ready.length} alias${ready.length === 1 ? "" : "es"}`}
        </Button>
      </div>
    </div>
  );
}
