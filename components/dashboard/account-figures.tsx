import { Suspense } from "react";
import { RenewalsFunding } from "@/components/expirations/renewals-funding";
import { Skeleton } from "@/components/ui/skeleton";
import { formatReadAt, plural } from "@/components/domains/format";
import type { AccountBalance } from "@/lib/dashboard/balance";
import type { MorningPage } from "@/lib/dashboard/morning";
import { formatUsd } from "@/lib/format";
import { StatCard } from "./stat-card";

/**
 * The account in four figures, each card about one thing with a sub-line about that thing only:
 * the balance, the paks, the mailboxes, and the renewals due now with what they cost; then whether
 * the balance pays for those. The balance (an eNom call) and the rest (the mirror) load side by
 * side, each in its own boundary.
 */
export function AccountFigures({
  balance,
  morning,
}: {
  balance: Promise<AccountBalance>;
  morning: Promise<MorningPage>;
}) {
  const due = morning.then((page) => (page.ok ? page.dueSoon : null));
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Suspense fallback={<CardSkeleton label="Loading the account balance" />}>
          <BalanceCard balance={balance} />
        </Suspense>
        <Suspense fallback={<CardSkeleton label="Loading the account's figures" count={3} />}>
          <MirrorCards morning={morning} />
        </Suspense>
      </div>
      {/* Whether the balance pays for what is due now; the chart below looks a year ahead. */}
      <Suspense fallback={null}>
        <RenewalsFunding balance={balance} due={due} />
      </Suspense>
    </div>
  );
}

async function BalanceCard({ balance }: { balance: Promise<AccountBalance> }) {
  const account = await balance;
  if (!account.ok)
    return (
      <StatCard
        label="eNom account balance"
        value="Unavailable"
        detail="eNom did not answer; try again later"
      />
    );
  return (
    <StatCard
      label="eNom account balance"
      value={formatUsd({ cents: account.balanceCents })}
      detail={
        account.availableCents !== null && account.availableCents !== account.balanceCents
          ? `${formatUsd({ cents: account.availableCents })} available to spend`
          : "All of it available to spend"
      }
    />
  );
}

async function MirrorCards({ morning }: { morning: Promise<MorningPage> }) {
  const page = await morning;
  // The attention list above says why the figures are missing.
  if (!page.ok) return null;
  const { paks, dueSoon } = page;
  const free = Math.max(0, paks.mailboxes.purchased - paks.mailboxes.used);
  const readAt = `Read from eNom at ${formatReadAt(page.fetchedAt)}${page.stale ? " (some domains earlier)" : ""}`;
  return (
    <>
      <StatCard
        label="Email paks"
        value={paks.paks.toLocaleString("en-US")}
        detail={`On ${plural(paks.domainsWithEmail, "domain")}. ${readAt}.`}
        href="/domains"
      />
      <StatCard
        label="Mailboxes in use"
        value={paks.mailboxes.used.toLocaleString("en-US")}
        detail={`Of ${paks.mailboxes.purchased.toLocaleString("en-US")} bought; ${free.toLocaleString("en-US")} free.`}
      />
      <StatCard
        label="Renewals due within 30 days"
        value={dueSoon.paks.toLocaleString("en-US")}
        detail={
          dueSoon.paks
            ? `${formatUsd({ cents: dueSoon.costCents })} at cost for one year each, expired paks included${
                dueSoon.unpriced ? ` (${dueSoon.unpriced.toLocaleString("en-US")} not priced yet)` : ""
              }.`
            : "No pak is expired or due within 30 days."
        }
        href="/expirations?filter=30"
        tone={dueSoon.expired ? "danger" : dueSoon.paks ? "warning" : "neutral"}
      />
    </>
  );
}

function CardSkeleton({ label, count = 1 }: { label: string; count?: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} role={i === 0 ? "status" : undefined} aria-label={i === 0 ? label : undefined}>
          <Skeleton className="h-28" />
        </div>
      ))}
    </>
  );
}
