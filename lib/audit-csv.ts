import type { AuditRow } from "@/lib/db/schema";

/**
 * The audit log as CSV (RFC 4180: comma-separated, CRLF line ends, quotes doubled). Pure, so the
 * escaping is tested on its own; the export route only streams what this writes.
 */

/** Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: text that could be a formula is defused with a leading apostrophe, then quoted if needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) || text !== String(value) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

const COLUMNS: ReadonlyArray<readonly [header: string, value: (row: AuditRow) => string | number | null]> = [
  ["id", (row) => row.id],
  ["time_utc", (row) => row.at.toISOString()],
  ["actor_email", (row) => row.actorEmail],
  ["actor_role", (row) => row.actorRole],
  ["action", (row) => row.action],
  ["outcome", (row) => row.outcome],
  ["domain", (row) => row.domain],
  ["pak_id", (row) => row.pakId],
  ["mailbox", (row) => row.mailbox],
  ["summary", (row) => row.summary],
  ["enom_tracking_key", (row) => row.enomTrackingKey],
  ["enom_order_id", (row) => row.enomOrderId],
  ["enom_error", (row) => row.enomError],
  ["target_user_id", (row) => row.targetUserId],
  ["target_customer_id", (row) => row.targetCustomerId],
  ["ip", (row) => row.ip],
  ["user_agent", (row) => row.userAgent],
  ["details", (row) => (Object.keys(row.details).length ? JSON.stringify(row.details) : "")],
];

export const AUDIT_CSV_HEADER = csvLine(COLUMNS.map(([header]) => header));

export function auditCsvLine(row: AuditRow): string {
  return csvLine(COLUMNS.map(([, value]) => value(row)));
}

/** The name a download gets: `mailpak-audit-2026-05-31.csv` (the day in UTC). */
export function auditCsvFilename(now: Date = new Date()): string {
  return `mailpak-audit-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * The whole file, a few hundred rows per chunk, for a streamed response. It starts with a byte
 * order mark so that Excel reads the UTF-8 (accented names, IDN domains) correctly.
 */
export async function* auditCsvChunks(
  rows: AsyncIterable<AuditRow>,
  rowsPerChunk = 200,
): AsyncGenerator<string> {
  yield `\uFEFF${AUDIT_CSV_HEADER}`;
  let chunk = "";
  let count = 0;
  for await (const row of rows) {
    chunk += auditCsvLine(row);
    count += 1;
    if (count === rowsPerChunk) {
      yield chunk;
      chunk = "";
      count = 0;
    }
  }
  if (chunk) yield chunk;
}
