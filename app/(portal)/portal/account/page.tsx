import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { isDemoEmail } from "@/lib/auth/demo";
import { findUserById } from "@/lib/db/queries/users";
import { requirePortalUser } from "@/lib/portal/page-user";

export const metadata: Metadata = { title: "My account" };

/** A customer's own sign-in settings: their password (the same form and action as staff use). */
export default async function PortalAccountPage() {
  const user = await requirePortalUser();
  const row = await findUserById(user.id);
  if (!row) redirect("/sign-in");
  return (
    <>
      <PageHeader title="My account" description={`Signed in as ${row.email}.`} />
      {isDemoEmail(row.email) ? (
        <div className="mb-6 max-w-2xl">
          <Alert tone="info" title="This is one of the demo's shared logins">
            Its password stays as it is, so everyone trying the demo can sign in.
          </Alert>
        </div>
      ) : null}
      <Card aria-labelledby="password-heading" className="max-w-2xl">
        <CardTitle>
          <span id="password-heading">Password</span>
        </CardTitle>
        <div className="mt-4">
          <ChangePasswordForm />
        </div>
      </Card>
    </>
  );
}
