"use client";

import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnFiltersState,
  type FilterFn,
  type RowSelectionState,
  type SortingState,
  type Table as TanstackTable,
} from "@tanstack/react-table";
import {
  ArrowDown,
  ArrowUp,
  ArrowUpDown,
  Forward,
  KeyRound,
  Loader2,
  PenLine,
  Smartphone,
  Trash2,
} from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { StorageBar } from "@/components/domains/usage-bar";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { ScrollFrame } from "@/components/ui/scroll-frame";
import type { MailboxView, PakView } from "@/lib/domains/types";
import { cn } from "@/lib/utils";
import { deleteBlocker, EXPIRED_ADMIN_CHANGE, isNearlyFull } from "@/lib/validation/mailbox-rules";
import { pakName } from "./paks";

/**
 * The grid itself (@tanstack/react-table): sortable by every column, filtered by text, role and
 * pak, rows selected with native checkboxes (Space), everything reachable with Tab. The actions
 * per row are plain buttons named after the mailbox, so a screen reader says what each one does.
 * On a phone the same table instance is shown as cards (mailbox-cards.tsx), which reuse the
 * controls exported here, so selection, sorting and filters are one state for both.
 */

/**
 * A mailbox's forwarding as the grid knows it: read apart from the mailboxes (GetPOPForwarding),
 * so it may still be loading or have failed; neither is ever shown as "no forwarding".
 */
export type ForwardingState =
  { state: "loading" } | { state: "failed" } | { state: "known"; forwardTo: string | null; active: boolean };

export interface GridRow extends MailboxView {
  /** Shown while a change to the row is on its way to eNom ("Saving…", "Creating…"). */
  pending: string | null;
  /** A new mailbox not yet confirmed by eNom. */
  ghost: boolean;
  /** Its pak has expired: eNom takes only password changes. */
  pakExpired: boolean;
  forwarding: ForwardingState;
}

export type RoleFilter = "all" | "admin" | "regular" | "forwarding" | "nearly-full";

/** The address a row forwards to, when it is known to forward. */
export function forwardOf(row: Pick<GridRow, "forwarding">): string | null {
  return row.forwarding.state === "known" ? row.forwarding.forwardTo : null;
}

/** Why the row's mailbox cannot be deleted through eNom's API, or null. */
export function rowDeleteBlocker(row: Pick<GridRow, "userName" | "pakExpired">): string | null {
  return deleteBlocker(row.userName, row.pakExpired);
}

export const DISPLAY_NAME_UNKNOWN =
  "Not known: the email service does not report display names. The panel knows only the names it gave mailboxes it created.";

export interface RowActions {
  manage: boolean;
  onToggleAdmin: (row: GridRow) => void;
  onResetPassword: (row: GridRow) => void;
  onForwarding: (row: GridRow) => void;
  onDelete: (row: GridRow) => void;
  /** The panel's display name of the mailbox (eNom keeps the one given at creation); absent: no button. */
  onEditDisplayName?: (row: GridRow) => void;
  /** The mailbox's setup page (devices, webmail), for every viewer; absent: no link. */
  setupHref?: (row: GridRow) => string;
  /** The wizard adding storage to a nearly full mailbox's pak, for viewers who may buy; null: no link. */
  addStorageHref?: (row: GridRow) => string | null;
}

const matchesText: FilterFn<GridRow> = (row, _columnId, value: string) => {
  const needle = value.trim().toLowerCase();
  if (!needle) return true;
  const { address, displayName } = row.original;
  return [address, displayName ?? "", forwardOf(row.original) ?? ""].some((text) =>
    text.toLowerCase().includes(needle),
  );
};

const matchesRole: FilterFn<GridRow> = (row, _columnId, value: RoleFilter) => {
  if (value === "admin") return row.original.isAdmin;
  if (value === "regular") return !row.original.isAdmin;
  if (value === "forwarding") return Boolean(forwardOf(row.original));
  if (value === "nearly-full") return isNearlyFull(row.original.quotaUsedMb, row.original.quotaMb);
  return true;
};

const matchesPak: FilterFn<GridRow> = (row, _columnId, value: number | "all") =>
  value === "all" || row.original.bundleId === value;

const column = createColumnHelper<GridRow>();

/**
 * What the cells need that changes from render to render. It travels in the table's `meta`, so
 * the columns stay the same objects: flexRender treats a cell function as a component, and a new
 * one each render would remount the row's checkboxes and buttons and lose the keyboard focus.
 */
