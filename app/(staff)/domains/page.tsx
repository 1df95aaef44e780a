import type { Metadata } from "next";
import Link from "next/link";
import { Globe, SearchX } from "lucide-react";
import { DomainListFilters } from "@/components/domains/domain-list-filters";
import { DomainListPagination } from "@/components/domains/domain-list-pagination";
import { DomainListTable } from "@/components/domains/domain-list-table";
import { formatReadAt, plural } from "@/components/domains/format";
import { RetryButton } from "@/components/domains/retry-button";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getAccountOverview } from "@/lib/domains/account-overview";
import {
  hasDomainListFilters,
  parseDomainListSearch,
  type DomainListPage,
  type DomainListSearchParams,
} from "@/lib/domains/domain-list";
import { isUpstreamFailure } from "@/lib/domains/read-errors";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage({ searchParams }: { searchParams: Promise<DomainListSearchParams> }) {
  const user = await requireStaffPage("domains.view");
  const query = parseDomainListSearch(await searchParams);
  const header = (
    <PageHeader
      title="Domains"
      description="Every domain of your eNom account with its email paks, mailboxes and expiries."
    />
  );

  let list: DomainListPage;
  try {
    list = await getAccountOverview(user, query);
  } catch (error) {
    if (!isUpstreamFailure(error)) throw error;
    return (
      <>
        {header}
        <DomainListFilters query={query} counts={null} showCustomers />
        <div className="max-w-2xl">
          <Alert tone="danger" title="The domain list could not be loaded">
            eNom is not answering right now, so the account&apos;s domains cannot be listed. Nothing has
            changed. Try again in a moment.
          </Alert>
          <div className="mt-4">
            <RetryButton />
          </div>
        </div>
      </>
    );
  }

  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.rows.length - 1;
  const filtered = hasDomainListFilters(query);
  return (
    <>
      {header}
      <DomainListFilters query={query} counts={list.counts} showCustomers />
      {list.stale ? (
        <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-start">
          <div className="flex-1">
            <Alert tone="warning" title={`Showing the list as it was at ${formatReadAt(list.fetchedAt)}`}>
              eNom did not answer just now, so this may be out of date.
            </Alert>
          </div>
          <RetryButton />
        </div>
      ) : null}
      {list.truncated ? (
        <div className="mb-4">
          <Alert tone="warning" title="Some domains are missing">
            The account has more domains than eNom lists in one go; the last ones are not shown.
          </Alert>
        </div>
      ) : null}

      {list.rows.length === 0 ? (
        filtered ? (
          <EmptyState icon={SearchX} title="No domains match">
            No domain matches this search and these filters.{" "}
            <Link href="/domains" className="font-medium text-accent underline">
              Show every domain
            </Link>
          </EmptyState>
        ) : (
          <EmptyState icon={Globe} title="No domains yet">
            Domains registered in your eNom account, or on its DNS hosting, will be listed here.
          </EmptyState>
        )
      ) : (
        <>
          <p className="mb-2 text-sm text-muted">
            Showing {first.toLocaleString("en-US")}–{last.toLocaleString("en-US")} of{" "}
            {plural(list.total, "domain")}
            {filtered ? ` matching (${list.accountTotal.toLocaleString("en-US")} in all)` : ""}. Read at{" "}
            {formatReadAt(list.fetchedAt)}.
          </p>
          <DomainListTable
            rows={list.rows}
            query={query}
            showCustomers
            canPurchase={can(user, "paks.purchase")}
          />
          <DomainListPagination query={query} page={list.page} pageCount={list.pageCount} />
        </>
      )}
    </>
  );
}
