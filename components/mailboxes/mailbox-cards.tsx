"use client";

import type { Row, SortingState, Table as TanstackTable } from "@tanstack/react-table";
import { Loader2 } from "lucide-react";
import { useSyncExternalStore } from "react";
import { Badge } from "@/components/ui/badge";
import { SelectField } from "@/components/ui/field";
import { cn } from "@/lib/utils";
import {
  AdminSwitch,
  DISPLAY_NAME_UNKNOWN,
  ForwardingCell,
  metaOf,
  pakLabel,
  RowButtons,
  SelectAll,
  StorageCell,
  type GridRow,
} from "./mailbox-table";

/**
 * The mailbox grid on a phone: one card per mailbox, drawn from the very table instance the
 * wide screen uses (useMailboxTable), so a checkbox ticked here is the row selected there, and
 * the filters, the order and the bulk bar apply to both.
 */

/** Tailwind's `sm` breakpoint (40rem): below it the grid shows cards. */
const WIDE_ENOUGH_FOR_TABLE = "(min-width: 40rem)";

function subscribeToWidth(onChange: () => void) {
  const query = window.matchMedia(WIDE_ENOUGH_FOR_TABLE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Whether the screen is narrower than `sm`. Only one of table and cards is in the page, so names
 * and ids stay unique; the server and the first (hydrating) render say "no", the table, and the
 * browser switches to cards right after on a phone.
 */
export function usePhoneWidth(): boolean {
  return useSyncExternalStore(
    subscribeToWidth,
    () => !window.matchMedia(WIDE_ENOUGH_FOR_TABLE).matches,
    () => false,
  );
}

/** An address cut at its "@", so a line may break there and nowhere else if it can. */
export function splitAddress(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf("@");
  return at <= 0
    ? { local: address, domain: "" }
    : { local: address.slice(0, at), domain: address.slice(at) };
}

/**
 * The orders the cards offer: the table's sortable columns, both ways. They name the table's
 * column ids, so the order chosen on one survives a turn of the phone into the other.
 */
export const CARD_SORTS = [
  { value: "address:asc", label: "Address, A to Z" },
  { value: "address:desc", label: "Address, Z to A" },
  { value: "displayName:asc", label: "Display name, A to Z" },
  { value: "displayName:desc", label: "Display name, Z to A" },
  { value: "isAdmin:desc", label: "Administrators first" },
  { value: "isAdmin:asc", label: "Regular users first" },
  { value: "storage:desc", label: "Storage, fullest first" },
  { value: "storage:asc", label: "Storage, emptiest first" },
  { value: "forwardTo:asc", label: "Forwarding, A to Z" },
  { value: "forwardTo:desc", label: "Forwarding, Z to A" },
  { value: "pak:asc", label: "Pak, first to last" },
  { value: "pak:desc", label: "Pak, last to first" },
] as const;
const UNSORTED = "none";

/** The select's value for the table's order ("none" once the table's third click removed it). */
export function sortChoice(sorting: SortingState): string {
  const first = sorting[0];
  return first ? `${first.id}:${first.desc ? "desc" : "asc"}` : UNSORTED;
}

/** The table's order for a value of the select. */
export function sortingOf(choice: string): SortingState {
  const [id, direction] = choice.split(":");
  return id && id !== UNSORTED && (direction === "asc" || direction === "desc")
    ? [{ id, desc: direction === "desc" }]
    : [];
}

export function MailboxCards({ table, label }: { table: TanstackTable<GridRow>; label: string }) {
  const { actions } = metaOf(table);
  const rows = table.getRowModel().rows;
  const showPak = table.getColumn("pak")?.getIsVisible() ?? false;
  const sorts = CARD_SORTS.filter((sort) => showPak || !sort.value.startsWith("pak:"));
  const current = sortChoice(table.getState().sorting);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        {actions.manage && rows.length > 0 ? (
          <label className="inline-flex h-10 items-center gap-2 text-sm font-medium">
            <SelectAll table={table} />
            Select all
          </label>
        ) : null}
        <SelectField
          label="Sort by"
          value={current}
          onChange={(event) => table.setSorting(sortingOf(event.target.value))}
          className="ml-auto w-52"
        >
          {current === UNSORTED ? <option value={UNSORTED}>As the email service lists them</option> : null}
          {sorts.map((sort) => (
            <option key={sort.value} value={sort.value}>
              {sort.label}
            </option>
          ))}
        </SelectField>
      </div>
      <ul aria-label={label} className="flex flex-col gap-2">
        {rows.length === 0 ? (
          <li className="rounded-md border border-line px-3 py-6 text-center text-sm text-muted">
            No mailbox matches the filter.
          </li>
        ) : (
          rows.map((row) => (
            <li key={row.id}>
              <MailboxCard row={row} table={table} showPak={showPak} />
            </li>
          ))
        )}
      </ul>
    </div>
  );
}

function MailboxCard({
  row,
  table,
  showPak,
}: {
  row: Row<GridRow>;
  table: TanstackTable<GridRow>;
  showPak: boolean;
}) {
  const { actions, pakOf } = metaOf(table);
  const mailbox = row.original;
  const selected = row.getIsSelected();
  return (
    <article
      // The address as one word: the heading breaks it in two lines (and names) on narrow screens.
      aria-label={mailbox.address}
      aria-busy={Boolean(mailbox.pending) || undefined}
      className={cn(
        "relative flex flex-col gap-3 rounded-md border border-line bg-surface p-3",
        mailbox.pending && "bg-raised",
        selected && "border-accent/60 bg-accent-soft",
      )}
    >
      <div className="flex items-start gap-3">
        {actions.manage ? (
          <input
            type="checkbox"
            className="mt-0.5 size-4 shrink-0 accent-[var(--color-accent)]"
            checked={selected}
            disabled={!row.getCanSelect()}
            onChange={row.getToggleSelectedHandler()}
            aria-label={`Select ${mailbox.address}`}
          />
        ) : null}
        <div className="flex min-w-0 flex-1 flex-col gap-0.5">
          <h3 className="text-sm font-semibold">
            <CardAddress address={mailbox.address} />
          </h3>
          <CardDisplayName displayName={mailbox.displayName} />
          {mailbox.pending ? (
            <span className="inline-flex items-center gap-1 text-xs text-muted">
              <Loader2 aria-hidden="true" className="size-3 animate-spin" />
              {mailbox.pending}
            </span>
          ) : null}
        </div>
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-2 text-sm">
        <dt className="text-muted">Administrator</dt>
        <dd className="min-w-0">
          {actions.manage ? (
            <AdminSwitch row={mailbox} onToggle={() => actions.onToggleAdmin(mailbox)} />
          ) : mailbox.isAdmin ? (
            <Badge tone="accent">Administrator</Badge>
          ) : (
            <span className="text-muted">Regular</span>
          )}
        </dd>
        {showPak || mailbox.pakExpired ? (
          <>
            <dt className="text-muted">Pak</dt>
            <dd className="flex min-w-0 flex-wrap items-center gap-2">
              {showPak ? pakLabel(mailbox, pakOf) : null}
              {mailbox.pakExpired ? <Badge tone="warning">Pak expired</Badge> : null}
            </dd>
          </>
        ) : null}
        <dt className="text-muted">Storage</dt>
        <dd className="min-w-0">
          <StorageCell row={mailbox} actions={actions} />
        </dd>
        <dt className="self-start text-muted">Forwarding</dt>
        <dd className="min-w-0">
          <ForwardingCell forwarding={mailbox.forwarding} />
        </dd>
      </dl>
      {actions.manage || actions.setupHref ? <RowButtons row={mailbox} actions={actions} withText /> : null}
    </article>
  );
}

/**
 * The address on as few lines as it takes: a break first at the "@"; the name and the domain
 * each break inside only when one alone is wider than the card (a 30-character name of wide
 * letters, a very long domain), never leaving the card wider than a phone.
 */
function CardAddress({ address }: { address: string }) {
  const { local, domain } = splitAddress(address);
  return (
    <>
      <span className="inline-block max-w-full [overflow-wrap:anywhere]">{local}</span>
      <wbr />
      {domain ? <span className="inline-block max-w-full break-all">{domain}</span> : null}
    </>
  );
}

function CardDisplayName({ displayName }: { displayName: string | null }) {
  if (displayName === null)
    return (
      <span className="text-xs text-muted" title={DISPLAY_NAME_UNKNOWN}>
        Display name not known
        <span className="sr-only">: the email service does not report display names</span>
      </span>
    );
  if (!displayName) return <span className="text-xs text-muted">No display name</span>;
  return <span className="text-sm [overflow-wrap:anywhere]">{displayName}</span>;
}
