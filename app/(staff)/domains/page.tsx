import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { DomainList, DomainListUnavailable } from "@/components/domains/domain-list";
import { DomainListFilters } from "@/components/domains/domain-list-filters";
import { RemountOnChange } from "@/components/domains/remount-on-change";
import { DomainListSkeleton } from "@/components/domains/skeletons";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getAccountOverview } from "@/lib/domains/account-overview";
import {
  domainListHref,
  parseDomainListSearch,
  type DomainListPage,
  type DomainListQuery,
  type DomainListSearchParams,
} from "@/lib/domains/domain-list";
import { describeUpstreamFailure } from "@/lib/domains/upstream-failure";

export const metadata: Metadata = { title: "Domains" };

/**
 * Every domain of the eNom account with its email, one page at a time, from the account mirror
 * (lib/domains/account-overview: search, filters, sort and paging in PostgreSQL; no eNom call).
 */
export default async function DomainsPage({
  searchParams,
}: {
  searchParams: Promise<DomainListSearchParams>;
}) {
  const user = await requireStaffPage("domains.view");
  const query = parseDomainListSearch(await searchParams);
  return (
    <>
      <PageHeader
        title="Domains"
        description="Every domain of your eNom account with its email paks, mailboxes and expiries."
        actions={
          can(user, "paks.purchase") ? (
            <Link href="/purchase" className={buttonClasses("primary")}>
              Buy email
            </Link>
          ) : null
        }
      />
      <RemountOnChange value={domainListHref(query)}>
        <DomainListFilters query={query} showCustomers />
      </RemountOnChange>
      {/* A new search shows the skeleton while a cold list loads; the access check ran above. */}
      <Suspense key={domainListHref(query)} fallback={<DomainListSkeleton />}>
        <DomainsSection user={user} query={query} />
      </Suspense>
    </>
  );
}

async function DomainsSection({ user, query }: { user: SessionUser; query: DomainListQuery }) {
  let list: DomainListPage;
  try {
    list = await getAccountOverview(user, query);
  } catch (error) {
    const failure = describeUpstreamFailure(error, "the domains");
    if (!failure) throw error;
    return <DomainListUnavailable failure={failure} />;
  }
  return <DomainList list={list} query={query} showCustomers canPurchase={can(user, "paks.purchase")} />;
}