export interface GridMeta {
  actions: RowActions;
  pakOf: ReadonlyMap<number, PakView>;
}

export function metaOf(table: TanstackTable<GridRow>): GridMeta {
  const meta = table.options.meta as GridMeta | undefined;
  if (!meta) throw new Error("The mailbox table needs its meta (actions and paks).");
  return meta;
}

function buildColumns(manage: boolean, setup: boolean) {
  return [
    ...(manage
      ? [
          column.display({
            id: "select",
            header: ({ table }) => <SelectAll table={table} />,
            cell: ({ row }) => (
              <input
                type="checkbox"
                className="size-4 accent-[var(--color-accent)]"
                checked={row.getIsSelected()}
                disabled={!row.getCanSelect()}
                onChange={row.getToggleSelectedHandler()}
                aria-label={`Select ${row.original.address}`}
              />
            ),
          }),
        ]
      : []),
    column.accessor("address", {
      header: "Address",
      sortingFn: "text",
      cell: ({ row }) => (
        <span className="flex flex-col gap-0.5">
          <span className="font-medium [overflow-wrap:anywhere]">{row.original.address}</span>
          {row.original.pending ? (
            <span className="inline-flex items-center gap-1 text-xs text-muted">
              <Loader2 aria-hidden="true" className="size-3 animate-spin" />
              {row.original.pending}
            </span>
          ) : null}
        </span>
      ),
    }),
    column.accessor((row) => row.displayName ?? "", {
      id: "displayName",
      header: "Display name",
      sortingFn: "text",
      cell: ({ row }) =>
        row.original.displayName !== null ? (
          row.original.displayName || <span className="text-muted">None</span>
        ) : (
          <span className="text-muted" title={DISPLAY_NAME_UNKNOWN}>
            Not known<span className="sr-only">: the email service does not report display names</span>
          </span>
        ),
    }),
    column.accessor("isAdmin", {
      header: "Administrator",
      filterFn: matchesRole,
      cell: ({ row, table }) =>
        manage ? (
          <AdminSwitch
            row={row.original}
            onToggle={() => metaOf(table).actions.onToggleAdmin(row.original)}
          />
        ) : row.original.isAdmin ? (
          <Badge tone="accent">Administrator</Badge>
        ) : (
          <span className="text-muted">Regular</span>
        ),
    }),
    column.accessor((row) => row.bundleId ?? 0, {
      id: "pak",
      header: "Pak",
      filterFn: matchesPak,
      cell: ({ row, table }) => (
        <span className="flex flex-col items-start gap-0.5 whitespace-nowrap">
          {pakLabel(row.original, metaOf(table).pakOf)}
          {row.original.pakExpired ? <Badge tone="warning">Pak expired</Badge> : null}
        </span>
      ),
    }),
    column.accessor((row) => (row.quotaMb && row.quotaUsedMb !== null ? row.quotaUsedMb / row.quotaMb : -1), {
      id: "storage",
      header: "Storage",
      cell: ({ row, table }) => <StorageCell row={row.original} actions={metaOf(table).actions} />,
    }),
    column.accessor((row) => forwardOf(row) ?? "", {
      id: "forwardTo",
      header: "Forwarding",
      sortingFn: "text",
      cell: ({ row }) => <ForwardingCell forwarding={row.original.forwarding} />,
    }),
    ...(manage || setup
      ? [
          column.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            cell: ({ row, table }) => <RowButtons row={row.original} actions={metaOf(table).actions} />,
          }),
        ]
      : []),
  ];
}

/** The pak a row's mailbox belongs to, by the name the paks panel gives it. */
export function pakLabel(row: Pick<GridRow, "bundleId">, pakOf: GridMeta["pakOf"]): string {
  const pak = row.bundleId === null ? undefined : pakOf.get(row.bundleId);
  return pak ? pakName(pak) : row.bundleId ? `Pak ${row.bundleId}` : "—";
}

export function SelectAll({ table }: { table: TanstackTable<GridRow> }) {
  const ref = useRef<HTMLInputElement>(null);
  const some = table.getIsSomeRowsSelected();
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="size-4 accent-[var(--color-accent)]"
      checked={table.getIsAllRowsSelected()}
      onChange={table.getToggleAllRowsSelectedHandler()}
      aria-label="Select all mailboxes shown"
    />
  );
}

/**
 * Storage used against the quota; a nearly full mailbox also gets "Add storage" (its pak's growth
 * wizard) when the viewer may buy it. Named after the mailbox for screen readers.
 */
