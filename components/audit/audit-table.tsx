import type { MouseEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { AuditListRow } from "@/lib/audit";
import { cn } from "@/lib/utils";
import {
  actionLabel,
  actorLabel,
  formatUtc,
  OUTCOME_LABELS,
  OUTCOME_TONES,
  roleLabel,
  roleTone,
  targetOf,
} from "./audit-model";

export interface AuditEntryLinks {
  /** The URL of the page with this entry's details open. */
  hrefOf: (id: number) => string;
  /** Opens the details in place; a click with a modifier key is left to the browser (new tab). */
  onOpen: (event: MouseEvent<HTMLElement>, id: number) => void;
  /** The entry whose details are open. */
  openId: number | undefined;
}

/**
 * Audit entries one line each (wide screens): a fixed layout so that long emails, domains and
 * summaries are cut short with an ellipsis (the whole text in their title and in the details)
 * instead of wrapping a few characters per line.
 */
export function AuditTable({
  entries,
  hrefOf,
  onOpen,
  openId,
}: { entries: AuditListRow[] } & AuditEntryLinks) {
  return (
    <Table caption="Audit log entries, newest first" className="table-fixed">
      <colgroup>
        <col className="w-[11rem]" />
        <col className="w-[17%]" />
        <col className="w-[16%]" />
        <col className="w-[18%]" />
        <col className="w-[7.5rem]" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <Th>When (UTC)</Th>
          <Th>Who</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Outcome</Th>
          <Th>Summary</Th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const target = targetOf(entry);
          const actor = actorLabel(entry);
          return (
            <tr
              key={entry.id}
              // The whole row opens the details for a mouse; the summary's link does for a keyboard.
              onClick={(event) => {
                if ((event.target as HTMLElement).closest("a, button")) return;
                onOpen(event, entry.id);
              }}
              aria-current={openId === entry.id ? "true" : undefined}
              className={cn(
                "cursor-pointer hover:bg-raised/60",
                openId === entry.id && "bg-accent-soft hover:bg-accent-soft",
              )}
            >
              <Td className="whitespace-nowrap tabular-nums">
                <time dateTime={entry.at.toISOString()}>{formatUtc(entry.at)}</time>
              </Td>
              <Td>
                <div className="flex min-w-0 items-center gap-2">
                  <span className="min-w-0 truncate" title={entry.actorEmail}>
                    {actor}
                  </span>
                  <Badge tone={roleTone(entry.actorRole)} className="shrink-0">
                    {roleLabel(entry.actorRole)}
                  </Badge>
                </div>
              </Td>
              <Td>
                <span className="block truncate" title={entry.action}>
                  {actionLabel(entry.action)}
                </span>
              </Td>
              <Td>
                {target ? (
                  <span className="block truncate" title={target.label}>
                    {target.label}
                  </span>
                ) : (
                  <None />
                )}
              </Td>
              <Td>
                <Badge tone={OUTCOME_TONES[entry.outcome]}>{OUTCOME_LABELS[entry.outcome]}</Badge>
              </Td>
              <Td>
                <a
                  href={hrefOf(entry.id)}
                  onClick={(event) => onOpen(event, entry.id)}
                  title={entry.summary}
                  className="block truncate text-fg underline-offset-2 hover:underline"
                >
                  {entry.summary}
                </a>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

export function None() {
  return (
    <>
      <span aria-hidden="true" className="text-muted">
        —
      </span>
      <span className="sr-only">None</span>
    </>
  );
}
