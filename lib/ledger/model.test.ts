import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv";
import { accountingCsvChunks, statementCsv, type AccountingRow } from "./csv";
import {
  addMonths,
  exportInstants,
  exportRangeSchema,
  marginSeries,
  monthFromSearch,
  monthLabel,
  monthRange,
  statementLineOf,
  totalsOf,
  type LedgerAudience,
  type LedgerRecord,
  type Statement,
} from "./model";

const record = (overrides: Partial<LedgerRecord> = {}): LedgerRecord => ({
  id: 1,
  occurredAt: new Date("2026-05-31T23:59:59.000Z"),
  domain: "bakery.example",
  kind: "purchase",
  description: "Bought 10 mailboxes · 5 GB each, yearly",
  enomOrderId: "157790001",
  enomTrackingKey: "TK-1234",
  costCents: 4000,
  retailCents: 9000,
  ...overrides,
});

function statementOf(audience: LedgerAudience, records: LedgerRecord[]): Statement {
  const lines = records.map((row) => statementLineOf(row, audience));
  return {
    customerId: "c",
    customerName: "Bakery",
    month: "2026-05",
    audience,
    lines,
    totals: totalsOf(lines, audience),
  };
}

describe("months", () => {
  it("are calendar months in UTC, the next one exclusive", () => {
    expect(monthRange("2026-12")).toEqual({
      from: new Date("2026-12-01T00:00:00.000Z"),
      to: new Date("2027-01-01T00:00:00.000Z"),
    });
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-11", 3)).toBe("2027-02");
    expect(monthLabel("2026-05")).toBe("May 2026");
  });

  it("read from an address fall back to the current month when malformed", () => {
    const now = new Date("2026-07-15T12:00:00Z");
    expect(monthFromSearch("2026-03", now)).toBe("2026-03");
    expect(monthFromSearch(["2025-11", "2026-01"], now)).toBe("2025-11");
    for (const bad of ["2026-13", "2026-5", "x", undefined, "1999-01", "2026-00'; drop"])
      expect(monthFromSearch(bad, now)).toBe("2026-07");
  });
});

describe("statement lines and totals", () => {
  const rows = [
    record(),
    record({ id: 2, costCents: 250, retailCents: 600, enomTrackingKey: null }),
    record({ id: 3, costCents: 1000, retailCents: 800 }),
  ];

  it("give staff who see costs the cost, the margin and the totals", () => {
    const statement = statementOf("staff-cost", rows);
    expect(statement.lines[0]).toMatchObject({ costCents: 4000, marginCents: 5000, trackingKey: "TK-1234" });
    expect(statement.lines[2]?.marginCents).toBe(-200);
    expect(statement.totals).toEqual({ count: 3, retailCents: 10_400, costCents: 5250, marginCents: 5150 });
  });

  it("give staff without costs and customers the retail only; customers no TrackingKey", () => {
    const staff = statementOf("staff", rows);
    expect(staff.lines.every((line) => line.costCents === null && line.marginCents === null)).toBe(true);
    expect(staff.lines[0]?.trackingKey).toBe("TK-1234");
    expect(staff.totals).toEqual({ count: 3, retailCents: 10_400, costCents: null, marginCents: null });
    const customer = statementOf("customer", rows);
    expect(customer.lines.every((line) => line.costCents === null && line.trackingKey === null)).toBe(true);
    expect(customer.totals.retailCents).toBe(10_400);
  });
});

