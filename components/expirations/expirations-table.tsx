"use client";

import { RefreshCw } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { SortableTh } from "@/components/lists/sortable-th";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { setAutoRenewBulkAction } from "@/lib/actions/auto-renew";
import { BULK_AUTO_RENEW_MAX, type BulkAutoRenewItemResult } from "@/lib/expirations/bulk-auto-renew";
import {
  expirationsHref,
  type ExpirationQuery,
  type ExpirationSort,
  type SortDirection,
} from "@/lib/expirations/list";
import type { ExpirationRow } from "@/lib/expirations/model";
import { formatCalendarDate, formatUsd } from "@/lib/format";
import { formatQuota, plural } from "@/components/domains/format";
import { PakAutoRenewSwitch } from "@/components/domains/auto-renew-switch";
import { NotLoadedYet } from "@/components/domains/not-loaded";

const keyOf = (row: { domain: string; bundleId: number }) => `${row.domain}:${row.bundleId}`;

interface BulkOutcome {
  ok: boolean;
  message: string;
  results: BulkAutoRenewItemResult[];
}

/**
 * One page of paks with a checkbox each, and what can be done to the selection: auto-renew on or
 * off for all of them (each pak's own result is listed), or renew them in the renewal wizard.
 * The selection is this page's; moving to another page or filter starts a new one.
 */
