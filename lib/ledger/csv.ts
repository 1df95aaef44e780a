import { csvRecord, type CsvCell } from "@/lib/csv";
import { csvDollars, formatOrderTime } from "@/lib/orders/model";
import { showsCost, type LedgerAudience, type Statement, type StatementLine } from "./model";

/**
 * The ledger as CSV, written with the app's one CSV writer (lib/csv.ts: every cell defused against
 * formula injection). Amounts are dollars with two decimals so a spreadsheet sums them. A
 * customer's file has its own columns: no cost, no TrackingKey, no word of eNom. Pure.
 */

type Column<T> = readonly [header: string, value: (row: T) => CsvCell];

const CUSTOMER_COLUMNS: readonly Column<StatementLine>[] = [
  ["Date (UTC)", (line) => formatOrderTime(line.occurredAt)],
  ["Domain", (line) => line.domain],
  ["What", (line) => line.what],
  ["Order number", (line) => line.orderId],
  ["Amount (USD)", (line) => csvDollars(line.retailCents)],
];

const STAFF_COLUMNS: readonly Column<StatementLine>[] = [
  ["Date (UTC)", (line) => formatOrderTime(line.occurredAt)],
  ["Domain", (line) => line.domain],
  ["What", (line) => line.what],
  ["eNom order ID", (line) => line.orderId],
  ["TrackingKey", (line) => line.trackingKey],
  ["Retail (USD)", (line) => csvDollars(line.retailCents)],
];

const STAFF_COST_COLUMNS: readonly Column<StatementLine>[] = [
  ...STAFF_COLUMNS,
  ["Cost (USD)", (line) => csvDollars(line.costCents)],
  ["Margin (USD)", (line) => csvDollars(line.marginCents)],
];

function statementColumns(audience: LedgerAudience): readonly Column<StatementLine>[] {
  if (audience === "customer") return CUSTOMER_COLUMNS;
  return showsCost(audience) ? STAFF_COST_COLUMNS : STAFF_COLUMNS;
}

/** The statement as one CSV file (a month is small), with a total line, after a byte order mark. */
export function statementCsv(statement: Statement): string {
  const columns = statementColumns(statement.audience);
  const header = csvRecord(columns.map(([name]) => name));
  const lines = statement.lines.map((line) => csvRecord(columns.map(([, value]) => value(line))));
  const total: CsvCell[] = columns.map(([name]) => {
    if (name === "Date (UTC)") return "Total";
    if (name === "Retail (USD)" || name === "Amount (USD)") return csvDollars(statement.totals.retailCents);
    if (name === "Cost (USD)") return csvDollars(statement.totals.costCents);
    if (name === "Margin (USD)") return csvDollars(statement.totals.marginCents);
    return "";
  });
  return `\uFEFF${header}${lines.join("")}${csvRecord(total)}`;
}

/** `statement-2026-05.csv`: no customer or product name (it may hold anything). */
export function statementCsvFilename(month: string): string {
  return `statement-${month}.csv`;
}

export interface AccountingRow {
  id: number;
  attemptKey: string;
  occurredAt: Date;
  customerName: string | null;
  domain: string;
  kind: string;
  description: string;
  enomOrderId: string | null;
  enomTrackingKey: string | null;
  costCents: number;
  retailCents: number;
}

const ACCOUNTING_COLUMNS: readonly Column<AccountingRow>[] = [
  ["Entry", (row) => row.id],
  ["Date (UTC)", (row) => formatOrderTime(row.occurredAt.toISOString())],
  ["Customer", (row) => row.customerName ?? "(none)"],
  ["Domain", (row) => row.domain],
  ["Kind", (row) => row.kind],
  ["What", (row) => row.description],
  ["eNom order ID", (row) => row.enomOrderId],
  ["TrackingKey", (row) => row.enomTrackingKey],
  ["Retail (USD)", (row) => csvDollars(row.retailCents)],
  ["Cost (USD)", (row) => csvDollars(row.costCents)],
  ["Margin (USD)", (row) => csvDollars(row.retailCents - row.costCents)],
  ["Purchase key", (row) => row.attemptKey],
];

export function accountingCsvHeader(): string {
  return csvRecord(ACCOUNTING_COLUMNS.map(([name]) => name));
}

export function accountingCsvLine(row: AccountingRow): string {
  return csvRecord(ACCOUNTING_COLUMNS.map(([, value]) => value(row)));
}

/** The export in chunks, header first after a byte order mark (Excel then reads UTF-8). */
export async function* accountingCsvChunks(
  rows: AsyncIterable<AccountingRow>,
  perChunk = 200,
): AsyncGenerator<string> {
  yield `\uFEFF${accountingCsvHeader()}`;
  let chunk = "";
  let count = 0;
  for await (const row of rows) {
    chunk += accountingCsvLine(row);
    count += 1;
    if (count === perChunk) {
      yield chunk;
      chunk = "";
      count = 0;
    }
  }
  if (chunk) yield chunk;
}

/** `ledger-2026-01-01-to-2026-03-31.csv`. */
export function accountingCsvFilename(range: { from: string; to: string }): string {
  return `ledger-${range.from}-to-${range.to}.csv`;
}
