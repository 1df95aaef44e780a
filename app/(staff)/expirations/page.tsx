import type { Metadata } from "next";
import { CalendarCheck, SearchX } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { RemountOnChange } from "@/components/domains/remount-on-change";
import { RetryButton } from "@/components/domains/retry-button";
import { plural } from "@/components/domains/format";
import { MirrorSyncNotice } from "@/components/domains/mirror-sync-notice";
import { ListRange } from "@/components/lists/list-range";
import { ExpirationCards } from "@/components/expirations/expiration-cards";
import { ExpirationFilters } from "@/components/expirations/expiration-filters";
import { ExpirationsSkeleton } from "@/components/expirations/expirations-skeleton";
import { ExpirationsTable } from "@/components/expirations/expirations-table";
import { RenewalsChart } from "@/components/expirations/renewals-chart";
import { RenewalsFunding } from "@/components/expirations/renewals-funding";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireStaffPage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { readAccountBalance, type AccountBalance } from "@/lib/dashboard/balance";
import { describeUpstreamFailure, type UpstreamFailureText } from "@/lib/domains/upstream-failure";
import {
  expirationsHref,
  pageOfExpirations,
  parseExpirationSearch,
  type ExpirationQuery,
  type ExpirationSearchParams,
} from "@/lib/expirations/list";
import { loadExpirations, type ExpirationsData } from "@/lib/expirations/load";

export const metadata: Metadata = { title: "Expirations" };

/**
 * Every pak of the account by expiry: what has expired, what is due and when, what it costs, and
 * the tools to act on many at once. Paks, expiries, sizes and auto-renew come from the account
 * mirror (lib/mirror: no eNom call while the page renders); paged on the server so 10,000 paks
 * never reach the browser at once.
 */
export default async function ExpirationsPage({
  searchParams,
}: {
  searchParams: Promise<ExpirationSearchParams>;
}) {
  const user = await requireStaffPage("domains.view");
  const query = parseExpirationSearch(await searchParams);
  const balance = readAccountBalance();
  return (
    <>
      <PageHeader
        title="Expirations"
        description="Paks that have expired or are due for renewal, what renewing them costs, and their auto-renew."
      />
      <Suspense fallback={<ExpirationsSkeleton />}>
        <ExpirationsDashboard user={user} query={query} balance={balance} />
      </Suspense>
    </>
  );
}

async function ExpirationsDashboard({
  user,
  query,
  balance,
}: {
  user: SessionUser;
  query: ExpirationQuery;
  balance: Promise<AccountBalance>;
}) {
  let data: ExpirationsData;
  try {
    data = await loadExpirations(user);
  } catch (error) {
    const failure = describeUpstreamFailure(error, "the paks");
    if (!failure) throw error;
    return <ExpirationsUnavailable failure={failure} />;
  }
  const page = pageOfExpirations(data.rows, query);
  const href = expirationsHref(query);
  return (
    <div className="space-y-6">
      <MirrorSyncNotice status={data.mirror} service="eNom" />
      {data.stale ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <div className="flex-1">
            <Alert tone="warning" title="Some paks show an earlier read">
              eNom did not answer the latest read of some domains, so their paks may be out of date.
            </Alert>
          </div>
          <RetryButton />
        </div>
      ) : null}
      {data.summary.detailsPending > 0 ? (
        <Alert tone="info" title="Some pak details are not loaded yet">
          The size, cost and auto-renew of {plural(data.summary.detailsPending, "pak")} are still being read
          from eNom, one domain at a time, soonest expiry first; they show as “—” until then. The costs and
          the “Auto-renew off” figures below leave them out. Reload the page in a moment to see more.
        </Alert>
      ) : null}
      <ExpirationCards summary={data.summary} balance={balance} />
      <Suspense fallback={null}>
        <RenewalsFunding balance={balance} due={Promise.resolve(data.summary.dueSoon)} />
      </Suspense>
      <RenewalsChart months={data.summary.months} />

      <section aria-labelledby="paks-heading">
        <h2 id="paks-heading" className="mb-3 text-lg font-semibold">
          Paks
        </h2>
        <RemountOnChange value={href}>
          <ExpirationFilters query={query} />
        </RemountOnChange>
        {page.rows.length === 0 ? (
          data.summary.total === 0 ? (
            <EmptyState icon={CalendarCheck} title="No paks yet">
              Paks bought for the account&apos;s domains are listed here by expiry.
            </EmptyState>
          ) : (
            <EmptyState icon={SearchX} title="No paks match">
              No pak matches this search and filter.{" "}
              <Link href="/expirations" className="font-medium text-accent underline">
                Show every pak
              </Link>
            </EmptyState>
          )
        ) : (
          <>
            <ListRange
              page={page.page}
              pageSize={page.pageSize}
              shown={page.rows.length}
              total={page.total}
              noun="pak"
              allTotal={page.total !== data.summary.total ? data.summary.total : undefined}
              readAtLabel="Read from eNom at"
              readAt={data.fetchedAt}
            />
            <ExpirationsTable
              key={href}
              rows={page.rows}
              query={query}
              canAutoRenew={can(user, "paks.autoRenew")}
              canRenew={can(user, "paks.renew")}
            />
            <Pagination
              label="Pages of the paks"
              page={page.page}
              pageCount={page.pageCount}
              hrefFor={(target) => expirationsHref(query, { page: target })}
            />
          </>
        )}
      </section>
    </div>
  );
}

/** eNom could not be read and no earlier copy is at hand: says how (lib/domains/upstream-failure.ts). */
function ExpirationsUnavailable({ failure }: { failure: UpstreamFailureText }) {
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
