import type { Metadata } from "next";
import { PriceListForm } from "@/components/settings/price-list-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";
import { getPriceList } from "@/lib/pricing/settings";

export const metadata: Metadata = { title: "Pricing" };

/** Admins only: the price list the wizards quote from, cost and retail side by side. */
export default async function PricingSettingsPage() {
  await requireStaffPage("settings.manage");
  const prices = await getPriceList();
  return (
    <>
      <PageHeader
        title="Settings"
        description="What eNom debits from your account for each product, and what you charge your customers."
      />
      <SettingsNav current="/settings" />
      <PriceListForm initial={prices} />
    </>
  );
}
