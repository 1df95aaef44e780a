"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Download, Inbox, Plus, RefreshCw, Upload } from "lucide-react";
import dynamic from "next/dynamic";
import { usePathname } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { formatReadAt } from "@/components/domains/format";
import { useDomainEmail } from "@/components/domains/use-domain-email";
import { refreshDomainNow } from "@/components/domains/refresh-domain";
import { useOpenedOnce } from "@/components/domains/use-opened-once";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import type { DomainCapabilities, DomainEmailView, MailboxView } from "@/lib/domains/types";
import { mailboxSetupPath } from "@/lib/mail-setup/model";
import { queryKeys } from "@/lib/query-keys";
import { addStorageHref } from "@/lib/storage-alerts/model";
import { generateMailboxPassword } from "@/lib/validation/mailbox-rules";
import { defaultPak, newDraftRow, type CreateDraft } from "./create-draft";
import { forwardOnlyRows } from "./forward-only";
import { ForwardingAddresses } from "./forwarding-addresses";
import type { ForwardingIntent, ForwardingTarget } from "./forwarding-dialog";
import { MailboxCards, usePhoneWidth } from "./mailbox-cards";
import {
  DISPLAY_NAME_UNKNOWN,
  forwardOf,
  MailboxTable,
  useMailboxTable,
  type ForwardingState,
  type GridFilters,
  type GridRow,
  type RoleFilter,
} from "./mailbox-table";
import { noFreeMailboxReason } from "./no-free-mailbox";
import { NoFreeMailboxNotice } from "./no-free-mailbox-notice";
import { isPakExpired, pakName, todayIso } from "./paks";
import { useDomainForwarding } from "./use-forwarding";
import { useMailboxOperations } from "./use-mailbox-operations";

// The dialogs (and the zod schemas they check input with) load when first opened, not with the page;
// the activity panel when there is a change to show.
const dialogCode = {
  create: () => import("./create-mailboxes-dialog"),
  csvImport: () => import("./csv-import-dialog"),
  reset: () => import("./reset-password-dialog"),
  forwarding: () => import("./forwarding-dialog"),
  remove: () => import("./delete-mailboxes-dialog"),
  bulkReset: () => import("./bulk-reset-dialog"),
  displayName: () => import("./display-name-dialog"),
};
const ActivityPanel = dynamic(() => import("./activity-panel").then((m) => m.ActivityPanel), { ssr: false });
const CreateMailboxesDialog = dynamic(() => dialogCode.create().then((m) => m.CreateMailboxesDialog), {
  ssr: false,
});
const CsvImportDialog = dynamic(() => dialogCode.csvImport().then((m) => m.CsvImportDialog), { ssr: false });
const ResetPasswordDialog = dynamic(() => dialogCode.reset().then((m) => m.ResetPasswordDialog), {
  ssr: false,
});
const ForwardingDialog = dynamic(() => dialogCode.forwarding().then((m) => m.ForwardingDialog), {
  ssr: false,
});
const DeleteMailboxesDialog = dynamic(() => dialogCode.remove().then((m) => m.DeleteMailboxesDialog), {
  ssr: false,
});
const BulkResetDialog = dynamic(() => dialogCode.bulkReset().then((m) => m.BulkResetDialog), { ssr: false });
const DisplayNameDialog = dynamic(() => dialogCode.displayName().then((m) => m.DisplayNameDialog), {
  ssr: false,
});

let dialogsWarmed = false;
/** Fetches the dialogs' code once the pointer or focus reaches the grid, so the first one opens at once. */
function warmDialogs() {
  if (dialogsWarmed) return;
  dialogsWarmed = true;
  for (const load of Object.values(dialogCode)) void load().catch(() => (dialogsWarmed = false));
}

/**
 * A domain's mailboxes: the grid with its toolbar, bulk actions and dialogs. Reads go through
 * React Query (`useDomainEmail`, cached per domain), shown as a table, or as cards on a phone;
 * every write goes through a server action that checks the caller again, and is followed by a
 * fresh read so the grid shows eNom's true state. The same component serves staff and, later, the
 * customer portal: no staff-only assumptions, no prices, and the provider is called "the email
 * service".
 */
