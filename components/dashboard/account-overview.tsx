import { Alert } from "@/components/ui/alert";
import { summarisePaks } from "@/lib/dashboard/summary";
import { getEnomClient, isEnomError } from "@/lib/enom";
import { formatUsd } from "@/lib/format";
import { StatCard } from "./stat-card";

/** The eNom account at a glance: two eNom calls (GetBalance, GetPOPExpirations), side by side. */
export async function AccountOverview() {
  const client = getEnomClient();
  const [balance, expirations] = await Promise.allSettled([client.getBalance(), client.getPopExpirations()]);
  if (balance.status === "rejected" && expirations.status === "rejected") {
    const reason = balance.reason;
    return (
      <Alert tone="danger" title="eNom could not be reached">
        {isEnomError(reason)
          ? `eNom answered: ${reason.errors.join(" ")}`
          : "The account's figures will appear when eNom answers again. Nothing has changed."}
      </Alert>
    );
  }
  const summary = expirations.status === "fulfilled" ? summarisePaks(expirations.value.paks) : null;
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard
        label="eNom account balance"
        value={balance.status === "fulfilled" ? formatUsd(balance.value.balance) : "Unavailable"}
        detail={
          balance.status !== "fulfilled"
            ? "eNom did not answer"
            : balance.value.availableBalance
              ? `${formatUsd(balance.value.availableBalance)} available`
              : undefined
        }
      />
      {summary ? (
        <>
          <StatCard
            label="Email paks"
            value={summary.paks}
            detail={`${summary.domainsWithEmail} domains · ${summary.mailboxesUsed} of ${summary.mailboxesPurchased} mailboxes used`}
            href="/domains"
          />
          <StatCard
            label="Due within 30 days"
            value={summary.dueIn30Days}
            detail={`${summary.autoRenewOff} paks with auto-renew off`}
            href="/expirations"
            tone={summary.dueIn30Days ? "warning" : "neutral"}
          />
          <StatCard
            label="Expired paks"
            value={summary.expired}
            detail={`${summary.fullPaks} paks are full`}
            href="/expirations"
            tone={summary.expired ? "danger" : "neutral"}
          />
        </>
      ) : (
        <Alert tone="warning" title="Pak figures are unavailable">
          eNom did not return the account&apos;s paks. Try again in a moment.
        </Alert>
      )}
    </div>
  );
}
