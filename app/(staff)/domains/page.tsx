import type { Metadata } from "next";
import { Globe } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Domains" };

export default async function Page() {
  await requireStaffPage("domains.view");
  return (
    <>
      <PageHeader title="Domains" description="Every domain of your eNom account with its email paks." />
      <EmptyState icon={Globe} title="Not available yet">
        The domain list with paks, mailboxes and expiries arrives with the domains feature.
      </EmptyState>
    </>
  );
}
