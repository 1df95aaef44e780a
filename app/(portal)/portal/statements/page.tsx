import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MonthPicker } from "@/components/ledger/month-picker";
import { StatementTable } from "@/components/ledger/statement-table";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/auth/errors";
import { requirePortalUser } from "@/lib/auth/guards";
import { monthFromSearch, monthLabel, usd } from "@/lib/ledger/model";
import { getStatement, getStatementMonths, portalStatementsAllowed } from "@/lib/ledger/statements";

export const metadata: Metadata = { title: "Statements" };

/**
 * The customer's monthly statement (its administrators, when the reseller lets the customer buy
 * or renew): what was bought and renewed for its domains and what it owes, at its own prices,
 * never the provider's cost. For anyone else the page does not exist.
 */
export default async function PortalStatementsPage({
  searchParams,
}: {
  searchParams: Promise<{ month?: string | string[] }>;
}) {
  const user = await requirePortalUser();
  if (!user.customerId || !(await portalStatementsAllowed(user))) notFound();
  const month = monthFromSearch((await searchParams).month);
  const [statement, months] = await Promise.all([
    getStatement(user, user.customerId, month),
    getStatementMonths(user, user.customerId),
  ]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { totals } = statement;
  return (
    <>
      <PageHeader
        title="Statements"
        description={`${monthLabel(month)}: ${totals.count} ${totals.count === 1 ? "item" : "items"}, ${usd(totals.retailCents)} in total.`}
        actions={
          <>
            <a href={`/api/ledger/statement?month=${month}`} className={buttonClasses("secondary")} download>
              Download CSV
            </a>
            <Link
              href={`/portal/statements/print?month=${month}`}
              className={buttonClasses("secondary")}
              prefetch={false}
            >
              Printable statement
            </Link>
          </>
        }
      />
      <Card aria-label={`Statement for ${monthLabel(month)}`} className="flex flex-col gap-4">
        <MonthPicker path="/portal/statements" month={month} months={months} />
        <StatementTable statement={statement} caption={`Statement for ${monthLabel(month)}`} />
      </Card>
    </>
  );
}
