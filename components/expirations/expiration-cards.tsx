import { Suspense } from "react";
import { StatCard } from "@/components/dashboard/stat-card";
import { Skeleton } from "@/components/ui/skeleton";
import type { AccountBalance } from "@/lib/dashboard/balance";
import { spendableCents } from "@/lib/dashboard/balance";
import { balanceShortfallCents, type ExpirationSummary } from "@/lib/expirations/model";
import { formatUsd } from "@/lib/format";
import { plural } from "@/components/domains/format";

/** The account's renewal to-do list at a glance; each count opens the table filtered to it. */
export function ExpirationCards({
  summary,
  balance,
}: {
  summary: ExpirationSummary;
  balance: Promise<AccountBalance>;
}) {
  const { buckets, dueWithin } = summary;
  return (
    <section
      aria-label="Renewals at a glance"
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6"
    >
      <StatCard
        label="Expired"
        value={buckets.expired.toLocaleString("en-US")}
        detail="Renew them to keep their mail"
        href="/expirations?filter=expired"
        tone={buckets.expired ? "danger" : "neutral"}
      />
      <StatCard
        label="Due within 30 days"
        value={dueWithin[30].toLocaleString("en-US")}
        detail="Renew now"
        href="/expirations?filter=30"
        tone={dueWithin[30] ? "warning" : "neutral"}
      />
      <StatCard
        label="Due within 60 days"
        value={dueWithin[60].toLocaleString("en-US")}
        detail={`${buckets["60"].toLocaleString("en-US")} in 31–60 days`}
        href="/expirations?filter=60"
      />
      <StatCard
        label="Due within 90 days"
        value={dueWithin[90].toLocaleString("en-US")}
        detail={`${buckets["90"].toLocaleString("en-US")} in 61–90 days`}
        href="/expirations?filter=90"
      />
      <StatCard
        label="Auto-renew off"
        value={summary.autoRenewOff.toLocaleString("en-US")}
        detail={`${summary.atRiskAutoRenewOff.toLocaleString("en-US")} of them due within 30 days or expired${
          summary.autoRenewUnknown
            ? ` · ${summary.autoRenewUnknown.toLocaleString("en-US")} not loaded yet`
            : ""
        }`}
        href="/expirations?filter=autoRenewOff"
        tone={summary.atRiskAutoRenewOff ? "warning" : "neutral"}
      />
      <Suspense fallback={<Skeleton className="h-28" />}>
        <RenewalCostCard summary={summary} balance={balance} />
      </Suspense>
    </section>
  );
}

async function RenewalCostCard({
  summary,
  balance,
}: {
  summary: ExpirationSummary;
  balance: Promise<AccountBalance>;
}) {
  const account = await balance;
  const spendable = spendableCents(account);
  const due = summary.dueSoon;
  const short = (balanceShortfallCents(spendable, due) ?? 0) > 0;
  return (
    <StatCard
      label="Renewals due in 30 days"
      value={formatUsd({ cents: due.costCents })}
      detail={
        <>
          {plural(due.paks, "pak")} incl. expired, at cost
          {due.unpriced ? ` (${due.unpriced.toLocaleString("en-US")} not priced yet)` : ""} ·{" "}
          {spendable === null ? "balance unavailable" : `balance ${formatUsd({ cents: spendable })}`}
          {short ? " (not enough)" : ""}
        </>
      }
      tone={short ? "danger" : "neutral"}
    />
  );
}
