import type { Metadata } from "next";
import { RenewWizard } from "@/components/purchases/renew-wizard";
import { loadRenewWizard } from "@/components/purchases/wizard-props";
import type { WizardSearchParams } from "@/components/purchases/wizard-choices";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Renew email" };

/** Renewing one pak (?domain=D&pak=N) or a selection (?items=a.com:12,b.org:34). */
export default async function RenewPage({ searchParams }: { searchParams: Promise<WizardSearchParams> }) {
  const user = await requireStaffPage("paks.renew");
  const load = await loadRenewWizard(user, await searchParams);
  return (
    <>
      <PageHeader
        title="Renew email"
        description="Renew paks for whole years, paid from the account balance."
      />
      {load.ok ? (
        <RenewWizard audience="staff" basePath="" {...load.props} />
      ) : (
        <Alert tone="danger" title={load.title}>
          {load.message}
        </Alert>
      )}
    </>
  );
}
