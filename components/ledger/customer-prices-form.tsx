"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { saveCustomerPricesAction, revertToListPricesAction } from "@/lib/actions/ledger";
import type { ActionResult } from "@/lib/actions/result";
import { formatUsd } from "@/lib/format";
import type { CustomerRetail } from "@/lib/pricing/customer-price-model";
import { CAPACITIES_GB, type Prices } from "@/lib/pricing/price-list";

/**
 * A customer's own retail prices: each price in dollars, or empty to follow the price list (its
 * price is shown beside it). "Use the price list" removes them all.
 */

interface PriceLine {
  /** Path below retail, e.g. "mailbox.year.5". */
  path: string;
  label: string;
}

const GROUPS: { heading: string; lines: PriceLine[] }[] = [
  {
    heading: "Mailboxes billed yearly (per mailbox, per year)",
    lines: CAPACITIES_GB.map((gb) => ({ path: `mailbox.year.${gb}`, label: `${gb} GB mailbox, per year` })),
  },
  {
    heading: "Mailboxes billed monthly (per mailbox, per month)",
    lines: CAPACITIES_GB.map((gb) => ({ path: `mailbox.month.${gb}`, label: `${gb} GB mailbox, per month` })),
  },
  {
    heading: "Extra storage (per 512 MB unit, per mailbox)",
    lines: [
      { path: "storageUnit.year", label: "512 MB, per year" },
      { path: "storageUnit.month", label: "512 MB, per month" },
    ],
  },
];

const DOLLARS = /^\d{1,7}(?:\.\d{1,2})?$/;

function read(source: unknown, path: string): number | null {
  let value: unknown = source;
  for (const part of path.split(".")) value = (value as Record<string, unknown> | null)?.[part];
  return typeof value === "number" ? value : null;
}

function write(target: Record<string, unknown>, path: string, value: number | null): void {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1) ?? ""] = value;
}

function centsOf(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, "").replace(/,/g, "");
  return DOLLARS.test(cleaned) ? Math.round(Number(cleaned) * 100) : null;
}

export function CustomerPricesForm({
  customerId,
  customerName,
  list,
  own,
}: {
  customerId: string;
  customerName: string;
  /** The price list's retail prices. */
  list: Prices;
  /** The customer's own (null: follows the price list). */
  own: CustomerRetail | null;
}) {
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(() => {
    const entries: Record<string, string> = {};
    for (const group of GROUPS)
      for (const line of group.lines) {
        const cents = read(own, line.path);
        entries[line.path] = cents === null ? "" : (cents / 100).toFixed(2);
      }
    return entries;
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<ActionResult<unknown> | undefined>();
  const [pending, start] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const retail: Record<string, unknown> = {};
    for (const [path, text] of Object.entries(values)) {
      if (text.trim() === "") write(retail, path, null);
      else {
        const cents = centsOf(text);
        if (cents === null) found[path] = "Enter an amount in dollars such as 4.50, or leave it empty.";
        else write(retail, path, cents);
      }
    }
    setErrors(found);
    if (Object.keys(found).length) {
      setState({ ok: false, message: "Please correct the highlighted prices; nothing was saved." });
      return;
    }
    start(async () => {
      const result = await saveCustomerPricesAction({ customerId, retail });
      setState(result);
      if (!result.ok && result.fieldErrors) {
        const fromServer: Record<string, string> = {};
        for (const [path, messages] of Object.entries(result.fieldErrors))
          if (messages?.[0]) fromServer[path.replace(/^retail\./, "")] = messages[0];
        setErrors(fromServer);
      }
      if (result.ok) router.refresh();
    });
  };

  const useList = () =>
    start(async () => {
      const result = await revertToListPricesAction({ customerId });
      setState(result);
      if (result.ok) {
        setValues((current) => Object.fromEntries(Object.keys(current).map((path) => [path, ""])));
        router.refresh();
      }
    });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={`Prices of ${customerName}`}
      className="flex flex-col gap-6"
    >
      <FormMessage state={state} />
      {GROUPS.map((group) => (
        <div
          key={group.heading}
          className="overflow-x-auto rounded-lg border border-line bg-surface shadow-sm"
        >
          <table className="w-full min-w-[30rem] table-fixed text-sm">
            <caption className="border-b border-line px-4 py-3 text-left font-semibold">
              {group.heading}
            </caption>
            <thead className="bg-raised text-left text-xs text-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Product
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Price list
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {customerName}&apos;s price{" "}
                  <span className="font-normal">(empty: the price list&apos;s)</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {group.lines.map((line) => {
                const error = errors[line.path];
                const listCents = read(list, line.path) ?? 0;
                return (
                  <tr key={line.path} className="border-t border-line align-top">
                    <th scope="row" className="px-4 py-3 text-left font-medium">
                      {line.label}
                    </th>
                    <td className="px-4 py-3 tabular-nums text-muted">{formatUsd({ cents: listCents })}</td>
                    <td className="px-4 py-2">
                      <div className="relative">
                        <span aria-hidden="true" className="absolute top-2 left-3 text-muted">
                          $
                        </span>
                        <input
                          name={line.path}
                          inputMode="decimal"
                          autoComplete="off"
                          placeholder={(listCents / 100).toFixed(2)}
                          aria-label={`${customerName}'s price: ${line.label}`}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${line.path}-error` : undefined}
                          value={values[line.path] ?? ""}
                          onChange={(event) => {
                            const text = event.target.value;
                            setValues((current) => ({ ...current, [line.path]: text }));
                          }}
                          className="block w-28 rounded-md border border-line bg-surface py-2 pr-3 pl-6 text-sm tabular-nums aria-[invalid=true]:border-danger"
                        />
                      </div>
                      {error ? (
                        <p
                          id={`${line.path}-error`}
                          className="mt-1 max-w-56 text-xs font-medium text-danger"
                        >
                          {error}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save prices"}
        </Button>
        {own ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={useList}>
            Use the price list
          </Button>
        ) : null}
      </div>
    </form>
  );
}
