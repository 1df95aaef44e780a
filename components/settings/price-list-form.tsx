"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { savePriceListAction } from "@/lib/actions/pricing";
import type { ActionResult } from "@/lib/actions/result";
import { formatUsd } from "@/lib/format";
import { CAPACITIES_GB, type PriceList } from "@/lib/pricing/price-list";
import { cn } from "@/lib/utils";

/**
 * The reseller's price list: for each product, what the provider debits from the account balance
 * (cost) and what the reseller charges its customers (retail), in dollars, with the margin of
 * each line. Stored in whole cents.
 */

type Side = "cost" | "retail";

interface PriceLine {
  /** Path below cost/retail, e.g. "mailbox.year.5". */
  path: string;
  label: string;
}

const LINES: { heading: string; lines: PriceLine[] }[] = [
  {
    heading: "Mailboxes billed yearly (per mailbox, per year)",
    lines: CAPACITIES_GB.map((gb) => ({ path: `mailbox.year.${gb}`, label: `${gb} GB mailbox` })),
  },
  {
    heading: "Mailboxes billed monthly (per mailbox, per month)",
    lines: CAPACITIES_GB.map((gb) => ({ path: `mailbox.month.${gb}`, label: `${gb} GB mailbox` })),
  },
  {
    heading: "Extra storage (per 512 MB unit, per mailbox)",
    lines: [
      { path: "storageUnit.year", label: "512 MB, per year" },
      { path: "storageUnit.month", label: "512 MB, per month" },
    ],
  },
];

const MAX_DOLLARS = 1_000_000;
const DOLLARS = /^\d{1,7}(?:\.\d{1,2})?$/;

function readCents(list: PriceList, side: Side, path: string): number {
  let value: unknown = list[side];
  for (const part of path.split(".")) value = (value as Record<string, unknown>)[part];
  return typeof value === "number" ? value : 0;
}

function writeCents(list: PriceList, side: Side, path: string, cents: number): void {
  const parts = path.split(".");
  let target = list[side] as unknown as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) target = target[part] as Record<string, unknown>;
  target[parts.at(-1) ?? ""] = cents;
}

const dollarsOf = (cents: number) => (cents / 100).toFixed(2);

/** "12", "12.5", "$1,200.00" → cents; null when it is not an amount. */
function centsOf(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, "").replace(/,/g, "");
  if (!DOLLARS.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

export function PriceListForm({ initial }: { initial: PriceList }) {
  const [values, setValues] = useState<Record<string, string>>(() => {
    const entries: Record<string, string> = {};
    for (const group of LINES)
      for (const line of group.lines)
        for (const side of ["cost", "retail"] as const)
          entries[`${side}.${line.path}`] = dollarsOf(readCents(initial, side, line.path));
    return entries;
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<ActionResult<unknown> | undefined>();
  const [saving, startSaving] = useTransition();

  const problemOf = (text: string): string | null => {
    if (text.trim() === "") return "Enter an amount, such as 4.50.";
    const cents = centsOf(text);
    if (cents === null) return "Enter an amount in dollars with at most two decimals, such as 4.50.";
    if (cents > MAX_DOLLARS * 100) return `Enter at most ${formatUsd({ cents: MAX_DOLLARS * 100 })}.`;
    return null;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const list = structuredClone(initial);
    for (const [name, text] of Object.entries(values)) {
      const problem = problemOf(text);
      if (problem) found[name] = problem;
      else {
        const [side, ...rest] = name.split(".");
        writeCents(list, side as Side, rest.join("."), centsOf(text) ?? 0);
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setState({ ok: false, message: "Please correct the highlighted prices; nothing was saved." });
      return;
    }
    startSaving(async () => {
      const result = await savePriceListAction(list);
      setState(result.ok ? { ...result, message: result.message ?? "Prices saved." } : result);
      if (!result.ok && result.fieldErrors) {
        const fromServer: Record<string, string> = {};
        for (const [path, messages] of Object.entries(result.fieldErrors))
          if (messages?.[0]) fromServer[path] = messages[0];
        setErrors(fromServer);
      }
      if (result.ok)
        setValues((current) => {
          const next = { ...current };
          for (const name of Object.keys(next)) {
            const [side, ...rest] = name.split(".");
            next[name] = dollarsOf(readCents(result.data, side as Side, rest.join(".")));
          }
          return next;
        });
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Price list" className="flex flex-col gap-6">
      <FormMessage state={state} />
      {LINES.map((group) => (
        <div
          key={group.heading}
          className="overflow-x-auto rounded-lg border border-line bg-surface shadow-sm"
        >
          <table className="w-full min-w-[34rem] table-fixed text-sm">
            <caption className="border-b border-line px-4 py-3 text-left font-semibold">
              {group.heading}
            </caption>
            {/* The same columns in every group, so the three tables line up. */}
            <colgroup>
              <col className="w-[28%]" />
              <col className="w-[26%]" />
              <col className="w-[26%]" />
              <col className="w-[20%]" />
            </colgroup>
            <thead className="bg-raised text-left text-xs text-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Product
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Cost <span className="font-normal">(debited from your account)</span>
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Your price <span className="font-normal">(retail)</span>
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Margin
                </th>
              </tr>
            </thead>
            <tbody>
              {group.lines.map((line) => {
                const cost = centsOf(values[`cost.${line.path}`] ?? "");
                const retail = centsOf(values[`retail.${line.path}`] ?? "");
                const margin = cost !== null && retail !== null ? retail - cost : null;
                const what = `${line.label}${group.heading.includes("monthly") ? ", per month" : group.heading.includes("yearly") ? ", per year" : ""}`;
                return (
                  <tr key={line.path} className="border-t border-line align-top">
                    <th scope="row" className="px-4 py-4 text-left font-medium">
                      {line.label}
                    </th>
                    {(["cost", "retail"] as const).map((side) => {
                      const name = `${side}.${line.path}`;
                      const error = errors[name];
                      return (
                        <td key={side} className="px-4 py-2">
                          <div className="relative">
                            <span aria-hidden="true" className="absolute top-2 left-3 text-muted">
                              $
                            </span>
                            <input
                              name={name}
                              inputMode="decimal"
                              autoComplete="off"
                              aria-label={`${side === "cost" ? "Cost" : "Your price"}: ${what}`}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={error ? `${name}-error` : undefined}
                              value={values[name] ?? ""}
                              onChange={(event) => {
                                const text = event.target.value;
                                setValues((current) => ({ ...current, [name]: text }));
                                setErrors((current) => {
                                  if (!current[name]) return current;
                                  const next = { ...current };
                                  delete next[name];
                                  return next;
                                });
                              }}
                              className="block w-28 rounded-md border border-line bg-surface py-2 pr-3 pl-6 text-sm tabular-nums aria-[invalid=true]:border-danger"
                            />
                          </div>
                          {error ? (
                            <p id={`${name}-error`} className="mt-1 max-w-48 text-xs font-medium text-danger">
                              {error}
                            </p>
                          ) : null}
                        </td>
                      );
                    })}
                    <td
                      className={cn(
                        "px-4 py-3 text-right tabular-nums",
                        margin !== null && margin < 0 ? "font-medium text-danger" : "",
                      )}
                    >
                      {margin === null ? "—" : formatUsd({ cents: margin })}
                      {margin !== null && margin < 0 ? (
                        <span className="block text-xs">Below cost</span>
                      ) : null}
                      {margin !== null && margin >= 0 && cost ? (
                        <span className="block text-xs text-muted">
                          {Math.round((margin / cost) * 100)}% on cost
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
      <div>
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save prices"}
        </Button>
      </div>
    </form>
  );
}
