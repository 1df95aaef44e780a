import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { AuditOutcome, AuditRow } from "@/lib/audit";
import { OUTCOME_LABELS } from "./audit-filters";

const OUTCOME_TONES = { ok: "success", failed: "danger", unknown: "warning" } as const satisfies Record<
  AuditOutcome,
  string
>;

/** Audit entries as the audit page lists them; times in UTC, like the filters. */
export function AuditTable({ entries }: { entries: AuditRow[] }) {
  return (
    <Table caption="Audit log entries, newest first">
      <thead>
        <tr>
          <Th>When (UTC)</Th>
          <Th>Who</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Outcome</Th>
          <Th>Summary</Th>
          <Th>eNom</Th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <Td className="whitespace-nowrap">
              <time dateTime={entry.at.toISOString()}>{formatUtc(entry.at)}</time>
            </Td>
            <Td>
              <p className="break-all">{entry.actorEmail}</p>
              <p className="text-xs text-muted">
                <span className="capitalize">{entry.actorRole}</span>
                {entry.ip ? ` · ${entry.ip}` : null}
              </p>
            </Td>
            <Td>
              <code className="text-xs whitespace-nowrap">{entry.action}</code>
            </Td>
            <Td>
              <Facts
                facts={[
                  ["Domain", entry.domain],
                  ["Pak", entry.pakId],
                  ["Mailbox", entry.mailbox],
                ]}
              />
            </Td>
            <Td>
              <Badge tone={OUTCOME_TONES[entry.outcome]}>{OUTCOME_LABELS[entry.outcome]}</Badge>
            </Td>
            <Td className="min-w-64">{entry.summary}</Td>
            <Td>
              <Facts
                facts={[
                  ["TrackingKey", entry.enomTrackingKey],
                  ["Order", entry.enomOrderId],
                  ["Error", entry.enomError],
                ]}
              />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Labelled values, leaving out the empty ones; a dash when there are none. */
function Facts({ facts }: { facts: Array<[label: string, value: string | null]> }) {
  const present = facts.filter((fact): fact is [string, string] => Boolean(fact[1]));
  if (present.length === 0) {
    return (
      <>
        <span aria-hidden="true" className="text-muted">
          —
        </span>
        <span className="sr-only">None</span>
      </>
    );
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {present.map(([label, value]): ReactNode[] => [
        <dt key={`${label}-label`} className="text-muted">
          {label}
        </dt>,
        <dd key={`${label}-value`} className="break-all">
          {value}
        </dd>,
      ])}
    </dl>
  );
}

function formatUtc(at: Date): string {
  return at.toISOString().slice(0, 19).replace("T", " ");
}
