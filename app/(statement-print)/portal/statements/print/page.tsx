import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrintableStatement } from "@/components/ledger/printable-statement";
import { NotFoundError } from "@/lib/auth/errors";
import { requirePortalUser } from "@/lib/auth/guards";
import { getBranding } from "@/lib/branding/settings";
import { monthFromSearch } from "@/lib/ledger/model";
import { getStatement } from "@/lib/ledger/statements";

export async function generateMetadata(): Promise<Metadata> {
  const branding = await getBranding();
  return { title: { absolute: `Statement · ${branding.productName}` } };
}

/** A customer's administrator prints their own statement; for anyone else it does not exist. */
export default async function PortalPrintableStatementPage({
  searchParams,
}: {
  searchParams: Promise<{ month?: string | string[] }>;
}) {
  const user = await requirePortalUser();
  if (!user.customerId) notFound();
  const month = monthFromSearch((await searchParams).month);
  const [statement, branding] = await Promise.all([
    getStatement(user, user.customerId, month, { print: true }),
    getBranding(),
  ]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <PrintableStatement
      statement={statement}
      branding={branding}
      back={`/portal/statements?month=${month}`}
      issuedOn={new Date().toISOString().slice(0, 10)}
    />
  );
}
