import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { TwoFactorSettings } from "@/components/account/two-factor-settings";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { isDemoEmail } from "@/lib/auth/demo";
import { getBranding } from "@/lib/branding/settings";
import { findUserById } from "@/lib/db/queries/users";
import { requirePortalUser } from "@/lib/portal/page-user";

export const metadata: Metadata = { title: "My account" };

/**
 * A customer's own sign-in settings: their password and two-factor sign-in (the same forms and
 * actions as staff use), named with the reseller's product name, as the authenticator app shows it.
 */
export default async function PortalAccountPage() {
  const user = await requirePortalUser();
  const [row, branding] = await Promise.all([findUserById(user.id), getBranding()]);
  if (!row) redirect("/sign-in");
  return (
    <>
      <PageHeader title="My account" description={`Signed in as ${row.email}.`} />
      {isDemoEmail(row.email) ? (
        <div className="mb-6 max-w-2xl">
          <Alert tone="info" title="This is one of the demo's shared logins">
            Its password and two-factor settings stay as they are, so everyone trying the demo can sign in.
          </Alert>
        </div>
      ) : null}
      <div className="grid max-w-6xl items-start gap-6 lg:grid-cols-2">
        <Card aria-labelledby="password-heading">
          <CardTitle>
            <span id="password-heading">Password</span>
          </CardTitle>
          <div className="mt-4">
            <ChangePasswordForm />
          </div>
        </Card>
        <Card aria-labelledby="two-factor-heading">
          <CardTitle>
            <span id="two-factor-heading">Two-factor sign-in</span>
          </CardTitle>
          <div className="mt-4">
            <TwoFactorSettings
              enabled={row.totpEnabled}
              recoveryCodesLeft={row.recoveryCodeHashes.length}
              accountEmail={row.email}
              productName={branding.productName}
            />
          </div>
        </Card>
      </div>
    </>
  );
}
