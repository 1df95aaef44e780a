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
import { ArrowDown, ArrowUp, ArrowUpDown, Forward, KeyRound, Loader2, Trash2 } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { StorageBar } from "@/components/domains/usage-bar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { MailboxView, PakView } from "@/lib/domains/types";
import { cn } from "@/lib/utils";
import { deleteBlocker, EXPIRED_ADMIN_CHANGE, isNearlyFull } from "@/lib/validation/mailbox-rules";
import { pakName } from "./paks";

/**
 * The grid itself (@tanstack/react-table): sortable by every column, filtered by text, role and
 * pak, rows selected with native checkboxes (Space), everything reachable with Tab. The actions
 * per row are plain buttons named after the mailbox, so a screen reader says what each one does.
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
interface GridMeta {
  actions: RowActions;
  pakOf: ReadonlyMap<number, PakView>;
}

function metaOf(table: TanstackTable<GridRow>): GridMeta {
  const meta = table.options.meta as GridMeta | undefined;
  if (!meta) throw new Error("The mailbox table needs its meta (actions and paks).");
  return meta;
}

function buildColumns(manage: boolean) {
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
      cell: ({ row, table }) => {
        const pak =
          row.original.bundleId === null ? undefined : metaOf(table).pakOf.get(row.original.bundleId);
        return (
          <span className="flex flex-col items-start gap-0.5 whitespace-nowrap">
            {pak ? pakName(pak) : row.original.bundleId ? `Pak ${row.original.bundleId}` : "—"}
            {row.original.pakExpired ? <Badge tone="warning">Pak expired</Badge> : null}
          </span>
        );
      },
    }),
    column.accessor((row) => (row.quotaMb && row.quotaUsedMb !== null ? row.quotaUsedMb / row.quotaMb : -1), {
      id: "storage",
      header: "Storage",
      cell: ({ row }) => (
        <StorageBar
          usedMb={row.original.quotaUsedMb}
          quotaMb={row.original.quotaMb}
          label={`Storage used by ${row.original.address}`}
        />
      ),
    }),
    column.accessor((row) => forwardOf(row) ?? "", {
      id: "forwardTo",
      header: "Forwarding",
      sortingFn: "text",
      cell: ({ row }) => <ForwardingCell forwarding={row.original.forwarding} />,
    }),
    ...(manage
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

function SelectAll({ table }: { table: TanstackTable<GridRow> }) {
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

function ForwardingCell({ forwarding }: { forwarding: ForwardingState }) {
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

function AdminSwitch({ row, onToggle }: { row: GridRow; onToggle: () => void }) {
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
 * Icon buttons keep the row narrow; each is named (and titled) after what it does to which
 * mailbox. Delete stays reachable for a mailbox eNom's API cannot delete: its title says why, and
 * the dialog explains it instead of offering to delete.
 */
function RowButtons({ row, actions }: { row: GridRow; actions: RowActions }) {
  const disabled = Boolean(row.pending) || row.ghost;
  const blocker = rowDeleteBlocker(row);
  const buttons = [
    { label: `New password for ${row.address}`, icon: KeyRound, run: actions.onResetPassword, danger: false },
    { label: `Forwarding of ${row.address}`, icon: Forward, run: actions.onForwarding, danger: false },
    { label: `Delete ${row.address}`, icon: Trash2, run: actions.onDelete, danger: !blocker, note: blocker },
  ];
  return (
    <span className="flex justify-end gap-1">
      {buttons.map(({ label, icon: Icon, run, danger, note }) => (
        <Button
          key={label}
          variant="ghost"
          size="sm"
          disabled={disabled}
          onClick={() => run(row)}
          title={note ? `${label}: not possible. ${note}` : label}
          className={cn("px-2", danger && "text-danger", note && "text-muted")}
        >
          <Icon aria-hidden="true" className="size-4" />
          <span className="sr-only">{label}</span>
        </Button>
      ))}
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
  const columns = useMemo(() => buildColumns(actions.manage), [actions.manage]);
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
  // relative: the visually hidden labels inside stay within the scroll box at 375 px.
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
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
                        className="inline-flex items-center gap-1 rounded-md hover:text-accent"
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
    </div>
  );
}
