import Link from "next/link";
import { Globe, SearchX } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import {
  DOMAIN_FILTER_LABELS,
  DOMAIN_FILTERS,
  domainListHref,
  hasDomainListFilters,
  type DomainListPage,
  type DomainListQuery,
} from "@/lib/domains/domain-list";
import { DomainListTable } from "./domain-list-table";
import { formatReadAt, plural } from "./format";
import { RetryButton } from "./retry-button";

/**
 * One page of the domain list with its notes: stale data, a cut-short listing, nothing matching.
 * Written without the provider's name, so the customer portal can show it as it is.
 */
export function DomainList({
  list,
  query,
  showCustomers,
  canPurchase,
}: {
  list: DomainListPage;
  query: DomainListQuery;
  showCustomers: boolean;
  canPurchase: boolean;
}) {
  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.rows.length - 1;
  const filtered = hasDomainListFilters(query);
  return (
    <>
      <QuickFilters list={list} query={query} />
      {list.stale ? (
        <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-start">
          <div className="flex-1">
            <Alert tone="warning" title={`Showing the list as it was at ${formatReadAt(list.fetchedAt)}`}>
              The email service did not answer just now, so this may be out of date.
            </Alert>
          </div>
          <RetryButton />
        </div>
      ) : null}
      {list.truncated ? (
        <div className="mb-4">
          <Alert tone="warning" title="Some domains are missing">
            The account has more domains than can be listed in one go; the last ones are not shown.
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
            Domains of the account will be listed here, with their email.
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
            showCustomers={showCustomers}
            canPurchase={canPurchase}
          />
          <Pagination
            label="Pages of the domain list"
            page={list.page}
            pageCount={list.pageCount}
            hrefFor={(target) => domainListHref(query, { page: target })}
          />
        </>
      )}
    </>
  );
}

/** How many domains each filter shows, each a link to that view: the account's to-do list. */
function QuickFilters({ list, query }: { list: DomainListPage; query: DomainListQuery }) {
  return (
    <nav aria-label="Quick filters" className="mb-4">
      <ul className="flex flex-wrap gap-2 text-sm">
        {DOMAIN_FILTERS.map((filter) => {
          const active = query.filters.length === 1 && query.filters[0] === filter && !query.q;
          return (
            <li key={filter}>
              <Link
                href={domainListHref({ ...query, q: "", page: 1 }, { filters: [filter] })}
                aria-current={active ? "page" : undefined}
                className={
                  active
                    ? "inline-flex rounded-full border border-accent bg-accent-soft px-3 py-1 font-medium"
                    : "inline-flex rounded-full border border-line bg-surface px-3 py-1 hover:border-accent"
                }
              >
                {DOMAIN_FILTER_LABELS[filter]}: {list.counts[filter].toLocaleString("en-US")}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** eNom could not be read and no earlier copy is at hand. */
export function DomainListUnavailable() {
  return (
    <div className="max-w-2xl">
      <Alert tone="danger" title="The domain list could not be loaded">
        The email service is not answering right now, so the domains cannot be listed. Nothing has changed.
        Try again in a moment.
      </Alert>
      <div className="mt-4">
        <RetryButton />
      </div>
    </div>
  );
}
