import { Suspense } from "react";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { RenewalsFunding } from "@/components/expirations/renewals-funding";
import type { AccountBalance } from "@/lib/dashboard/balance";
import type { DashboardPaks } from "@/lib/dashboard/overview";
import { formatUsd } from "@/lib/format";
import { formatReadAt, plural } from "@/components/domains/format";
import { MirrorSyncNotice } from "@/components/domains/mirror-sync-notice";
import { StatCard } from "./stat-card";

/**
 * The eNom account at a glance. The balance and the pak figures are read side by side, each in its
 * own Suspense boundary, so a slow or failed balance never holds back the paks (nor the reverse);
 * the renewals warning waits for both.
 */
export function AccountOverview({
  balance,
  paks,
}: {
  balance: Promise<AccountBalance>;
  paks: Promise<DashboardPaks>;
}) {
  const due = paks.then((data) => (data.ok ? data.expirations.dueSoon : null));
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Suspense fallback={<CardSkeleton label="Loading the account balance" />}>
          <BalanceCard balance={balance} />
        </Suspense>
        <Suspense fallback={<CardSkeleton label="Loading the paks" count={3} />}>
          <PakCards paks={paks} />
        </Suspense>
      </div>
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
          ? `${formatUsd({ cents: account.availableCents })} available`
          : undefined
      }
    />
  );
}

async function PakCards({ paks }: { paks: Promise<DashboardPaks> }) {
  const data = await paks;
  if (!data.ok) {
    return (
      <div className="sm:col-span-1 xl:col-span-3">
        <Alert tone={data.failure.kind === "not-answering" ? "warning" : "danger"} title={data.failure.title}>
          {data.failure.message}
        </Alert>
      </div>
    );
  }
  const { paks: summary, expirations } = data;
  const due = expirations.dueSoon;
  const { mailboxes } = summary;
  // Mailbox figures come from each domain's GetPOP3: say over how many domains they are summed.
  const mailboxText =
    mailboxes.domainsRead === 0 && summary.domainsWithEmail > 0
      ? "mailboxes not loaded yet"
      : `${mailboxes.used.toLocaleString("en-US")} of ${mailboxes.purchased.toLocaleString("en-US")} mailboxes used${
          mailboxes.domainsRead < summary.domainsWithEmail
            ? ` (${mailboxes.domainsRead.toLocaleString("en-US")} of ${plural(summary.domainsWithEmail, "domain")} read so far)`
            : ""
        }`;
  return (
    <>
      {data.mirror.state !== "synced" ? (
        <div className="sm:col-span-2 xl:col-span-4">
          <MirrorSyncNotice status={data.mirror} service="eNom" />
        </div>
      ) : null}
      <StatCard
        label="Email paks"
        value={summary.paks.toLocaleString("en-US")}
        detail={`${plural(summary.domainsWithEmail, "domain")} · ${mailboxText}`}
        href="/domains"
      />
      <StatCard
        label="Renewals due within 30 days"
        value={due.paks.toLocaleString("en-US")}
        detail={
          <>
            {formatUsd({ cents: due.costCents })} at cost
            {due.unpriced ? ` (${due.unpriced.toLocaleString("en-US")} not priced yet)` : ""}
            {due.expired ? `, ${due.expired} already expired` : ""} ·{" "}
            {expirations.atRiskAutoRenewOff.toLocaleString("en-US")} of them with auto-renew off
            {` · read from eNom at ${formatReadAt(data.fetchedAt)}${data.stale ? " (some domains earlier)" : ""}`}
          </>
        }
        href="/expirations?filter=30"
        tone={due.paks ? "warning" : "neutral"}
      />
      <StatCard
        label="Expired paks"
        value={summary.expired.toLocaleString("en-US")}
        detail={
          mailboxes.domainsRead === 0 && summary.domainsWithEmail > 0
            ? "Full paks not loaded yet"
            : `${plural(mailboxes.fullPaks, "pak")} full${mailboxes.domainsRead < summary.domainsWithEmail ? " so far" : ""}`
        }
        href="/expirations?filter=expired"
        tone={summary.expired ? "danger" : "neutral"}
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
