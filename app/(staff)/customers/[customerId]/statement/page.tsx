import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MonthPicker } from "@/components/ledger/month-picker";
import { StatementTable } from "@/components/ledger/statement-table";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/auth/errors";
import { requireStaffPage } from "@/lib/auth/guards";
import { monthFromSearch, monthLabel, showsCost, usd } from "@/lib/ledger/model";
import { getStatement, getStatementMonths } from "@/lib/ledger/statements";

export const metadata: Metadata = { title: "Statement" };

interface Props {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<{ month?: string | string[] }>;
}

/**
 * A customer's statement for a month (UTC): every eNom debit Mailpak caused for the customer,
 * with what the customer owes; cost and margin for staff who see costs. A CSV and a printable
 * page in the reseller's brand (what the customer receives) are a click away.
 */
export default async function CustomerStatementPage({ params, searchParams }: Props) {
  const user = await requireStaffPage("customers.view");
  const { customerId } = await params;
  const month = monthFromSearch((await searchParams).month);
  const [statement, months] = await Promise.all([
    getStatement(user, customerId, month),
    getStatementMonths(user, customerId),
  ]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const base = `/customers/${statement.customerId}`;
  const query = `customerId=${statement.customerId}&month=${month}`;
  const { totals } = statement;
  return (
    <>
      <PageHeader
        title={`Statement of ${statement.customerName}`}
        description={`${monthLabel(month)} (UTC): ${totals.count} ${totals.count === 1 ? "item" : "items"}, ${usd(totals.retailCents)} owed${showsCost(statement.audience) ? `, ${usd(totals.costCents ?? 0)} debited by eNom, margin ${usd(totals.marginCents ?? 0)}` : ""}.`}
        actions={
          <>
            <a href={`/api/ledger/statement?${query}`} className={buttonClasses("secondary")} download>
              Download CSV
            </a>
            <Link
              href={`${base}/statement/print?month=${month}`}
              className={buttonClasses("secondary")}
              prefetch={false}
            >
              Printable statement
            </Link>
            <Link href={base} className={buttonClasses("secondary")}>
              Back to the customer
            </Link>
          </>
        }
      />
      <Card aria-label={`Statement for ${monthLabel(month)}`} className="flex flex-col gap-4">
        <MonthPicker path={`${base}/statement`} month={month} months={months} />
        <StatementTable statement={statement} caption={`${statement.customerName}: ${monthLabel(month)}`} />
      </Card>
    </>
  );
}
