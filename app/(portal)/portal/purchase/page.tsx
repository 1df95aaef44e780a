import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PurchaseWizard } from "@/components/purchases/purchase-wizard";
import type { WizardSearchParams } from "@/components/purchases/wizard-choices";
import { loadPurchaseWizard } from "@/components/purchases/wizard-props";
import { Alert } from "@/components/ui/alert";
import { orderPakLabel } from "@/lib/paks/pak-name";
import { PageHeader } from "@/components/ui/page-header";
import { PhoneWidth } from "@/components/portal/phone-width";
import { can } from "@/lib/auth/permissions";
import { requirePortalUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Buy email" };

/**
 * A customer buys a new pak, or grows one (?domain=D&pak=N&grow=mailboxes|storage), at the
 * reseller's prices. Only when the reseller allows it; otherwise the page does not exist.
 */
export default async function PortalPurchasePage({
  searchParams,
}: {
  searchParams: Promise<WizardSearchParams>;
}) {
  const user = await requirePortalUser();
  if (!can(user, "paks.purchase")) notFound();
  const load = await loadPurchaseWizard(user, await searchParams);
  const growth = load.ok ? load.props.growth : null;
  return (
    <>
      <PageHeader
        title={growth ? (growth.mode === "mailboxes" ? "Add mailboxes" : "Add storage") : "Buy email"}
        description={
          growth
            ? `More for your ${orderPakLabel(growth, "portal")} pak of ${growth.domain}, until the pak's expiry, at the prices shown.`
            : "A new email pak for one of your domains, at the prices shown."
        }
      />
      {load.ok ? (
        <PhoneWidth>
          <PurchaseWizard audience="customer" basePath="/portal" {...load.props} />
        </PhoneWidth>
      ) : (
        <Alert tone="danger" title={load.title}>
          {load.message}
        </Alert>
      )}
    </>
  );
}
