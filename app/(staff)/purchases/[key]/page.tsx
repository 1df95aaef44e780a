import type { Metadata } from "next";
import { PurchaseResult } from "@/components/purchases/purchase-result";
import { loadPurchaseResult } from "@/components/purchases/result-props";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Order result" };

/** What became of a purchase, growth or renewal; pending and unknown outcomes keep being checked. */
export default async function PurchaseResultPage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireStaffPage("domains.view");
  const { key } = await params;
  const result = await loadPurchaseResult(user, decodeURIComponent(key), await searchParams);
  return (
    <>
      <PageHeader
        title={result.isBatch ? "Renewal result" : "Order result"}
        description={
          result.isBatch
            ? `Each pak's renewal, ${result.attempts.length} in all.`
            : "What happened to this order, checked with the provider."
        }
      />
      <PurchaseResult audience="staff" basePath="" {...result} />
    </>
  );
}
