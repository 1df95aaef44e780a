import { writeCsv } from "@/lib/csv";
import type { ExpirationQuery } from "./list";
import type { ExpirationRow } from "./model";

/**
 * The expirations table as CSV: one pak per record, amounts in dollars with two decimals (a
 * spreadsheet sums them), every cell protected against formula injection by lib/csv. There is no
 * billing period column: no eNom reply gives one (enom-api.md), and renewals are priced per year.
 */
export const EXPIRATIONS_CSV_HEADER = [
  "Domain",
  "Customer",
  "Pak",
  "Expires",
  "Days left",
  "Days overdue",
  "Status",
  "Auto-renew",
  "Mailboxes",
  "Storage per mailbox (MB)",
  "Renewal cost, one year (USD)",
] as const;

/** In the auto-renew column of a pak whose details (GetPOP3 of its domain) are not read yet. */
export const NOT_LOADED_YET = "Not loaded yet";

export function expirationCsvRecord(row: ExpirationRow): string[] {
  return [
    row.domain,
    row.customer?.name ?? "",
    String(row.bundleId),
    row.expires,
    // Two columns rather than a negative count: a cell starting with "-" is neutralised as a formula.
    row.days >= 0 ? String(row.days) : "",
    row.days < 0 ? String(-row.days) : "",
    row.days < 0 ? "Expired" : row.days <= 30 ? "Due soon" : "Active",
    row.autoRenew === null ? NOT_LOADED_YET : row.autoRenew ? "On" : "Off",
    // Empty, never 0, while a pak's size is not known: a spreadsheet must not sum a guess.
    row.qtyPurchased === null ? "" : String(row.qtyPurchased),
    row.quotaMb === null ? "" : String(row.quotaMb),
    row.renewalCents === null ? "" : dollars(row.renewalCents),
  ];
}

function dollars(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** The CSV in chunks of `size` records, header first, so a 10,000-pak account streams. */
export function* expirationCsvChunks(rows: readonly ExpirationRow[], size = 500): Generator<string> {
  yield writeCsv([EXPIRATIONS_CSV_HEADER]);
  for (let start = 0; start < rows.length; start += size)
    yield writeCsv(rows.slice(start, start + size).map(expirationCsvRecord));
}

/** `paks-expiring-30-days-2026-11-24.csv` */
export function expirationsCsvFilename(query: ExpirationQuery, todayIso: string): string {
  const what = query.filter
    ? {
        expired: "paks-expired",
        "30": "paks-due-within-30-days",
        "60": "paks-due-within-60-days",
        "90": "paks-due-within-90-days",
        autoRenewOff: "paks-auto-renew-off",
      }[query.filter]
    : "pak-expirations";
  return `${what}-${todayIso}.csv`;
}
