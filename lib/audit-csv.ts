import { csvRecord } from "@/lib/csv";
import type { AuditRow } from "@/lib/db/schema";

/**
 * The audit log as CSV, written with the app's one CSV writer (lib/csv.ts: RFC 4180, every cell
 * defused against formula injection, `;` quoted for the locales that split on it). Pure, so the
 * escaping is tested on its own; the export route only streams what this writes.
 */

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

export const AUDIT_CSV_HEADER = csvRecord(COLUMNS.map(([header]) => header));

export function auditCsvLine(row: AuditRow): string {
  return csvRecord(COLUMNS.map(([, value]) => value(row)));
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
