import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInSettings } from "@/components/account/sign-in-settings";
import { PageHeader } from "@/components/ui/page-header";
import { isDemoEmail } from "@/lib/auth/demo";
import { requireStaffPage } from "@/lib/auth/guards";
import { getOwnSignInSettings } from "@/lib/users/pages";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const user = await requireStaffPage();
  // The session says who; the row says how they sign in now (it may have changed in another tab).
  const row = await getOwnSignInSettings(user);
  if (!row) redirect("/sign-in");

  return (
    <>
      <PageHeader title="My account" description={`Signed in as ${row.email} (${row.role}).`} />
      <SignInSettings
        email={row.email}
        totpEnabled={row.totpEnabled}
        recoveryCodesLeft={row.recoveryCodesLeft}
        demoLogin={isDemoEmail(row.email)}
        demoHint="Create your own user on the Users page to try these settings."
      />
    </>
  );
}
