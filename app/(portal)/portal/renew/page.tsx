import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RenewWizard } from "@/components/purchases/renew-wizard";
import type { WizardSearchParams } from "@/components/purchases/wizard-choices";
import { loadRenewWizard } from "@/components/purchases/wizard-props";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { PhoneWidth } from "@/components/portal/phone-width";
import { can } from "@/lib/auth/permissions";
import { requirePortalUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Renew email" };

/** A customer renews one of its paks (?domain=D&pak=N) or several (?items=…), when allowed. */
export default async function PortalRenewPage({
  searchParams,
}: {
  searchParams: Promise<WizardSearchParams>;
}) {
  const user = await requirePortalUser();
  if (!can(user, "paks.renew")) notFound();
  const load = await loadRenewWizard(user, await searchParams);
  return (
    <>
      <PageHeader title="Renew email" description="Renew your paks for whole years, at the prices shown." />
      {load.ok ? (
        <PhoneWidth>
          <RenewWizard audience="customer" basePath="/portal" {...load.props} />
        </PhoneWidth>
      ) : (
        <Alert tone="danger" title={load.title}>
          {load.message}
        </Alert>
      )}
    </>
  );
}
