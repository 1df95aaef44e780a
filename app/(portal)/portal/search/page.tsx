import type { Metadata } from "next";
import { SearchView } from "@/components/search/search-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortalUser } from "@/lib/auth/guards";
import type { SearchParams } from "@/lib/search/model";
import { loadSearchPage } from "@/lib/search/page";

export const metadata: Metadata = { title: "Search" };

/** The customer's own domains and mailboxes; the search itself keeps to their domains. */
export default async function PortalSearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePortalUser();
  const state = await loadSearchPage(user, await searchParams);
  return (
    <>
      <PageHeader
        title="Search"
        description="Your domains and mailboxes by address or display name, and the paks and mailboxes that need attention."
      />
      <SearchView
        path="/portal/search"
        domainsBase="/portal/domains"
        placeholder="Address, display name or domain"
        {...state}
      />
    </>
  );
}
