import type { Metadata } from "next";
import { BrandingSettings } from "@/components/branding/branding-settings";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";
import { logoUrl } from "@/lib/branding/branding";
import { getBranding } from "@/lib/branding/settings";

export const metadata: Metadata = { title: "Branding · Settings" };

/** Admins: the brand of the customers' portal. */
export default async function BrandingSettingsPage() {
  await requireStaffPage("settings.manage");
  const branding = await getBranding();
  return (
    <>
      <PageHeader title="Settings" description="Prices and the brand your customers see." />
      <SettingsNav current="/settings/branding" />
      <BrandingSettings saved={branding} logoUrl={logoUrl(branding)} />
    </>
  );
}
