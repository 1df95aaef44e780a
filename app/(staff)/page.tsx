import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { MorningPage } from "@/components/dashboard/morning-page";
import { MarginPanel } from "@/components/ledger/margin-panel";
import { buttonClasses } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { readAccountBalance } from "@/lib/dashboard/balance";
import { getMorningPage, getRenewalOutlook } from "@/lib/dashboard/morning";
import { getMarginByMonth, mayReadAccounting } from "@/lib/ledger/statements";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePageUser();
  if (user.role === "customer") redirect("/portal");
  // The balance (eNom) and the morning page (the mirror) start now and run side by side; each part
  // of the page waits only for its own, and the renewals chart for both.
  const balance = readAccountBalance();
  const morning = getMorningPage(user);
  const outlook = getRenewalOutlook(morning, balance);
  // Margin per month from the ledger (issue 18), for those who see costs.
  const margin = mayReadAccounting(user) ? getMarginByMonth(user) : null;
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Welcome back, ${user.name}. Here is what needs you today, and your eNom email account at a glance.`}
        actions={
          can(user, "paks.purchase") ? (
            <Link href="/purchase" className={buttonClasses("primary")}>
              Buy email
            </Link>
          ) : null
        }
      />
      <MorningPage balance={balance} morning={morning} outlook={outlook} />
      {margin ? (
        <div className="mt-8">
          <Suspense fallback={<Skeleton className="h-64" />}>
            <MarginPanel margin={margin} today={new Date().toISOString().slice(0, 10)} />
          </Suspense>
        </div>
      ) : null}
    </>
  );
}
