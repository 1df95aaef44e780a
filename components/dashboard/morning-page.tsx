import { Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import type { AccountBalance } from "@/lib/dashboard/balance";
import type { RenewalOutlook as Outlook } from "@/lib/dashboard/model";
import type { MorningPage as MorningPageData } from "@/lib/dashboard/morning";
import { AccountFigures } from "./account-figures";
import { AccountGrowth } from "./account-growth";
import { AttentionList } from "./attention-list";
import { RecentActivity } from "./recent-activity";
import { RenewalOutlook } from "./renewal-outlook";

/**
 * The reseller's morning page: what needs attention first, then the account's figures, renewals
 * against the balance and the account over time, then what was done lately. Every part waits
 * only for its own data (the balance is an eNom call, the rest the mirror and the database).
 */
export function MorningPage({
  balance,
  morning,
  outlook,
}: {
  balance: Promise<AccountBalance>;
  morning: Promise<MorningPageData>;
  outlook: Promise<{ outlook: Outlook; balanceKnown: boolean } | null>;
}) {
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="attention-title" className="flex flex-col gap-3">
        <h2 id="attention-title" className="text-lg font-semibold">
          Needs attention
        </h2>
        <Suspense fallback={<Block label="Checking what needs attention" className="h-40" />}>
          <AttentionList morning={morning} />
        </Suspense>
      </section>
      <section aria-labelledby="figures-title" className="flex flex-col gap-3">
        <h2 id="figures-title" className="text-lg font-semibold">
          The account today
        </h2>
        <AccountFigures balance={balance} morning={morning} />
      </section>
      <div className="grid gap-4 xl:grid-cols-2">
        <Suspense fallback={<Block label="Loading the renewals" className="h-80" />}>
          <RenewalOutlook outlook={outlook} />
        </Suspense>
        <Suspense fallback={<Block label="Loading the account's history" className="h-80" />}>
          <AccountGrowth morning={morning} />
        </Suspense>
      </div>
      <Suspense fallback={<Block label="Loading the recent activity" className="h-48" />}>
        <RecentActivity morning={morning} />
      </Suspense>
    </div>
  );
}

function Block({ label, className }: { label: string; className: string }) {
  return (
    <div role="status" aria-label={label}>
      <Skeleton className={className} />
    </div>
  );
}