describe("the statement's CSV", () => {
  it("has the customer's columns for a customer: no cost, no TrackingKey, no eNom", () => {
    const text = statementCsv(statementOf("customer", [record(), record({ id: 2, retailCents: 650 })]));
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).not.toMatch(/enom|cost|margin|TK-1234/i);
    const { records } = parseCsv(text);
    expect(records).toEqual([
      ["Date (UTC)", "Domain", "What", "Order number", "Amount (USD)"],
      [
        "2026-05-31 23:59:59",
        "bakery.example",
        "Bought 10 mailboxes · 5 GB each, yearly",
        "157790001",
        "90.00",
      ],
      [
        "2026-05-31 23:59:59",
        "bakery.example",
        "Bought 10 mailboxes · 5 GB each, yearly",
        "157790001",
        "6.50",
      ],
      ["Total", "", "", "", "96.50"],
    ]);
  });

  it("has cost, margin and their totals for staff who see costs", () => {
    const { records } = parseCsv(statementCsv(statementOf("staff-cost", [record(), record({ id: 2 })])));
    expect(records[0]).toEqual([
      "Date (UTC)",
      "Domain",
      "What",
      "eNom order ID",
      "TrackingKey",
      "Retail (USD)",
      "Cost (USD)",
      "Margin (USD)",
    ]);
    expect(records[1]?.slice(4)).toEqual(["TK-1234", "90.00", "40.00", "50.00"]);
    expect(records.at(-1)).toEqual(["Total", "", "", "", "", "180.00", "80.00", "100.00"]);
  });

  it("defuses a domain or description a spreadsheet would run", () => {
    const text = statementCsv(statementOf("customer", [record({ description: "=HYPERLINK(1)" })]));
    expect(parseCsv(text).records[1]?.[2]).toBe("'=HYPERLINK(1)");
  });
});

describe("the accounting export", () => {
  it("writes every row with its customer, cost, retail and margin", async () => {
    async function* rows(): AsyncGenerator<AccountingRow> {
      yield { ...record(), attemptKey: "k1", customerName: "Bakery" };
      yield { ...record({ id: 2, costCents: 100, retailCents: 100 }), attemptKey: "k2", customerName: null };
    }
    let text = "";
    for await (const chunk of accountingCsvChunks(rows(), 1)) text += chunk;
    const { records } = parseCsv(text);
    expect(records).toHaveLength(3);
    expect(records[1]).toEqual([
      "1",
      "2026-05-31 23:59:59",
      "Bakery",
      "bakery.example",
      "purchase",
      "Bought 10 mailboxes · 5 GB each, yearly",
      "157790001",
      "TK-1234",
      "90.00",
      "40.00",
      "50.00",
      "k1",
    ]);
    expect(records[2]?.[2]).toBe("(none)");
    expect(records[2]?.[10]).toBe("0.00");
  });

  it("reads a date range of whole UTC days, the last one included", () => {
    expect(exportRangeSchema.safeParse({ from: "2026-03-01", to: "2026-02-01" }).success).toBe(false);
    expect(exportRangeSchema.safeParse({ from: "2026-3-1", to: "2026-04-01" }).success).toBe(false);
    expect(exportInstants({ from: "2026-03-01", to: "2026-03-31" })).toEqual({
      from: new Date("2026-03-01T00:00:00Z"),
      to: new Date("2026-04-01T00:00:00Z"),
    });
  });
});

describe("margin per month", () => {
  it("lists the last 12 months oldest first, with zero for a month without a debit", () => {
    const series = marginSeries(
      [
        { month: "2026-05", retailCents: 9000, costCents: 4000, count: 2 },
        { month: "2025-06", retailCents: 300, costCents: 100, count: 1 },
        // Older than the window: left out.
        { month: "2025-05", retailCents: 999, costCents: 1, count: 1 },
      ],
      "2026-05",
    );
    expect(series).toHaveLength(12);
    expect(series[0]).toEqual({
      month: "2025-06",
      retailCents: 300,
      costCents: 100,
      marginCents: 200,
      count: 1,
    });
    expect(series[11]).toEqual({
      month: "2026-05",
      retailCents: 9000,
      costCents: 4000,
      marginCents: 5000,
      count: 2,
    });
    expect(series[5]).toEqual({ month: "2025-11", retailCents: 0, costCents: 0, marginCents: 0, count: 0 });
  });
});
