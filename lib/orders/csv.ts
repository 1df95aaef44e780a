import { csvRecord, type CsvCell } from "@/lib/csv";
import { csvDollars, formatOrderTime, outcomeLabel, type OrderAudience, type OrderView } from "./model";

/**
 * The order history as CSV, with the page's columns for its reader (customers: no customer and no
 * cost column), written with the app's one CSV writer (lib/csv.ts: every cell defused against
 * formula injection). Amounts are dollars with two decimals, so a spreadsheet sums them. Pure: the
 * export route only streams what this writes.
 */

type Column = readonly [header: string, value: (order: OrderView) => CsvCell];

const STAFF_COLUMNS: readonly Column[] = [
  ["When (UTC)", (order) => formatOrderTime(order.createdAt)],
  ["Domain", (order) => order.domain],
  ["Customer", (order) => order.customerName],
  ["What", (order) => order.what],
  ["Pak", (order) => order.pakId],
  ["Outcome", (order) => outcomeLabel(order.outcome, "staff")],
  ["eNom order ID", (order) => order.orderId],
  ["Who", (order) => order.who],
  ["Retail (USD)", (order) => csvDollars(order.retailCents)],
  ["Cost (USD)", (order) => csvDollars(order.costCents)],
];

// No pak column: customers never read eNom's BundleID (the domain and "What" say which pak).
const CUSTOMER_COLUMNS: readonly Column[] = [
  ["When (UTC)", (order) => formatOrderTime(order.createdAt)],
  ["Domain", (order) => order.domain],
  ["What", (order) => order.what],
  ["Outcome", (order) => outcomeLabel(order.outcome, "customer")],
  ["Order number", (order) => order.orderId],
  ["Who", (order) => order.who],
  ["Price (USD)", (order) => csvDollars(order.retailCents)],
];

function columnsOf(audience: OrderAudience): readonly Column[] {
  return audience === "staff" ? STAFF_COLUMNS : CUSTOMER_COLUMNS;
}

export function orderCsvHeader(audience: OrderAudience): string {
  return csvRecord(columnsOf(audience).map(([header]) => header));
}

export function orderCsvLine(order: OrderView, audience: OrderAudience): string {
  return csvRecord(columnsOf(audience).map(([, value]) => value(order)));
}

/** `orders-2026-05-31.csv` (the day in UTC): no product name, as customers download it too. */
export function ordersCsvFilename(now: Date = new Date()): string {
  return `orders-${now.toISOString().slice(0, 10)}.csv`;
}

/** The whole file in chunks, header first, after a byte order mark so Excel reads UTF-8. */
export async function* ordersCsvChunks(
  orders: AsyncIterable<OrderView>,
  audience: OrderAudience,
  ordersPerChunk = 200,
): AsyncGenerator<string> {
  yield `\uFEFF${orderCsvHeader(audience)}`;
  let chunk = "";
  let count = 0;
  for await (const order of orders) {
    chunk += orderCsvLine(order, audience);
    count += 1;
    if (count === ordersPerChunk) {
      yield chunk;
      chunk = "";
      count = 0;
    }
  }
  if (chunk) yield chunk;
}
