import { Badge } from "@/components/ui/badge";
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
import type { AuditEntryLinks } from "./audit-table";

/** Audit entries as cards, for phones and narrow windows: the same facts as the table's row. */
export function AuditCards({
  entries,
  hrefOf,
  onOpen,
  openId,
}: { entries: AuditListRow[] } & AuditEntryLinks) {
  return (
    <ul aria-label="Audit log entries, newest first" className="flex flex-col gap-2">
      {entries.map((entry) => {
        const target = targetOf(entry);
        return (
          <li
            key={entry.id}
            aria-current={openId === entry.id ? "true" : undefined}
            className={cn(
              "min-w-0 rounded-lg border border-line bg-surface p-3 text-sm",
              openId === entry.id && "border-accent bg-accent-soft",
            )}
          >
            <div className="flex items-center justify-between gap-2">
              <time dateTime={entry.at.toISOString()} className="text-xs text-muted tabular-nums">
                {formatUtc(entry.at)} UTC
              </time>
              <Badge tone={OUTCOME_TONES[entry.outcome]}>{OUTCOME_LABELS[entry.outcome]}</Badge>
            </div>
            <p className="mt-1 font-medium">
              <a
                href={hrefOf(entry.id)}
                onClick={(event) => onOpen(event, entry.id)}
                className="underline decoration-line underline-offset-2 hover:decoration-accent"
              >
                {actionLabel(entry.action)}
              </a>
            </p>
            {target ? (
              <p className="truncate text-muted" title={target.label}>
                {target.label}
              </p>
            ) : null}
            <p className="mt-1 line-clamp-2 break-words">{entry.summary}</p>
            <div className="mt-2 flex min-w-0 items-center gap-2 text-xs">
              <span className="min-w-0 truncate" title={entry.actorEmail}>
                {actorLabel(entry)}
              </span>
              <Badge tone={roleTone(entry.actorRole)} className="shrink-0">
                {roleLabel(entry.actorRole)}
              </Badge>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