export function StorageCell({ row, actions }: { row: GridRow; actions: RowActions }) {
  const href =
    !row.ghost && isNearlyFull(row.quotaUsedMb, row.quotaMb) ? (actions.addStorageHref?.(row) ?? null) : null;
  return (
    <span className="flex flex-col items-start gap-1">
      <StorageBar usedMb={row.quotaUsedMb} quotaMb={row.quotaMb} label={`Storage used by ${row.address}`} />
      {href ? (
        <Link
          href={href}
          // One link per nearly full row: prefetching each would render as many wizards at once.
          prefetch={false}
          className="text-xs font-medium text-accent underline underline-offset-2 hover:no-underline"
        >
          Add storage<span className="sr-only"> for {row.address}</span>
        </Link>
      ) : null}
    </span>
  );
}

export function ForwardingCell({ forwarding }: { forwarding: ForwardingState }) {
  if (forwarding.state === "loading") return <span className="text-muted">Loading…</span>;
  if (forwarding.state === "failed") return <span className="text-warning">Could not be read</span>;
  if (!forwarding.forwardTo) return <span className="text-muted">None</span>;
  return (
    <span className="flex flex-col items-start gap-0.5 break-all">
      {forwarding.forwardTo}
      {forwarding.active ? null : <Badge tone="warning">Not active</Badge>}
    </span>
  );
}

export function AdminSwitch({ row, onToggle }: { row: GridRow; onToggle: () => void }) {
  const disabled = Boolean(row.pending) || row.ghost || row.pakExpired;
  return (
    <button
      type="button"
      role="switch"
      aria-checked={row.isAdmin}
      aria-label={`Administrator: ${row.address}`}
      title={row.pakExpired ? EXPIRED_ADMIN_CHANGE : undefined}
      disabled={disabled}
      onClick={onToggle}
      className="group inline-flex items-center gap-2 rounded-full disabled:cursor-not-allowed disabled:opacity-60"
    >
      <span
        aria-hidden="true"
        className={cn(
          "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full border transition-colors",
          row.isAdmin ? "border-accent bg-accent" : "border-line bg-raised",
        )}
      >
        <span
          className={cn(
            "absolute size-4 rounded-full bg-surface shadow transition-transform",
            row.isAdmin ? "translate-x-4" : "translate-x-0.5",
          )}
        />
      </span>
      <span className="text-sm">{row.isAdmin ? "Yes" : "No"}</span>
    </button>
  );
}

/**
 * Each button is named after what it does to which mailbox. In the table they are icons, which
 * keep the row narrow (and titled); on a card (`withText`) the verb is shown and the mailbox stays
 * for screen readers, so both say the same name. Delete stays reachable for a mailbox eNom's API
 * cannot delete: its title says why, and the dialog explains it instead of offering to delete.
 */
export function RowButtons({
  row,
  actions,
  withText = false,
}: {
  row: GridRow;
  actions: RowActions;
  withText?: boolean;
}) {
  const disabled = Boolean(row.pending) || row.ghost;
  const blocker = rowDeleteBlocker(row);
  // A mailbox eNom has not confirmed yet has no setup to show.
  const setupHref = row.ghost ? null : (actions.setupHref?.(row) ?? null);
  const buttons = !actions.manage
    ? []
    : [
        ...(actions.onEditDisplayName
          ? [
              {
                verb: "Display name",
                rest: ` of ${row.address}`,
                icon: PenLine,
                run: actions.onEditDisplayName,
                danger: false,
                note: null,
              },
            ]
          : []),
        { verb: "New password", rest: ` for ${row.address}`, icon: KeyRound, run: actions.onResetPassword },
        { verb: "Forwarding", rest: ` of ${row.address}`, icon: Forward, run: actions.onForwarding },
        {
          verb: "Delete",
          rest: ` ${row.address}`,
          icon: Trash2,
          run: actions.onDelete,
          danger: !blocker,
          note: blocker,
        },
      ];
  return (
    <span className={cn("flex gap-1", withText ? "flex-wrap" : "justify-end")}>
      {setupHref ? (
        <Link
          href={setupHref}
          // One per mailbox: prefetching every setup page (each with its QR code) would load the server.
          prefetch={false}
          title={withText ? undefined : `Set up devices for ${row.address}`}
          className={buttonClasses(withText ? "secondary" : "ghost", "sm", withText ? "px-2.5" : "px-2")}
        >
          <Smartphone aria-hidden="true" className="size-4" />
          {withText ? (
            <span>
              Set up devices<span className="sr-only"> for {row.address}</span>
            </span>
          ) : (
            <span className="sr-only">Set up devices for {row.address}</span>
          )}
        </Link>
      ) : null}
      {buttons.map(({ verb, rest, icon: Icon, run, danger = false, note }) => {
        const label = verb + rest;
        return (
          <Button
            key={verb}
            variant={withText ? "secondary" : "ghost"}
            size="sm"
            disabled={disabled}
            onClick={() => run(row)}
            title={note ? `${label}: not possible. ${note}` : withText ? undefined : label}
            className={cn(withText ? "px-2.5" : "px-2", danger && "text-danger", note && "text-muted")}
          >
            <Icon aria-hidden="true" className="size-4" />
            {withText ? (
              <span>
                {verb}
                <span className="sr-only">{rest}</span>
              </span>
            ) : (
              <span className="sr-only">{label}</span>
            )}
          </Button>
        );
      })}
    </span>
  );
}

