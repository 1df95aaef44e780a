import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInSettings } from "@/components/account/sign-in-settings";
import { PageHeader } from "@/components/ui/page-header";
import { isDemoEmail } from "@/lib/auth/demo";
import { getBranding } from "@/lib/branding/settings";
import { getOwnSignInSettings } from "@/lib/users/pages";
import { SecurityTwoFactorNotice } from "@/components/settings/security-two-factor-notice";
import { mustSetUpTwoFactor, requirePortalUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "My account" };

/**
 * A customer's own sign-in settings: their password and two-factor sign-in (the same forms and
 * actions as staff use), named with the reseller's product name, as the authenticator app shows it.
 */
export default async function PortalAccountPage() {
  // The one page open to someone who must first set up two-factor sign-in (their reseller's rule).
  const user = await requirePortalUser({ beforeTwoFactorSetup: true });
  const [row, branding, setupRequired] = await Promise.all([
    getOwnSignInSettings(user),
    getBranding(),
    mustSetUpTwoFactor(user),
  ]);
  if (!row) redirect("/sign-in");
  return (
    <>
      <PageHeader title="My account" description={`Signed in as ${row.email}.`} />
      {setupRequired ? <SecurityTwoFactorNotice audience="customers" /> : null}
      <SignInSettings
        email={row.email}
        totpEnabled={row.totpEnabled}
        recoveryCodesLeft={row.recoveryCodesLeft}
        demoLogin={isDemoEmail(row.email)}
        productName={branding.productName}
      />
    </>
  );
}
