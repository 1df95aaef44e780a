import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrintableStatement } from "@/components/ledger/printable-statement";
import { NotFoundError } from "@/lib/auth/errors";
import { requireStaffPage } from "@/lib/auth/guards";
import { getBranding } from "@/lib/branding/settings";
import { monthFromSearch } from "@/lib/ledger/model";
import { getStatement } from "@/lib/ledger/statements";

interface Props {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<{ month?: string | string[] }>;
}

export async function generateMetadata(): Promise<Metadata> {
  // The tab's title is printed in the page's header by some browsers: the reseller's name only.
  const branding = await getBranding();
  return { title: { absolute: `Statement · ${branding.productName}` } };
}

/** The statement staff print or save as PDF for the customer: the customer's columns, in the brand. */
export default async function StaffPrintableStatementPage({ params, searchParams }: Props) {
  const user = await requireStaffPage("customers.view");
  const { customerId } = await params;
  const month = monthFromSearch((await searchParams).month);
  const [statement, branding] = await Promise.all([
    getStatement(user, customerId, month, { print: true }),
    getBranding(),
  ]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <PrintableStatement
      statement={statement}
      branding={branding}
      back={`/customers/${statement.customerId}/statement?month=${month}`}
      issuedOn={new Date().toISOString().slice(0, 10)}
    />
  );
}
