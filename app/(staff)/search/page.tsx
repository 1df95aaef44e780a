import type { Metadata } from "next";
import { SearchView } from "@/components/search/search-view";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";
import type { SearchParams } from "@/lib/search/model";
import { loadSearchPage } from "@/lib/search/page";

export const metadata: Metadata = { title: "Search" };

/** Every domain, mailbox and pak of the account, from the mirror; never waits on eNom. */
export default async function StaffSearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaffPage("domains.view");
  const state = await loadSearchPage(user, await searchParams);
  return (
    <>
      <PageHeader
        title="Search"
        description="Every domain and mailbox of the account by address, display name or customer, and the paks and mailboxes that need attention."
      />
      <SearchView
        path="/search"
        domainsBase="/domains"
        placeholder="Address, display name, domain or customer"
        {...state}
      />
    </>
  );
}
