import type { Metadata } from "next";
import { PurchaseWizard } from "@/components/purchases/purchase-wizard";
import { loadPurchaseWizard } from "@/components/purchases/wizard-props";
import type { WizardSearchParams } from "@/components/purchases/wizard-choices";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Buy email" };

/** Buying a new pak, or growing one (?domain=D&pak=N&grow=mailboxes|storage). */
export default async function PurchasePage({ searchParams }: { searchParams: Promise<WizardSearchParams> }) {
  const user = await requireStaffPage("paks.purchase");
  const search = await searchParams;
  const load = await loadPurchaseWizard(user, search);
  const growth = load.ok ? load.props.growth : null;
  return (
    <>
      <PageHeader
        title={growth ? (growth.mode === "mailboxes" ? "Add mailboxes" : "Add storage") : "Buy email"}
        description={
          growth
            ? `Grow pak ${growth.bundleId} of ${growth.domain}; paid from the account balance until the pak's expiry.`
            : "A new email pak for a domain, paid from the account balance."
        }
      />
      {load.ok ? (
        <PurchaseWizard audience="staff" basePath="" {...load.props} />
      ) : (
        <Alert tone="danger" title={load.title}>
          {load.message}
        </Alert>
      )}
    </>
  );
}
