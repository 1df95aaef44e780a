import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AccountOverview } from "@/components/dashboard/account-overview";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { readAccountBalance } from "@/lib/dashboard/balance";
import { loadDashboardPaks } from "@/lib/dashboard/overview";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePageUser();
  if (user.role === "customer") redirect("/portal");
  // Both reads start now and run side by side; each part of the page waits only for its own.
  const balance = readAccountBalance();
  const paks = loadDashboardPaks(user);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Welcome back, ${user.name}. Here is your eNom email account today.`}
        actions={
          can(user, "paks.purchase") ? (
            <Link href="/purchase" className={buttonClasses("primary")}>
              Buy email
            </Link>
          ) : null
        }
      />
      <AccountOverview balance={balance} paks={paks} />
    </>
  );
}
