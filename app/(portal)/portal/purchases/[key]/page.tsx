import type { Metadata } from "next";
import { PurchaseResult } from "@/components/purchases/purchase-result";
import { loadPurchaseResult } from "@/components/purchases/result-props";
import type { WizardSearchParams } from "@/components/purchases/wizard-choices";
import { PageHeader } from "@/components/ui/page-header";
import { notFound } from "next/navigation";
import { requirePortalUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Order result" };

/** What became of the customer's order; the read checks that it is this customer's. */
export default async function PortalPurchaseResultPage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<WizardSearchParams>;
}) {
  const user = await requirePortalUser();
  const key = safeDecode((await params).key);
  if (!key) notFound();
  const result = await loadPurchaseResult(user, key, await searchParams);
  return (
    <>
      <PageHeader
        title={result.isBatch ? "Renewal result" : "Order result"}
        description={
          result.isBatch
            ? `Each pak's renewal, ${result.attempts.length} in all.`
            : "What happened to your order."
        }
      />
      <PurchaseResult
        audience="customer"
        basePath="/portal"
        // Links to the wizards only while the reseller still allows them.
        allowed={{ purchase: can(user, "paks.purchase"), renew: can(user, "paks.renew") }}
        {...result}
      />
    </>
  );
}

/** A hand-typed address may hold a broken %-escape: that is "not found", not a crash. */
function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
