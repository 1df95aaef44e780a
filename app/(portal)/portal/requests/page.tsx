import type { Metadata } from "next";
import { CustomerRequestsScreen } from "@/components/approvals/customer-requests";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortalUser } from "@/lib/auth/guards";
import { getCustomerRequests } from "@/lib/purchase-requests/reads";

export const metadata: Metadata = { title: "Requests" };

/** The customer's orders sent for approval, with what became of each; waiting ones may be withdrawn. */
export default async function PortalRequestsPage() {
  const user = await requirePortalUser();
  const data = await getCustomerRequests(user);
  return (
    <>
      <PageHeader
        title="Requests"
        description="Orders waiting for your provider's approval, and what became of earlier ones."
      />
      <CustomerRequestsScreen data={data} />
    </>
  );
}
