import type { Metadata } from "next";
import Link from "next/link";
import { Download, ScrollText } from "lucide-react";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditLog } from "@/components/audit/audit-log";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getAuditEntry, listAudit, listAuditActions } from "@/lib/audit";
import { requireStaffPage } from "@/lib/auth/guards";
import {
  auditSearchQuery,
  hasAuditFilters,
  parseAuditSearch,
  type AuditSearchParams,
} from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Audit log" };

const PATH = "/audit";
const PAGE_SIZE = 50;

export default async function AuditPage({ searchParams }: { searchParams: Promise<AuditSearchParams> }) {
  await requireStaffPage("audit.view");
  const { search, filter, beforeId, entryId, errors } = parseAuditSearch(await searchParams);
  // One more than a page, to know whether an "older entries" link leads anywhere.
  const [rows, actions] = await Promise.all([
    listAudit(filter, { limit: PAGE_SIZE + 1, beforeId }),
    listAuditActions(),
  ]);
  const entries = rows.slice(0, PAGE_SIZE);
  const olderBeforeId = rows.length > PAGE_SIZE ? entries.at(-1)?.id : undefined;
  const filtered = hasAuditFilters(search);
  // A link to one entry may name one that is not on this page any more (newer entries came since).
  const onPage = entries.some((entry) => entry.id === entryId);
  const linked = entryId && !onPage ? await getAuditEntry(entryId) : null;
  // The page and the open entry are not fields of the form: they are told about above the list.
  const notices = [
    ...(errors.entry ?? []),
    ...(entryId && !onPage && !linked ? [`There is no audit entry #${entryId}.`] : []),
    ...(errors.before ?? []),
  ];
  const fieldErrors = Object.fromEntries(
    Object.entries(errors).filter(([key]) => key !== "entry" && key !== "before"),
  );

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in Mailpak: who, when, what and the outcome. Times are in UTC."
        actions={
          <a
            href={`/api/audit/export${auditSearchQuery(search)}`}
            download
            className={buttonClasses("secondary")}
          >
            <Download aria-hidden="true" className="size-4" />
            Download CSV
          </a>
        }
      />
      <AuditFilters path={PATH} search={search} errors={fieldErrors} actions={actions} />

      {notices.map((notice) => (
        <div key={notice} className="mb-4">
          <Alert tone="warning" title={notice} />
        </div>
      ))}

      {entries.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={filtered || beforeId ? "No entries match" : "Nothing recorded yet"}
        >
          {filtered || beforeId ? (
            <>
              No audit entries match these filters.{" "}
              <Link href={PATH} className="font-medium text-accent underline">
                Show all entries
              </Link>
            </>
          ) : (
            "Sign-ins and every change made in Mailpak will be listed here."
          )}
        </EmptyState>
      ) : (
        <p className="mb-2 text-sm text-muted" aria-live="polite">
          {beforeId ? "Older entries" : "Newest entries"}: showing {entries.length}
          {filtered ? " matching the filters" : ""}, newest first. Choose an entry for its details.
        </p>
      )}
      {/* Also without entries: a shared link to one entry opens it over an empty page. */}
      <AuditLog
        path={PATH}
        query={auditSearchQuery(search, { before: beforeId })}
        entries={entries}
        linked={linked}
      />

      {beforeId || olderBeforeId ? (
        <nav aria-label="Audit log pages" className="mt-4 flex flex-wrap gap-2">
          {beforeId ? (
            <Link href={`${PATH}${auditSearchQuery(search)}`} className={buttonClasses("secondary")}>
              Newest entries
            </Link>
          ) : null}
          {olderBeforeId ? (
            <Link
              href={`${PATH}${auditSearchQuery(search, { before: olderBeforeId })}`}
              className={buttonClasses("secondary")}
            >
              Older entries
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
