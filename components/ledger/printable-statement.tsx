import Link from "next/link";
import { BrandRoot } from "@/components/portal/brand-root";
import { PortalBrand } from "@/components/portal/portal-brand";
import { buttonClasses } from "@/components/ui/button";
import type { Branding } from "@/lib/branding/branding";
import { ledgerDay, monthLabel, usd, type Statement } from "@/lib/ledger/model";
import { PrintButton } from "./print-button";

/**
 * The statement the customer receives, in the reseller's brand (logo or product name, accent
 * colour, support contacts, footer text): what was bought or renewed in the month and what it
 * costs the customer. It never names the upstream provider and shows no cost: the statement is
 * always built with the customer's columns (lib/ledger/statements.ts, `print`).
 */
export function PrintableStatement({
  statement,
  branding,
  back,
  issuedOn,
}: {
  statement: Statement;
  branding: Branding;
  /** Where "Back" goes on screen (not printed). */
  back: string;
  /** The day the page was made, YYYY-MM-DD (UTC). */
  issuedOn: string;
}) {
  const { lines, totals } = statement;
  return (
    <BrandRoot
      accentColor={branding.accentColor}
      className="min-h-dvh bg-canvas print:bg-white print:text-black"
    >
      <main id="main" className="mx-auto flex max-w-4xl flex-col gap-8 px-6 py-8 print:max-w-none print:p-0">
        <div className="flex flex-wrap gap-2 print:hidden">
          <PrintButton />
          <Link href={back} className={buttonClasses("secondary")}>
            Back
          </Link>
        </div>
        <header className="flex flex-wrap items-start justify-between gap-4 border-b-4 border-accent pb-4">
          <div className="flex min-w-0 flex-col gap-1">
            <PortalBrand branding={branding} />
            {branding.logo ? <span className="text-sm text-muted">{branding.productName}</span> : null}
          </div>
          <div className="text-right">
            <h1 className="text-2xl font-semibold text-accent">Statement</h1>
            <p className="text-sm">{monthLabel(statement.month)}</p>
            <p className="text-xs text-muted">Issued {issuedOn}</p>
          </div>
        </header>
        <section aria-label="Customer">
          <p className="text-xs tracking-wide text-muted uppercase">For</p>
          <p className="text-lg font-semibold">{statement.customerName}</p>
        </section>
        {lines.length === 0 ? (
          <p className="text-sm">Nothing was bought or renewed in {monthLabel(statement.month)}.</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Purchases and renewals in {monthLabel(statement.month)}</caption>
            <thead>
              <tr className="border-b-2 border-accent">
                <th scope="col" className="py-2 pr-3 font-semibold">
                  Date
                </th>
                <th scope="col" className="py-2 pr-3 font-semibold">
                  Domain
                </th>
                <th scope="col" className="py-2 pr-3 font-semibold">
                  Description
                </th>
                <th scope="col" className="py-2 pr-3 font-semibold">
                  Order number
                </th>
                <th scope="col" className="py-2 text-right font-semibold">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id} className="border-b border-line break-inside-avoid">
                  <td className="py-2 pr-3 whitespace-nowrap">{ledgerDay(line.occurredAt)}</td>
                  <td className="py-2 pr-3 [overflow-wrap:anywhere]">{line.domain}</td>
                  <td className="py-2 pr-3">{line.what}</td>
                  <td className="py-2 pr-3 tabular-nums">{line.orderId ?? "—"}</td>
                  <td className="py-2 text-right tabular-nums">{usd(line.retailCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-accent font-semibold">
                <td colSpan={4} className="py-3">
                  Total for {monthLabel(statement.month)}
                </td>
                <td className="py-3 text-right tabular-nums" data-testid="printable-total">
                  {usd(totals.retailCents)}
                </td>
              </tr>
            </tfoot>
          </table>
        )}
        <footer className="mt-auto flex flex-col gap-1 border-t border-line pt-4 text-xs text-muted">
          {branding.supportEmail || branding.supportUrl ? (
            <p>
              Questions about this statement?{" "}
              {[branding.supportEmail, branding.supportUrl].filter(Boolean).join(" · ")}
            </p>
          ) : null}
          {branding.footerText ? <p className="whitespace-pre-line">{branding.footerText}</p> : null}
          <p>{branding.productName}</p>
        </footer>
      </main>
    </BrandRoot>
  );
}
