import type { Metadata } from "next";
import { CalendarClock } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Expirations" };

export default async function Page() {
  await requireStaffPage("domains.view");
  return (
    <>
      <PageHeader title="Expirations" description="Paks that have expired or are due for renewal." />
      <EmptyState icon={CalendarClock} title="Not available yet">
        The expirations dashboard arrives with the renewal feature.
      </EmptyState>
    </>
  );
}
