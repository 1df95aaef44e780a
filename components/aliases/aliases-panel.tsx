"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Pencil, Plus, RotateCw, Trash2, Upload } from "lucide-react";
import { useState } from "react";
import { useDomainEmail } from "@/components/domains/use-domain-email";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";
import type { ActionResult } from "@/lib/actions/result";
import { usageText, type AliasView, type AliasWriteResult } from "@/lib/aliases/model";
import type { DomainEmailView } from "@/lib/domains/types";
import { queryKeys } from "@/lib/query-keys";
import { AliasFormDialog, DeleteAliasDialog } from "./alias-dialogs";
import { ImportAliasesDialog } from "./import-aliases-dialog";
import { useAliases } from "./use-aliases";

type Done = Extract<ActionResult<AliasWriteResult>, { ok: true }>;

/**
 * A domain's aliases beside its mailboxes: forward-only addresses that use no mailbox, with the
 * domain's limit, for staff and for customers allowed to manage mailboxes (`canManage`; every
 * action checks again). A table from 640 px, cards below, like the mailbox grid.
 */
export function AliasesPanel({
  domain,
  canManage,
  initialEmail,
}: {
  domain: string;
  canManage: boolean;
  initialEmail?: DomainEmailView;
}) {
  const queryClient = useQueryClient();
  const aliases = useAliases(domain);
  const email = useDomainEmail(domain, initialEmail);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<AliasView | null>(null);
  const [deleting, setDeleting] = useState<AliasView | null>(null);
  const [outcome, setOutcome] = useState<Done | null>(null);

  const view = aliases.data;
  const full = view && view.maxAliases !== null && view.used >= view.maxAliases;
  const onDone = (result: Done) => {
    setAdding(false);
    setImporting(false);
    setEditing(null);
    setDeleting(null);
    setOutcome(result);
    queryClient.setQueryData(queryKeys.domainAliases(domain), result.data.aliases);
    // The mailbox grid's forwards come from the same list: read the domain again.
    void queryClient.invalidateQueries({ queryKey: queryKeys.domain(domain) });
  };

  return (
    <Card aria-labelledby="aliases-title">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="aliases-title" className="text-base font-semibold">
            Aliases
          </h2>
          <p className="mt-1 text-sm text-muted">
            Addresses of {domain} that forward mail to another address. An alias uses no mailbox, so the
            pak&apos;s free places stay as they are.
          </p>
          {view ? (
            <p className="mt-1 text-sm font-medium" aria-live="polite">
              {usageText(view)}
            </p>
          ) : null}
        </div>
        {canManage && view ? (
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={() => setAdding(true)} disabled={Boolean(full)}>
              <Plus aria-hidden="true" className="size-4" />
              Add alias
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setImporting(true)} disabled={Boolean(full)}>
              <Upload aria-hidden="true" className="size-4" />
              Import from CSV
            </Button>
          </div>
        ) : null}
      </div>
      {full ? (
        <p className="mt-2 text-sm text-warning">
          The domain has reached its limit of {view.maxAliases} aliases and forwards: delete one to add
          another.
        </p>
      ) : null}
      {outcome ? (
        <div className="mt-3">
          {outcome.data.warning || !outcome.data.confirmed ? (
            <Alert tone="warning" title={outcome.data.confirmed ? "Saved, with a warning" : "Not confirmed"}>
              {outcome.message}
            </Alert>
          ) : (
            <p
              role="status"
              className="rounded-md border border-success/40 bg-success-soft px-3 py-2 text-sm"
            >
              {outcome.message}
            </p>
          )}
        </div>
      ) : null}
      <div className="mt-4">
        {aliases.isPending ? (
          <div role="status" aria-label="Loading the aliases">
            <Skeleton className="h-16" />
          </div>
        ) : aliases.isError && !view ? (
          <div className="flex flex-col items-start gap-3">
            <Alert tone="danger" title="The aliases could not be loaded">
              {aliases.error.message}
            </Alert>
            <Button variant="secondary" size="sm" onClick={() => void aliases.refetch()}>
              <RotateCw aria-hidden="true" className="size-4" />
              Try again
            </Button>
          </div>
        ) : view && view.aliases.length === 0 ? (
          <p className="text-sm text-muted">No aliases yet.</p>
        ) : view ? (
          <AliasList
            aliases={view.aliases}
            canManage={canManage}
            onEdit={setEditing}
            onDelete={setDeleting}
          />
        ) : null}
        {aliases.isError && view ? (
          <p className="mt-2 text-xs text-warning">
            The last refresh failed, so this may be out of date: {aliases.error.message}
          </p>
        ) : null}
        {view?.aliases.some((alias) => !alias.enabled) ? (
          <p className="mt-2 text-xs text-muted">
            A disabled alias forwards nothing. Saving any alias change may turn it on again.
          </p>
        ) : null}
      </div>
      {canManage ? (
        <>
          <AliasFormDialog
            domain={domain}
            editing={editing}
            open={adding || editing !== null}
            onClose={() => {
              setAdding(false);
              setEditing(null);
            }}
            onDone={onDone}
          />
          <DeleteAliasDialog
            domain={domain}
            alias={deleting}
            onClose={() => setDeleting(null)}
            onDone={onDone}
          />
          <ImportAliasesDialog
            domain={domain}
            open={importing}
            onClose={() => setImporting(false)}
            onDone={onDone}
            mailboxNames={email.data?.mailboxes.map((mailbox) => mailbox.userName) ?? []}
            aliasNames={view?.aliases.map((alias) => alias.alias) ?? []}
            placesLeft={view && view.maxAliases !== null ? Math.max(0, view.maxAliases - view.used) : null}
          />
        </>
      ) : null}
    </Card>
  );
}

function AliasList({
  aliases,
  canManage,
  onEdit,
  onDelete,
}: {
  aliases: AliasView[];
  canManage: boolean;
  onEdit: (alias: AliasView) => void;
  onDelete: (alias: AliasView) => void;
}) {
  const actions = (alias: AliasView) =>
    canManage ? (
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="secondary"
          onClick={() => onEdit(alias)}
          aria-label={`Edit ${alias.address}`}
        >
          <Pencil aria-hidden="true" className="size-4" />
          Edit
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => onDelete(alias)}
          aria-label={`Delete ${alias.address}`}
        >
          <Trash2 aria-hidden="true" className="size-4" />
          Delete
        </Button>
      </div>
    ) : null;
  const status = (alias: AliasView) =>
    alias.enabled ? (
      <Badge tone="success">Forwarding</Badge>
    ) : (
      <Badge tone="warning">Disabled{alias.rejectReason ? `: ${alias.rejectReason}` : ""}</Badge>
    );
  return (
    <>
      <div className="hidden sm:block">
        <Table caption="Aliases">
          <thead>
            <tr>
              <Th>Alias</Th>
              <Th>Forwards to</Th>
              <Th>Status</Th>
              {canManage ? (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {aliases.map((alias) => (
              <tr key={alias.alias}>
                <Td className="break-all font-medium">{alias.address}</Td>
                <Td className="break-all">{alias.forwardTo}</Td>
                <Td>{status(alias)}</Td>
                {canManage ? <Td>{actions(alias)}</Td> : null}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <ul className="flex flex-col gap-2 sm:hidden" aria-label="Aliases">
        {aliases.map((alias) => (
          <li key={alias.alias} className="rounded-md border border-line p-3">
            <p className="break-all font-medium">{alias.address}</p>
            <p className="mt-1 break-all text-sm">
              <span className="text-muted">Forwards to </span>
              {alias.forwardTo}
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              {status(alias)}
              {actions(alias)}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
