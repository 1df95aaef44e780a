import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import type { AuditListRow } from "@/lib/audit";
import {
  actionLabel,
  detailsJson,
  linksOf,
  OUTCOME_LABELS,
  OUTCOME_TONES,
  roleLabel,
  roleTone,
} from "./audit-model";
import { None } from "./audit-table";

/** Every field of one audit entry, for the details drawer. */
export function AuditEntryDetails({ entry }: { entry: AuditListRow }) {
  const links = linksOf(entry);
  const json = detailsJson(entry.details);
  const command = enomCommandOf(entry.details);
  return (
    <div className="flex flex-col gap-6 text-sm">
      <p className="text-base break-words">{entry.summary}</p>

      <Section title="Entry">
        <Fact label="Number">#{entry.id}</Fact>
        <Fact label="When">
          <time dateTime={entry.at.toISOString()} className="tabular-nums">
            {entry.at.toISOString().replace("T", " ").replace("Z", " UTC")}
          </time>
        </Fact>
        <Fact label="Action">
          {actionLabel(entry.action)} <code className="text-xs text-muted">{entry.action}</code>
        </Fact>
        <Fact label="Outcome">
          <Badge tone={OUTCOME_TONES[entry.outcome]}>{OUTCOME_LABELS[entry.outcome]}</Badge>
        </Fact>
      </Section>

      <Section title="Who">
        <Fact label="Name">{entry.actorName ?? <None />}</Fact>
        <Fact label="Email">{entry.actorEmail}</Fact>
        <Fact label="Role">
          <Badge tone={roleTone(entry.actorRole)}>{roleLabel(entry.actorRole)}</Badge>
        </Fact>
        <Fact label="IP address">{entry.ip || <None />}</Fact>
        <Fact label="Browser">{entry.userAgent || <None />}</Fact>
      </Section>

      <Section title="Target">
        <Fact label="Domain">{entry.domain ?? <None />}</Fact>
        <Fact label="Pak">{entry.pakId ?? <None />}</Fact>
        <Fact label="Mailbox">{entry.mailbox ?? <None />}</Fact>
        <Fact label="Customer">
          {entry.targetCustomerId ? (entry.targetCustomerName ?? "A deleted customer") : <None />}
        </Fact>
        <Fact label="User">
          {entry.targetUserId ? (entry.targetUserEmail ?? "A deleted user") : <None />}
        </Fact>
      </Section>

      <Section title="eNom">
        {command ? <Fact label="Command">{command}</Fact> : null}
        <Fact label="Order id">
          {entry.enomOrderId ? <CopyableValue value={entry.enomOrderId} label="Copy order id" /> : <None />}
        </Fact>
        <Fact label="TrackingKey">
          {entry.enomTrackingKey ? (
            <CopyableValue value={entry.enomTrackingKey} label="Copy TrackingKey" />
          ) : (
            <None />
          )}
        </Fact>
        <Fact label="Error">{entry.enomError ?? <None />}</Fact>
      </Section>

      {links.length ? (
        <nav aria-label="Pages about this entry">
          <h3 className="mb-2 font-semibold">Go to</h3>
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="font-medium text-accent underline underline-offset-2">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <div>
        <h3 id={`audit-details-json-${entry.id}`} className="mb-2 font-semibold">
          Details
        </h3>
        {json ? (
          // Focusable, so that a keyboard can scroll long details.
          <div
            role="region"
            aria-labelledby={`audit-details-json-${entry.id}`}
            tabIndex={0}
            className="max-h-96 overflow-auto rounded-md border border-line bg-raised p-3"
          >
            <pre className="font-mono text-xs whitespace-pre">{json}</pre>
          </div>
        ) : (
          <p className="text-muted">No further details were recorded.</p>
        )}
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h3 className="mb-2 font-semibold">{title}</h3>
      <dl className="grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-4 gap-y-1.5">{children}</dl>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

function CopyableValue({ value, label }: { value: string; label: string }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <code className="font-mono text-xs break-all">{value}</code>
      <CopyButton value={value} label={label} />
    </span>
  );
}

/** The eNom command an entry names in its details, when it recorded one (a read-back does). */
function enomCommandOf(details: Record<string, unknown>): string | null {
  const readBack = details.readBack;
  const candidates = [
    details.command,
    readBack && typeof readBack === "object" ? (readBack as Record<string, unknown>).command : undefined,
  ];
  const found = candidates.find((value): value is string => typeof value === "string" && value.length > 0);
  return found ?? null;
}