export interface GridFilters {
  text: string;
  role: RoleFilter;
  pak: number | "all";
}

/** The table's state and instance; the grid uses it for the toolbar, the bulk bar and the export. */
export function useMailboxTable(
  rows: GridRow[],
  paks: readonly PakView[],
  actions: RowActions,
  filters: GridFilters,
) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "address", desc: false }]);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const setup = Boolean(actions.setupHref);
  const columns = useMemo(() => buildColumns(actions.manage, setup), [actions.manage, setup]);
  const pakOf = useMemo(() => new Map(paks.map((pak) => [pak.bundleId, pak])), [paks]);
  const columnFilters: ColumnFiltersState = [
    ...(filters.role === "all" ? [] : [{ id: "isAdmin", value: filters.role }]),
    ...(filters.pak === "all" ? [] : [{ id: "pak", value: filters.pak }]),
  ];
  // eslint-disable-next-line react-hooks/incompatible-library -- the table is rebuilt each render on purpose; nothing memoises it.
  return useReactTable({
    data: rows,
    columns,
    meta: { actions, pakOf } satisfies GridMeta,
    // One pak: its column would repeat the same name on every row (the heading names the pak).
    state: {
      sorting,
      rowSelection,
      globalFilter: filters.text,
      columnFilters,
      columnVisibility: { pak: paks.length > 1 },
    },
    onSortingChange: setSorting,
    onRowSelectionChange: setRowSelection,
    getRowId: (row) => row.userName.toLowerCase(),
    // No pages or expanded rows here; left on, tanstack would reset its state on every new data
    // array and re-render without end.
    autoResetAll: false,
    enableRowSelection: (row) => !row.original.ghost && !row.original.pending,
    globalFilterFn: matchesText,
    getColumnCanGlobalFilter: () => true,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
}

export function MailboxTable({ table, caption }: { table: TanstackTable<GridRow>; caption: string }) {
  const rows = table.getRowModel().rows;
  // Its checkboxes and sort buttons take the focus, so the frame itself need not.
  return (
    <ScrollFrame focusable={false}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort() && header.column.id !== "select";
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      sorted === "asc"
                        ? "ascending"
                        : sorted === "desc"
                          ? "descending"
                          : canSort
                            ? "none"
                            : undefined
                    }
                    className={cn(
                      "border-b border-line bg-raised px-3 py-2 font-semibold whitespace-nowrap",
                      header.column.id === "select" && "w-10",
                    )}
                  >
                    {canSort && !header.isPlaceholder ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        // At least 24 px tall: a touch target on its own (WCAG 2.5.8).
                        className="inline-flex min-h-6 items-center gap-1 rounded-md hover:text-accent"
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        {sorted === "asc" ? (
                          <ArrowUp aria-hidden="true" className="size-3.5" />
                        ) : sorted === "desc" ? (
                          <ArrowDown aria-hidden="true" className="size-3.5" />
                        ) : (
                          <ArrowUpDown aria-hidden="true" className="size-3.5 text-muted" />
                        )}
                      </button>
                    ) : header.isPlaceholder ? null : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={table.getVisibleLeafColumns().length} className="px-3 py-6 text-center text-muted">
                No mailbox matches the filter.
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr
                key={row.id}
                aria-busy={Boolean(row.original.pending) || undefined}
                className={cn(row.original.pending && "bg-raised", row.getIsSelected() && "bg-accent-soft")}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="border-b border-line px-3 py-2 align-top">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </ScrollFrame>
  );
}