export function ExpirationsTable({
  rows,
  query,
  canAutoRenew,
  canRenew,
}: {
  rows: ExpirationRow[];
  query: ExpirationQuery;
  canAutoRenew: boolean;
  canRenew: boolean;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const selectAll = useRef<HTMLInputElement>(null);

  const chosen = rows.filter((row) => selected.has(keyOf(row)));
  const allChosen = rows.length > 0 && chosen.length === rows.length;
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = chosen.length > 0 && !allChosen;
  }, [chosen.length, allChosen]);

  const toggle = (key: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const setAutoRenew = (autoRenew: boolean) => {
    const items = chosen.map((row) => ({ domain: row.domain, bundleId: row.bundleId }));
    setOutcome(null);
    startTransition(async () => {
      try {
        const result = await setAutoRenewBulkAction({ items, autoRenew });
        setOutcome(
          result.ok
            ? {
                ok: result.data.results.every((item) => item.ok),
                message: result.message ?? "",
                results: result.data.results,
              }
            : { ok: false, message: result.message, results: [] },
        );
      } catch {
        setOutcome({
          ok: false,
          message:
            "The panel did not answer, so some changes may not have been made. The table now shows the current state.",
          results: [],
        });
      }
      router.refresh();
    });
  };

  const renewHref = `/renew?items=${chosen.map(keyOf).join(",")}`;
  const sortHref = (sort: ExpirationSort, dir: SortDirection) =>
    expirationsHref(query, { sort, dir, page: 1 });

  return (
    <div>
      <div
        role="region"
        aria-label="Selected paks"
        // Stays in view below the panel's header bar (h-14) while the list scrolls.
        className="sticky top-16 z-10 mb-3 flex flex-wrap items-center gap-2 rounded-lg border border-line bg-surface p-2 shadow-sm sm:p-3"
      >
        <p className="mr-2 text-sm font-medium" aria-live="polite">
          {chosen.length
            ? `${plural(chosen.length, "pak")} selected`
            : "Select paks to act on several at once"}
        </p>
        {canAutoRenew ? (
          <>
            <Button
              size="sm"
              variant="secondary"
              disabled={!chosen.length || pending || chosen.length > BULK_AUTO_RENEW_MAX}
              onClick={() => setAutoRenew(true)}
            >
              Turn auto-renew on
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={!chosen.length || pending || chosen.length > BULK_AUTO_RENEW_MAX}
              onClick={() => setAutoRenew(false)}
            >
              Turn auto-renew off
            </Button>
          </>
        ) : null}
        {canRenew ? (
          chosen.length ? (
            <Link href={renewHref} className={buttonClasses("primary", "sm")}>
              <RefreshCw aria-hidden="true" className="size-4" />
              Renew selected
            </Link>
          ) : (
            <span
              aria-disabled="true"
              className={buttonClasses("primary", "sm", "pointer-events-none opacity-50")}
            >
              <RefreshCw aria-hidden="true" className="size-4" />
              Renew selected
            </span>
          )
        ) : null}
        {chosen.length ? (
          <Button size="sm" variant="ghost" disabled={pending} onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        ) : null}
        {pending ? <span className="text-sm text-muted">Saving…</span> : null}
      </div>

      <div aria-live="polite">{outcome ? <BulkOutcomeReport outcome={outcome} /> : null}</div>

      <Table caption="Paks by expiry, with their renewal cost and auto-renew">
        <thead>
          <tr>
            <Th className="w-10">
              <input
                ref={selectAll}
                type="checkbox"
                aria-label="Select every pak on this page"
                className="size-4 accent-[var(--color-accent)]"
                checked={allChosen}
                onChange={() => setSelected(allChosen ? new Set() : new Set(rows.map(keyOf)))}
              />
            </Th>
            <SortableTh sort="domain" current={query} hrefFor={sortHref}>
              Domain
            </SortableTh>
            <SortableTh sort="customer" current={query} hrefFor={sortHref}>
              Customer
            </SortableTh>
            <SortableTh sort="expiry" current={query} hrefFor={sortHref}>
              Expires
            </SortableTh>
            <Th>Mailboxes</Th>
            <Th>Storage</Th>
            <Th>Renewal cost</Th>
            <Th>Auto-renew</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = keyOf(row);
            return (
              <tr key={key} className={selected.has(key) ? "bg-accent-soft" : undefined}>
                <Td>
                  <input
                    type="checkbox"
                    aria-label={`Select pak ${row.bundleId} of ${row.domain}`}
                    className="size-4 accent-[var(--color-accent)]"
                    checked={selected.has(key)}
                    onChange={() => toggle(key)}
                  />
                </Td>
                <Td className="font-medium whitespace-nowrap">
                  <Link
                    href={`/domains/${encodeURIComponent(row.domain)}`}
                    className="text-accent hover:underline"
                  >
                    {row.domain}
                  </Link>
                  <span className="block text-xs font-normal text-muted tabular-nums">
                    Pak {row.bundleId}
                  </span>
                </Td>
                <Td>
                  {row.customer ? (
                    <Link href={`/customers/${row.customer.id}`} className="hover:underline">
                      {row.customer.name}
                    </Link>
                  ) : (
                    <span className="text-muted">Unassigned</span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  <span className="flex flex-col items-start gap-1">
                    {formatCalendarDate({ iso: row.expires })}
                    <DaysBadge days={row.days} />
                  </span>
                </Td>
                {/* Size, cost and auto-renew come from the pak details (GetPOP3 of the domain). */}
                <Td className="tabular-nums">{row.qtyPurchased ?? notLoaded(row)}</Td>
                <Td className="whitespace-nowrap">
                  {row.quotaMb === null ? notLoaded(row) : formatQuota(row.quotaMb)}
                </Td>
                <Td className="whitespace-nowrap tabular-nums">
                  {row.renewalCents !== null ? (
                    <>
                      {formatUsd({ cents: row.renewalCents })}
                      <span className="text-muted"> / year</span>
                    </>
                  ) : row.details === "loaded" ? (
                    <span className="text-muted">Unknown</span>
                  ) : (
                    notLoaded(row)
                  )}
                </Td>
                <Td>
                  {row.autoRenew === null ? (
                    notLoaded(row)
                  ) : (
                    <PakAutoRenewSwitch
                      domain={row.domain}
                      bundleId={row.bundleId}
                      autoRenew={row.autoRenew}
                      label={`Auto-renew for pak ${row.bundleId} of ${row.domain}`}
                      reread={() => router.refresh()}
                      disabled={!canAutoRenew}
                      sayDone={false}
                    />
                  )}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}

function notLoaded(row: ExpirationRow) {
  return <NotLoadedYet failed={row.details === "failed"} />;
}

function DaysBadge({ days }: { days: number }) {
  if (days < 0)
    return <Badge tone="danger">{days === -1 ? "Expired yesterday" : `Expired ${-days} days ago`}</Badge>;
  if (days === 0) return <Badge tone="warning">Today</Badge>;
  if (days <= 30) return <Badge tone="warning">{days === 1 ? "Tomorrow" : `In ${days} days`}</Badge>;
  if (days <= 90) return <Badge>In {days} days</Badge>;
  return null;
}

function BulkOutcomeReport({ outcome }: { outcome: BulkOutcome }) {
  const problems = outcome.results.filter((item) => !item.ok);
  return (
    <div
      role={outcome.ok ? "status" : "alert"}
      className={
        outcome.ok
          ? "mb-3 rounded-md border border-success/40 bg-success-soft p-3 text-sm"
          : "mb-3 rounded-md border border-danger/40 bg-danger-soft p-3 text-sm"
      }
    >
      <p className="font-medium">{outcome.message}</p>
      {outcome.results.length ? (
        <details className="mt-2" open={problems.length > 0}>
          <summary className="cursor-pointer">Result for each pak</summary>
          <ul className="mt-2 space-y-1">
            {outcome.results.map((item) => (
              <li key={keyOf(item)} className="flex flex-wrap items-center gap-2">
                <Badge tone={item.ok ? "success" : item.outcome === "unknown" ? "warning" : "danger"}>
                  {item.ok ? "Done" : item.outcome === "unknown" ? "Not confirmed" : "Failed"}
                </Badge>
                <span>
                  {item.domain}, pak {item.bundleId}: {item.message}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
