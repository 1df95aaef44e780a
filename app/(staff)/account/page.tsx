import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInSettings } from "@/components/account/sign-in-settings";
import { EmailChoices } from "@/components/notifications/email-choices";
import { PageHeader } from "@/components/ui/page-header";
import { isDemoEmail } from "@/lib/auth/demo";
import { SecurityTwoFactorNotice } from "@/components/settings/security-two-factor-notice";
import { mustSetUpTwoFactor, requireStaffPage } from "@/lib/auth/guards";
import { getNotificationEmailChoices } from "@/lib/notifications/reads";
import { getOwnSignInSettings } from "@/lib/users/pages";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  // The one page open to someone who must first set up two-factor sign-in (Settings → Security).
  const user = await requireStaffPage(undefined, { beforeTwoFactorSetup: true });
  // The session says who; the row says how they sign in now (it may have changed in another tab).
  const [row, setupRequired] = await Promise.all([getOwnSignInSettings(user), mustSetUpTwoFactor(user)]);
  if (!row) redirect("/sign-in");

  return (
    <>
      <PageHeader title="My account" description={`Signed in as ${row.email} (${row.role}).`} />
      {setupRequired ? <SecurityTwoFactorNotice audience="staff" /> : null}
      <SignInSettings
        email={row.email}
        totpEnabled={row.totpEnabled}
        recoveryCodesLeft={row.recoveryCodesLeft}
        demoLogin={isDemoEmail(row.email)}
        demoHint="Create your own user on the Users page to try these settings."
      />
      {/* Notifications go to admins and staff (lib/notifications); support has none. */}
      {user.role === "admin" || user.role === "staff" ? (
        <div className="mt-6">
          <EmailChoices saved={await getNotificationEmailChoices(user)} email={row.email} />
        </div>
      ) : null}
    </>
  );
}
