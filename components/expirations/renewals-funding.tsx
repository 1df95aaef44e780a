import { CircleCheck, TriangleAlert } from "lucide-react";
import Link from "next/link";
import type { AccountBalance } from "@/lib/dashboard/balance";
import { spendableCents } from "@/lib/dashboard/balance";
import { balanceShortfallCents, type RenewalsDue } from "@/lib/expirations/model";
import { formatUsd } from "@/lib/format";
import { plural } from "@/components/domains/format";

/**
 * Whether the balance pays for the renewals due within 30 days (expired paks included). Short of
 * it, a visible warning card, not an alert: it is a standing fact to act on, not news to announce.
 * Renders nothing while the balance is unknown (its own card says so).
 */
export async function RenewalsFunding({
  balance,
  due,
}: {
  balance: Promise<AccountBalance>;
  due: Promise<RenewalsDue | null>;
}) {
  const [account, renewals] = await Promise.all([balance, due]);
  const spendable = spendableCents(account);
  if (spendable === null || !renewals || renewals.paks === 0) return null;
  const shortfall = balanceShortfallCents(spendable, renewals) ?? 0;
  const cost = formatUsd({ cents: renewals.costCents });
  const unpriced =
    renewals.unpriced > 0
      ? ` ${plural(renewals.unpriced, "pak")} could not be priced and ${renewals.unpriced === 1 ? "is" : "are"} not included.`
      : "";
  if (shortfall === 0) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted">
        <CircleCheck aria-hidden="true" className="size-4 text-success" />
        The balance covers the {cost} of renewals due within 30 days.{unpriced}
      </p>
    );
  }
  const short = formatUsd({ cents: shortfall });
  return (
    <section
      aria-labelledby="renewals-funding-title"
      className="flex gap-3 rounded-lg border border-warning/50 bg-warning-soft p-4 shadow-sm"
    >
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-warning" />
      <div className="text-sm">
        <h2 id="renewals-funding-title" className="font-semibold">
          The balance cannot cover the renewals due within 30 days
        </h2>
        <p className="mt-1">
          Renewing the {plural(renewals.paks, "pak")} due within 30 days
          {renewals.expired ? ` (${renewals.expired} already expired)` : ""} costs {cost} at your cost prices;
          the balance available is {formatUsd({ cents: spendable })}, {short} short. Add funds to the eNom
          account so these paks do not lapse.{unpriced}
        </p>
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
          <Link href="/expirations?filter=30" className="font-medium text-accent underline">
            See the paks due within 30 days
          </Link>
          {renewals.expired ? (
            <Link href="/expirations?filter=expired" className="font-medium text-accent underline">
              See the expired paks
            </Link>
          ) : null}
        </p>
      </div>
    </section>
  );
}
