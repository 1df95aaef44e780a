import type { Metadata } from "next";
import { Settings } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Settings" };

export default async function Page() {
  await requireStaffPage("settings.manage");
  return (
    <>
      <PageHeader title="Settings" description="Branding, prices and your eNom connection." />
      <EmptyState icon={Settings} title="Not available yet">
        Settings arrive with the features that use them.
      </EmptyState>
    </>
  );
}
