import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DEFAULT_BRANDING, type Branding } from "@/lib/branding/branding";
import { statementLineOf, totalsOf, type LedgerAudience, type Statement } from "@/lib/ledger/model";
import { PrintableStatement } from "./printable-statement";
import { StatementTable } from "./statement-table";

const record = {
  id: 1,
  occurredAt: new Date("2026-05-04T10:00:00Z"),
  domain: "bakery.example",
  kind: "purchase" as const,
  description: "Bought 3 mailboxes · 10 GB each, monthly",
  enomOrderId: "157790042",
  enomTrackingKey: "TK-SECRET",
  costCents: 210,
  retailCents: 600,
};

function statement(audience: LedgerAudience): Statement {
  const lines = [statementLineOf(record, audience)];
  return {
    customerId: "c",
    customerName: "Oakridge Bakery",
    month: "2026-05",
    audience,
    lines,
    totals: totalsOf(lines, audience),
  };
}

const brand: Branding = {
  ...DEFAULT_BRANDING,
  productName: "Lighthouse Mail",
  accentColor: "#b45309",
  supportEmail: "help@lighthouse.example",
  footerText: "Lighthouse Hosting Ltd, 1 Harbour Road",
  logo: { contentType: "image/png", version: "7" },
};

describe("the printable statement", () => {
  it("carries the reseller's brand and the customer's columns, never eNom nor a cost", () => {
    const html = renderToStaticMarkup(
      <PrintableStatement
        statement={statement("customer")}
        branding={brand}
        back="/portal/statements"
        issuedOn="2026-06-01"
      />,
    );
    expect(html).toContain('alt="Lighthouse Mail"');
    expect(html).toContain("/api/branding/logo?v=7");
    expect(html).toContain("help@lighthouse.example");
    expect(html).toContain("Lighthouse Hosting Ltd, 1 Harbour Road");
    // The accent colour, as BrandRoot's variables.
    expect(html).toContain("data-brand-root");
    expect(html).toContain("May 2026");
    expect(html).toContain("Oakridge Bakery");
    expect(html).toContain("157790042");
    expect(html).toContain("$6.00");
    expect(html).not.toMatch(/enom|cost|margin|TK-SECRET|\$2\.10|Mailpak/i);
  });
});

describe("the statement table", () => {
  it("shows staff who see costs the TrackingKey, cost and margin", () => {
    const html = renderToStaticMarkup(<StatementTable statement={statement("staff-cost")} caption="May" />);
    expect(html).toContain("TK-SECRET");
    expect(html).toContain("$2.10");
    expect(html).toContain("$3.90");
  });

  it("shows a customer its amounts only", () => {
    const html = renderToStaticMarkup(<StatementTable statement={statement("customer")} caption="May" />);
    expect(html).toContain("$6.00");
    expect(html).not.toMatch(/enom|cost|margin|TK-SECRET|\$2\.10/i);
  });
});
