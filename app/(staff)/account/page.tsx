import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { TwoFactorSettings } from "@/components/account/two-factor-settings";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { isDemoEmail } from "@/lib/auth/demo";
import { requireStaffPage } from "@/lib/auth/guards";
import { findUserById } from "@/lib/db/queries/users";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const user = await requireStaffPage();
  // The session says who; the row says how they sign in now (it may have changed in another tab).
  const row = await findUserById(user.id);
  if (!row) redirect("/sign-in");

  return (
    <>
      <PageHeader title="My account" description={`Signed in as ${row.email} (${row.role}).`} />
      {isDemoEmail(row.email) ? (
        <div className="mb-6 max-w-3xl">
          <Alert tone="info" title="This is one of the demo's shared logins">
            Its password and two-factor settings stay as they are, so everyone trying the demo can sign in.
            Create your own user on the Users page to try these settings.
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
            />
          </div>
        </Card>
      </div>
    </>
  );
}
