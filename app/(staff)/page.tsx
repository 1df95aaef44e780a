import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { AccountOverview } from "@/components/dashboard/account-overview";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePageUser();
  if (user.role === "customer") redirect("/portal");
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Welcome back, ${user.name}. Here is your eNom email account today.`}
      />
      <Suspense fallback={<OverviewSkeleton />}>
        <AccountOverview />
      </Suspense>
    </>
  );
}

function OverviewSkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading the account overview"
      className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4"
    >
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-28" />
      ))}
    </div>
  );
}