export function MailboxGrid({
  domain,
  initialData,
  capabilities,
}: {
  domain: string;
  initialData?: DomainEmailView;
  capabilities: DomainCapabilities;
}) {
  const query = useDomainEmail(domain, initialData);
  const forwardingQuery = useDomainForwarding(domain);
  const view = query.data;
  // Two allowances: adding mailboxes, and the powerful changes (reset, delete, administrator flag).
  const create = capabilities.createMailboxes;
  const manage = capabilities.manageMailboxes;
  const today = todayIso();
  const headingId = useId();
  // Below `sm` the mailboxes are cards; only one of the two is in the page.
  const phone = usePhoneWidth();

  const [createOpen, setCreateOpen] = useState(false);
  const [createDraft, setCreateDraft] = useState<CreateDraft>({ bundleId: null, rows: [] });
  const [importOpen, setImportOpen] = useState(false);
  const [resetFor, setResetFor] = useState<GridRow | null>(null);
  const [resetPassword, setResetPassword] = useState("");
  // Which mailbox's reset dialog is open, read when eNom answers: a closed dialog cannot show the password.
  const resetShownFor = useRef<string | null>(null);
  const [forwardingFor, setForwardingFor] = useState<ForwardingTarget | null>(null);
  const [forwardingIntent, setForwardingIntent] = useState<ForwardingIntent>("change");
  const [forwardingDraft, setForwardingDraft] = useState<{ forwardTo: string; keepCopy: boolean } | null>(
    null,
  );
  const [deleteTargets, setDeleteTargets] = useState<readonly GridRow[]>([]);
  const [bulkResetTargets, setBulkResetTargets] = useState<readonly MailboxView[]>([]);
  const [displayNameFor, setDisplayNameFor] = useState<GridRow | null>(null);
  const [filters, setFilters] = useState<GridFilters>({ text: "", role: "all", pak: "all" });

  const createUsed = useOpenedOnce(createOpen);
  const importUsed = useOpenedOnce(importOpen);
  const resetUsed = useOpenedOnce(resetFor !== null);
  const forwardingUsed = useOpenedOnce(forwardingFor !== null);
  const deleteUsed = useOpenedOnce(deleteTargets.length > 0);
  const bulkResetUsed = useOpenedOnce(bulkResetTargets.length > 0);
  const displayNameUsed = useOpenedOnce(displayNameFor !== null);

  const operations = useMailboxOperations(domain, {
    onFixCreate: (bundleId, rows) => {
      setCreateDraft({ bundleId, rows: rows.map((row) => newDraftRow(domain, row)) });
      setCreateOpen(true);
    },
    onFixForwarding: (userName, draft) => {
      const target = targetsRef.current.find(
        (candidate) => candidate.userName.toLowerCase() === userName.toLowerCase(),
      );
      if (target) openForwarding(target, draft);
    },
  });

  const paks = useMemo(() => view?.paks ?? [], [view]);
  const known = useMemo(
    () => new Set((view?.mailboxes ?? []).map((mailbox) => mailbox.userName.toLowerCase())),
    [view],
  );
  const forwards = forwardingQuery.data;
  const forwardingFailed = forwardingQuery.isError;
  // Shown from the mirror: what the latest read of eNom could not read, or the panel's own failure.
  const listProblem = query.isError ? query.error.message : (view?.readError ?? null);
  const forwardingProblem = forwardingQuery.isError
    ? forwardingQuery.error.message
    : (forwards?.readError ?? null);
  const queryClient = useQueryClient();
  const [rereading, setRereading] = useState(false);
  const rereadDomain = async () => {
    setRereading(true);
    try {
      await refreshDomainNow(domain, queryClient);
    } finally {
      setRereading(false);
    }
  };
  // A new read of the mailboxes (a refresh behind the page) brings new forwarding with it.
  const emailReadAt = view?.fetchedAt;
  useEffect(() => {
    if (emailReadAt) void queryClient.invalidateQueries({ queryKey: queryKeys.domainForwarding(domain) });
  }, [emailReadAt, domain, queryClient]);
  // A stable array while nothing changes, so the table does not recompute on every render.
  const rows = useMemo((): GridRow[] => {
    const expiredPaks = new Set(paks.filter((pak) => isPakExpired(pak, today)).map((pak) => pak.bundleId));
    const forwardByName = new Map(
      (forwards?.forwards ?? []).map((forward) => [forward.userName.toLowerCase(), forward]),
    );
    const forwardingOf = (userName: string): ForwardingState => {
      if (!forwards) return forwardingFailed ? { state: "failed" } : { state: "loading" };
      const forward = forwardByName.get(userName.toLowerCase());
      return forward?.forwardTo
        ? { state: "known", forwardTo: forward.forwardTo, active: forward.active }
        : { state: "known", forwardTo: null, active: false };
    };
    return [
      ...(view?.mailboxes ?? []).map((mailbox) => {
        const change = operations.changes.get(mailbox.userName.toLowerCase());
        const pakExpired =
          mailbox.bundleId !== null && paks.some((pak) => pak.bundleId === mailbox.bundleId)
            ? expiredPaks.has(mailbox.bundleId)
            : mailbox.expires !== null && mailbox.expires < today;
        return {
          ...mailbox,
          ...change?.patch,
          pending: change?.label ?? null,
          ghost: false,
          pakExpired,
          forwarding: forwardingOf(mailbox.userName),
        };
      }),
      ...operations.ghosts
        .filter((ghost) => !known.has(ghost.userName.toLowerCase()))
        .map((ghost): GridRow => ({
          ...ghost,
          pending: "Creating…",
          ghost: true,
          pakExpired: false,
          forwarding: { state: "known", forwardTo: null, active: false },
        })),
    ];
  }, [view, paks, known, operations.changes, operations.ghosts, today, forwards, forwardingFailed]);
  const existingNames = known;
  // Forwards GetPOPForwarding lists for names without a mailbox (eNom's forwarding service).
  const forwardOnly = useMemo(
    () =>
      forwardOnlyRows(
        domain,
        forwards,
        new Set([...known, ...operations.ghosts.map((ghost) => ghost.userName.toLowerCase())]),
        (userName) => operations.changes.get(userName.toLowerCase())?.label ?? null,
      ),
    [domain, forwards, known, operations.ghosts, operations.changes],
  );
  // What was last rendered, for the "edit the forwarding again" button of a failed change.
  const targetsRef = useRef<readonly ForwardingTarget[]>([]);
  useEffect(() => {
    targetsRef.current = [...rows, ...forwardOnly];
  }, [rows, forwardOnly]);

  // The setup pages sit under the page showing the grid: staff's, the portal's, or staff's preview of the portal.
  const pathname = usePathname() ?? "";
  const domainPage = `/domains/${encodeURIComponent(domain)}`;
  const setupBase = pathname.endsWith(domainPage)
    ? pathname.slice(0, -domainPage.length)
    : capabilities.basePath;
  const table = useMailboxTable(
    rows,
    paks,
    {
      manage,
      onToggleAdmin: (row) => void operations.toggleAdmin(row),
      onResetPassword: (row) => {
        resetShownFor.current = row.userName.toLowerCase();
        setResetPassword(generateMailboxPassword({ userName: row.userName, domain }));
        setResetFor(row);
      },
      onForwarding: (row) => openForwarding(row, null),
      onDelete: (row) => setDeleteTargets([row]),
      onEditDisplayName: (row) => setDisplayNameFor(row),
      setupHref: (row) => mailboxSetupPath(setupBase, domain, row.userName),
      // Customers only when their reseller lets them buy; the wizard refuses an expired pak.
      addStorageHref: capabilities.purchase
        ? (row) =>
            row.bundleId !== null && !row.pakExpired
              ? addStorageHref(capabilities.basePath, domain, row.bundleId)
              : null
        : undefined,
    },
    filters,
  );
  const selected = table.getFilteredSelectedRowModel().rows.map((row) => row.original);

  function openForwarding(
    target: ForwardingTarget,
    draft: { forwardTo: string; keepCopy: boolean } | null,
    intent: ForwardingIntent = "change",
  ) {
    setForwardingDraft(draft);
    setForwardingIntent(intent);
    setForwardingFor(target);
  }

  function closeReset() {
    resetShownFor.current = null;
    setResetFor(null);
  }

  function openCreate() {
    const rowsToKeep = createDraft.rows.length ? createDraft.rows : [newDraftRow(domain)];
    setCreateDraft({ bundleId: defaultPak(paks, createDraft.bundleId), rows: rowsToKeep });
    setCreateOpen(true);
  }

  async function exportShown() {
    // The CSV code (with the import's schemas) loads on use.
    const { exportFileName, mailboxesToCsv } = await import("./mailbox-csv");
    const shown = table
      .getRowModel()
      .rows.map((row) => row.original)
      .filter((row) => !row.ghost)
      // A forward not read is written as such, never as "no forwarding".
      .map((row) => ({
        ...row,
        forwardTo: row.forwarding.state === "known" ? forwardOf(row) : "(not read)",
      }));
    const blob = new Blob([mailboxesToCsv(shown)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = exportFileName(domain);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  if (!view) {
    if (query.isError)
      return (
        <section aria-label={`Mailboxes of ${domain}`} className="flex flex-col gap-3">
          <Alert tone="danger" title="The mailboxes could not be loaded">
            <p>{query.error.message}</p>
            <Button variant="secondary" size="sm" className="mt-2" onClick={() => void query.refetch()}>
              <RefreshCw aria-hidden="true" className="size-4" />
              Try again
            </Button>
          </Alert>
        </section>
      );
    return <GridSkeleton domain={domain} />;
  }

  const expired = paks.filter((pak) => isPakExpired(pak, today));
  // Why nothing can be added now (an expired pak with free places is said to be expired), with
  // the way out this viewer may take.
  const noRoom = noFreeMailboxReason(paks, today);

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-4"
      onPointerEnter={manage || create ? warmDialogs : undefined}
      onFocus={manage || create ? warmDialogs : undefined}
    >
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-base font-semibold">
            Mailboxes
          </h2>
          <p className="text-sm text-muted">
            {view.mailboxes.length} mailbox{view.mailboxes.length === 1 ? "" : "es"}
            {paks.length === 1 && paks[0] ? ` in ${pakName(paks[0])}` : ` in ${paks.length} paks`}.
            <span aria-live="polite">{query.isFetching ? " Updating…" : ""}</span>
          </p>
        </div>
      </div>

      {listProblem ? (
        <Alert tone="warning" title="This list may be out of date">
          <p>
            The last refresh failed: {listProblem} The mailboxes are shown as they were at{" "}
            {formatReadAt(view.fetchedAt)}.
          </p>
          <Button
            variant="secondary"
            size="sm"
            className="mt-2"
            disabled={rereading}
            onClick={() => void (query.isError ? query.refetch() : rereadDomain())}
          >
            <RefreshCw aria-hidden="true" className="size-4" />
            Try again
          </Button>
        </Alert>
      ) : null}

      {operations.activities.length > 0 ? (
        <ActivityPanel activities={operations.activities} onDismiss={operations.dismiss} />
      ) : null}

      <div role="group" aria-label="Mailbox tools" className="flex flex-wrap items-end gap-3">
        <TextField
          label="Filter"
          type="search"
          placeholder="Address, name or forwarding"
          value={filters.text}
          onChange={(event) => setFilters({ ...filters, text: event.target.value })}
          className="w-full sm:w-64"
        />
        <SelectField
          label="Show"
          value={filters.role}
          onChange={(event) => setFilters({ ...filters, role: event.target.value as RoleFilter })}
          className="w-44"
        >
          <option value="all">All mailboxes</option>
          <option value="admin">Administrators</option>
          <option value="regular">Regular users</option>
          <option value="forwarding">Forwarding</option>
          <option value="nearly-full">Nearly full</option>
        </SelectField>
        {paks.length > 1 ? (
          <SelectField
            label="Pak"
            value={String(filters.pak)}
            onChange={(event) =>
              setFilters({
                ...filters,
                pak: event.target.value === "all" ? "all" : Number(event.target.value),
              })
            }
            className="w-48"
          >
            <option value="all">All paks</option>
            {paks.map((pak) => (
              <option key={pak.bundleId} value={pak.bundleId}>
                {pakName(pak)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="flex flex-wrap gap-2 sm:ml-auto">
          {create ? (
            <>
              <Button onClick={openCreate} disabled={noRoom !== null}>
                <Plus aria-hidden="true" className="size-4" />
                Add mailboxes
              </Button>
              <Button variant="secondary" onClick={() => setImportOpen(true)} disabled={noRoom !== null}>
                <Upload aria-hidden="true" className="size-4" />
                Import CSV
              </Button>
            </>
          ) : null}
          <Button
            variant="secondary"
            onClick={() => void exportShown()}
            disabled={view.mailboxes.length === 0}
          >
            <Download aria-hidden="true" className="size-4" />
            Export CSV
          </Button>
        </div>
      </div>
      {create && noRoom ? (
        <NoFreeMailboxNotice reason={noRoom} domain={domain} allowed={capabilities} />
      ) : null}
      {expired.length ? (
        <p className="text-sm text-warning">
          {expired.map((pak) => pakName(pak)).join(", ")} {expired.length === 1 ? "has" : "have"} expired.
          Until renewed, {expired.length === 1 ? "its" : "their"} mailboxes take only password changes: they
          cannot be deleted or made administrators, and no new mailbox can be added to{" "}
          {expired.length === 1 ? "it" : "them"}.
        </p>
      ) : null}

      {manage && selected.length > 0 ? (
        <div
          role="group"
          aria-label="Actions on the selected mailboxes"
          className="flex flex-wrap items-center gap-2 rounded-md border border-accent/40 bg-accent-soft px-3 py-2"
        >
          <p className="mr-2 text-sm font-medium" aria-live="polite">
            {selected.length} selected
          </p>
          <Button size="sm" variant="secondary" onClick={() => void operations.setAdmin(selected, true)}>
            Make administrator
          </Button>
          <Button size="sm" variant="secondary" onClick={() => void operations.setAdmin(selected, false)}>
            Make regular user
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setBulkResetTargets(selected)}>
            New passwords
          </Button>
          <Button size="sm" variant="danger" onClick={() => setDeleteTargets(selected)}>
            Delete
          </Button>
          <Button size="sm" variant="ghost" onClick={() => table.resetRowSelection()}>
            Clear selection
          </Button>
        </div>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState icon={Inbox} title="No mailboxes yet">
          {create
            ? noRoom
              ? null
              : "Add mailboxes one by one or import them from a CSV file."
            : capabilities.basePath === "/portal"
              ? "Your provider adds this domain's mailboxes."
              : null}
        </EmptyState>
      ) : phone ? (
        <MailboxCards table={table} label={`Mailboxes of ${domain}`} />
      ) : (
        <MailboxTable table={table} caption={`Mailboxes of ${domain}`} />
      )}
      {rows.some((row) => row.displayName === null) ? (
        <p className="text-xs text-muted">Display names: {DISPLAY_NAME_UNKNOWN}</p>
      ) : null}
      {forwardingProblem ? (
        <Alert tone="warning" title="Forwarding could not be read">
          <p>
            {forwardingProblem}{" "}
            {forwards
              ? "The forwarding shown is from the last good read and may be out of date."
              : "The list shows \u201cCould not be read\u201d rather than guessing that a mailbox does not forward."}
          </p>
          <Button
            variant="secondary"
            size="sm"
            className="mt-2"
            disabled={rereading}
            onClick={() => void (forwardingQuery.isError ? forwardingQuery.refetch() : rereadDomain())}
          >
            <RefreshCw aria-hidden="true" className="size-4" />
            Read forwarding again
          </Button>
        </Alert>
      ) : null}
      <ForwardingAddresses
        domain={domain}
        rows={forwardOnly}
        state={forwards ? "known" : forwardingFailed ? "failed" : "loading"}
        manage={manage}
        onChange={(row) => openForwarding(row, null)}
        onRemove={(row) => openForwarding(row, null, "remove")}
      />

      {create ? (
        <>
          {createUsed ? (
            <CreateMailboxesDialog
              open={createOpen}
              onClose={() => setCreateOpen(false)}
              domain={domain}
              paks={paks}
              allowed={capabilities}
              existingNames={existingNames}
              draft={createDraft}
              onDraftChange={setCreateDraft}
              onSubmit={(bundleId, mailboxes) => {
                setCreateOpen(false);
                setCreateDraft({ bundleId, rows: [] });
                void operations.createMailboxes(bundleId, mailboxes);
              }}
            />
          ) : null}
          {importUsed ? (
            <CsvImportDialog
              open={importOpen}
              onClose={() => setImportOpen(false)}
              domain={domain}
              paks={paks}
              existingNames={existingNames}
              onSubmit={(bundleId, mailboxes, fileName) => {
                setImportOpen(false);
                void operations.createMailboxes(bundleId, mailboxes, fileName);
              }}
            />
          ) : null}
        </>
      ) : null}
      {manage ? (
        <>
          {resetUsed ? (
            <ResetPasswordDialog
              domain={domain}
              mailbox={resetFor}
              initialPassword={resetPassword}
              onClose={closeReset}
              onSubmit={(mailbox, password) =>
                operations.resetPasswords(
                  [{ userName: mailbox.userName, password }],
                  () => resetShownFor.current !== mailbox.userName.toLowerCase(),
                )
              }
            />
          ) : null}
          {forwardingUsed ? (
            <ForwardingDialog
              domain={domain}
              mailbox={forwardingFor}
              intent={forwardingIntent}
              initialDraft={forwardingDraft}
              onClose={() => setForwardingFor(null)}
              onSubmit={(mailbox, forwardTo, keepCopy) =>
                operations.setForwarding(mailbox, forwardTo, keepCopy, forwardOf(mailbox))
              }
              onRemove={(mailbox, forwardTo) => operations.removeForwarding(mailbox, forwardTo)}
            />
          ) : null}
          {deleteUsed ? (
            <DeleteMailboxesDialog
              mailboxes={deleteTargets}
              onClose={() => setDeleteTargets([])}
              onConfirm={(mailboxes) => {
                setDeleteTargets([]);
                table.resetRowSelection();
                void operations.deleteMailboxes(mailboxes);
              }}
            />
          ) : null}
          {displayNameUsed ? (
            <DisplayNameDialog
              domain={domain}
              mailbox={displayNameFor}
              serviceName={capabilities.serviceName}
              onClose={() => setDisplayNameFor(null)}
            />
          ) : null}
          {bulkResetUsed ? (
            <BulkResetDialog
              mailboxes={bulkResetTargets}
              onClose={() => setBulkResetTargets([])}
              onConfirm={(mailboxes) => {
                setBulkResetTargets([]);
                void operations.resetPasswords(
                  mailboxes.map((mailbox) => ({
                    userName: mailbox.userName,
                    password: generateMailboxPassword({ userName: mailbox.userName, domain }),
                  })),
                  () => true,
                );
              }}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function GridSkeleton({ domain }: { domain: string }) {
  return (
    <section aria-label={`Mailboxes of ${domain}`} aria-busy="true" className="flex flex-col gap-3">
      <p className="sr-only" role="status">
        Loading the mailboxes…
      </p>
      <Skeleton className="h-10 w-full max-w-xl" />
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} className="h-9 w-full" />
      ))}
    </section>
  );
}
