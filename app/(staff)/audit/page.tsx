import type { Metadata } from "next";
import Link from "next/link";
import { Download, ScrollText } from "lucide-react";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAudit, listAuditActions } from "@/lib/audit";
import { requireStaffPage } from "@/lib/auth/guards";
import {
  auditSearchQuery,
  hasAuditFilters,
  parseAuditSearch,
  type AuditSearchParams,
} from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

export default async function AuditPage({ searchParams }: { searchParams: Promise<AuditSearchParams> }) {
  await requireStaffPage("audit.view");
  const { search, filter, beforeId, errors } = parseAuditSearch(await searchParams);
  // One more than a page, to know whether an "older entries" link leads anywhere.
  const [rows, actions] = await Promise.all([
    listAudit(filter, { limit: PAGE_SIZE + 1, beforeId }),
    listAuditActions(),
  ]);
  const entries = rows.slice(0, PAGE_SIZE);
  const olderBeforeId = rows.length > PAGE_SIZE ? entries.at(-1)?.id : undefined;
  const filtered = hasAuditFilters(search);

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
      <AuditFilters path="/audit" search={search} errors={errors} actions={actions} />

      {entries.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={filtered || beforeId ? "No entries match" : "Nothing recorded yet"}
        >
          {filtered || beforeId ? (
            <>
              No audit entries match these filters.{" "}
              <Link href="/audit" className="font-medium text-accent underline">
                Show all entries
              </Link>
            </>
          ) : (
            "Sign-ins and every change made in Mailpak will be listed here."
          )}
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-muted" aria-live="polite">
            {beforeId ? "Older entries" : "Newest entries"}: showing {entries.length}
            {filtered ? " matching the filters" : ""}, newest first.
          </p>
          <AuditTable entries={entries} />
        </>
      )}

      {beforeId || olderBeforeId ? (
        <nav aria-label="Audit log pages" className="mt-4 flex flex-wrap gap-2">
          {beforeId ? (
            <Link href={`/audit${auditSearchQuery(search)}`} className={buttonClasses("secondary")}>
              Newest entries
            </Link>
          ) : null}
          {olderBeforeId ? (
            <Link
              href={`/audit${auditSearchQuery(search, { before: olderBeforeId })}`}
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
