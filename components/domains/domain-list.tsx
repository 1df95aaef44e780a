import Link from "next/link";
import { Globe, SearchX } from "lucide-react";
import { ListRange } from "@/components/lists/list-range";
import { Alert } from "@/components/ui/alert";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import {
  DETAIL_FILTERS,
  DOMAIN_FILTER_LABELS,
  DOMAIN_FILTERS,
  domainListHref,
  hasDomainListFilters,
  type DomainListPage,
  type DomainListQuery,
} from "@/lib/domains/domain-list";
import type { UpstreamFailureText } from "@/lib/domains/upstream-failure";
import { DomainListTable } from "./domain-list-table";
import { plural } from "./format";
import { MirrorSyncNotice } from "./mirror-sync-notice";
import { RetryButton } from "./retry-button";

/**
 * One page of the domain list with its notes: the account still being read for the first time,
 * domains whose latest read failed, a cut-short listing, nothing matching.
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
  const filtered = hasDomainListFilters(query);
  // Say so when this page shows a "—", or when a filter or sort on the details leaves domains out.
  const detailsMissing =
    list.rows.some((row) => row.details !== "loaded") ||
    (list.detailsPending > 0 &&
      (query.sort === "mailboxes" || query.filters.some((filter) => DETAIL_FILTERS.has(filter))));
  return (
    <>
      {list.mirror ? <MirrorSyncNotice status={list.mirror} service="the email service" /> : null}
      <QuickFilters list={list} query={query} />
      {list.stale ? (
        <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-start">
          <div className="flex-1">
            <Alert tone="warning" title="Some domains show an earlier read">
              The email service did not answer the latest read of some domains, so they may be out of date.
              They are read again when opened.
            </Alert>
          </div>
          <RetryButton />
        </div>
      ) : null}
      {detailsMissing ? (
        <div className="mb-4">
          <Alert tone="info" title="Some mailbox figures are not loaded yet">
            The mailboxes, storage and auto-renew of {plural(list.detailsPending, "domain")} are still being
            read from the email service, one domain at a time; they show as “—” until then, and the “
            {DOMAIN_FILTER_LABELS.autoRenewOff}” and “{DOMAIN_FILTER_LABELS.full}” filters and the mailbox
            order cover only the domains read so far. Reload the page in a moment to see more.
          </Alert>
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
          <ListRange
            page={list.page}
            pageSize={list.pageSize}
            shown={list.rows.length}
            total={list.total}
            noun="domain"
            allTotal={filtered ? list.accountTotal : undefined}
            readAt={list.fetchedAt}
          />
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
                {list.detailsPending > 0 && DETAIL_FILTERS.has(filter) ? " so far" : ""}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * The account's domains could not be read and no earlier copy is at hand: says which failure it
 * was (not answering, or answering in a form the panel does not understand, or refusing), from
 * lib/domains/upstream-failure.ts. A retry is offered unless it cannot help.
 */
export function DomainListUnavailable({ failure }: { failure: UpstreamFailureText }) {
  return (
    <div className="max-w-2xl">
      <Alert tone="danger" title={failure.title}>
        {failure.message}
      </Alert>
      {failure.kind === "not-answering" ? (
        <div className="mt-4">
          <RetryButton />
        </div>
      ) : null}
    </div>
  );
}
