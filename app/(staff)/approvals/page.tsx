import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApprovalQueueScreen } from "@/components/approvals/approval-queue";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/auth/errors";
import { requireStaffPage } from "@/lib/auth/guards";
import { getApprovalQueue } from "@/lib/purchase-requests/reads";

export const metadata: Metadata = { title: "Approvals" };

/**
 * Customers' purchases and renewals waiting for approval (customers whose page says "Ask staff to
 * approve each purchase and renewal"); admins and staff approve or decline. Support and customers
 * get a 404.
 */
export default async function ApprovalsPage() {
  const user = await requireStaffPage("paks.purchase");
  const queue = await getApprovalQueue(user).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Approving places the order at once, as the customer's order at its price, and sends them a receipt. Declining buys nothing and tells them by email."
      />
      <ApprovalQueueScreen queue={queue} />
    </>
  );
}
