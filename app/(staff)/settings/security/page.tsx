import type { Metadata } from "next";
import { SecuritySettingsForm } from "@/components/settings/security-settings-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";
import { getSecuritySettings } from "@/lib/settings/security";

export const metadata: Metadata = { title: "Security · Settings" };

/** Admins: whether two-factor sign-in is required, for staff and for customers. */
export default async function SecuritySettingsPage() {
  const user = await requireStaffPage("settings.manage");
  const settings = await getSecuritySettings();
  return (
    <>
      <PageHeader
        title="Settings"
        description="Prices, the brand your customers see, and how people sign in."
      />
      <SettingsNav current="/settings/security" />
      <SecuritySettingsForm saved={settings} ownTwoFactorEnabled={user.totpEnabled} />
    </>
  );
}
