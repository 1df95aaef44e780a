"use client";

import { Loader2 } from "lucide-react";
import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Td, Th } from "@/components/ui/table";
import type { ForwardOnlyRow } from "./forward-only";

/**
 * Addresses of the domain that forward without a mailbox, beside the mailbox grid. Nothing shows
 * while the forwards load or when there are none; a failed read is said (the grid's warning above
 * has the retry), never shown as "none".
 */
export function ForwardingAddresses({
  domain,
  rows,
  state,
  manage,
  onChange,
  onRemove,
}: {
  domain: string;
  rows: readonly ForwardOnlyRow[];
  /** The forwarding read: "failed" only when no earlier read is at hand. */
  state: "loading" | "failed" | "known";
  manage: boolean;
  onChange: (row: ForwardOnlyRow) => void;
  onRemove: (row: ForwardOnlyRow) => void;
}) {
  const headingId = useId();
  if (state === "loading" || (state === "known" && rows.length === 0)) return null;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <div>
        <h3 id={headingId} className="text-sm font-semibold">
          Forwarding addresses
        </h3>
        <p className="text-sm text-muted">
          Addresses of {domain} that have no mailbox: their mail is only sent on to another address.
        </p>
      </div>
      {state === "failed" ? (
        <p className="text-sm text-warning">
          Could not be read: addresses that forward without a mailbox cannot be listed until the forwarding is
          read.
        </p>
      ) : (
        // relative: the visually hidden heading stays within the scroll box at 375 px.
        <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Forwarding addresses of {domain}</caption>
            <thead>
              <tr>
                <Th>Address</Th>
                <Th>Forwards to</Th>
                <Th>Status</Th>
                {manage ? (
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.userName.toLowerCase()}
                  aria-busy={row.pending ? true : undefined}
                  className={row.pending ? "bg-raised" : undefined}
                >
                  <Td>
                    <span className="flex flex-col gap-0.5">
                      <span className="font-medium [overflow-wrap:anywhere]">{row.address}</span>
                      {row.pending ? (
                        <span className="inline-flex items-center gap-1 text-xs text-muted">
                          <Loader2 aria-hidden="true" className="size-3 animate-spin" />
                          {row.pending}
                        </span>
                      ) : null}
                    </span>
                  </Td>
                  <Td className="[overflow-wrap:anywhere]">{row.forwardTo}</Td>
                  <Td>
                    {row.active ? (
                      <Badge tone="success">Active</Badge>
                    ) : (
                      <Badge tone="warning">Not active</Badge>
                    )}
                  </Td>
                  {manage ? (
                    <Td>
                      <span className="flex justify-end gap-1">
                        <Button
                          variant="secondary"
                          size="sm"
                          disabled={Boolean(row.pending)}
                          onClick={() => onChange(row)}
                          aria-label={`Change forwarding of ${row.address}`}
                        >
                          Change
                        </Button>
                        <Button
                          variant="ghost"
                          size="sm"
                          className="text-danger"
                          disabled={Boolean(row.pending)}
                          onClick={() => onRemove(row)}
                          aria-label={`Remove forwarding address ${row.address}`}
                        >
                          Remove
                        </Button>
                      </span>
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
