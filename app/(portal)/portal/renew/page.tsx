import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { renewableDomains } from "@/components/portal/portal-actions";
import { RenewChooser } from "@/components/portal/renew-chooser";
import { RenewWizard } from "@/components/purchases/renew-wizard";
import type { WizardSearchParams } from "@/components/purchases/wizard-choices";
import { loadRenewWizard } from "@/components/purchases/wizard-props";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { PhoneWidth } from "@/components/portal/phone-width";
import { can } from "@/lib/auth/permissions";
import { requirePortalUser } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { describeUpstreamFailure } from "@/lib/domains/upstream-failure";
import { getPortalHome } from "@/lib/portal/home";

export const metadata: Metadata = { title: "Renew email" };

/**
 * A customer renews one of its paks (?domain=D&pak=N) or several (?items=…), when allowed. Opened
 * without a pak (the home page's Renew), it lists the customer's domains with paks, each leading
 * to the domain's page where every pak has its Renew button.
 */
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
      ) : load.empty ? (
        <RenewChoice user={user} />
      ) : (
        <Alert tone="danger" title={load.title}>
          {load.message}
        </Alert>
      )}
    </>
  );
}

/** The customer's domains with paks, from the account mirror (no call to the provider). */
async function RenewChoice({ user }: { user: SessionUser }) {
  let domains: ReturnType<typeof renewableDomains>;
  try {
    domains = renewableDomains((await getPortalHome(user)).domains);
  } catch (error) {
    const failure = describeUpstreamFailure(error, "your domains", "The email service");
    if (!failure) throw error;
    return <RenewChooser domains={null} base="/portal" problem={failure.message} />;
  }
  return <RenewChooser domains={domains} base="/portal" />;
}
