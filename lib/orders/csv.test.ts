import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv";
import { orderCsvHeader, ordersCsvChunks, ordersCsvFilename } from "./csv";
import type { OrderView } from "./model";

const ORDER: OrderView = {
  key: "0b6f3c52-5a8e-4c59-9d2b-2f0d1c7e9a10",
  href: "/purchases/0b6f3c52-5a8e-4c59-9d2b-2f0d1c7e9a10",
  createdAt: "2026-05-31T14:02:09.123Z",
  domain: "bakery.test",
  customerName: "=Bakery, Ltd",
  kind: "purchase",
  outcome: "ok",
  what: "Bought 10 mailboxes · 5 GB each, yearly",
  pakId: 4711,
  orderId: "157001",
  who: "ann@reseller.test",
  whoRole: "staff",
  retailCents: 6000,
  costCents: 2500,
};

async function csvOf(orders: OrderView[], audience: "staff" | "customer"): Promise<string> {
  async function* rows() {
    yield* orders;
  }
  let text = "";
  for await (const chunk of ordersCsvChunks(rows(), audience, 1)) text += chunk;
  return text;
}

describe("the orders CSV", () => {
  it("has the staff page's columns, with cost, amounts in dollars and hostile text defused", async () => {
    const text = await csvOf([ORDER], "staff");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const { records } = parseCsv(text);
    expect(records).toEqual([
      [
        "When (UTC)",
        "Domain",
        "Customer",
        "What",
        "Pak",
        "Outcome",
        "eNom order ID",
        "Who",
        "Retail (USD)",
        "Cost (USD)",
      ],
      [
        "2026-05-31 14:02:09",
        "bakery.test",
        "'=Bakery, Ltd",
        "Bought 10 mailboxes · 5 GB each, yearly",
        "4711",
        "Done",
        "157001",
        "ann@reseller.test",
        "60.00",
        "25.00",
      ],
    ]);
  });

  it("gives customers no cost and no customer column, and never the word eNom", async () => {
    const text = await csvOf(
      [{ ...ORDER, outcome: "unknown", customerName: null, costCents: null }],
      "customer",
    );
    expect(text).not.toMatch(/enom|cost|25\.00|4711/i);
    const { records } = parseCsv(text);
    expect(records[0]).toEqual([
      "When (UTC)",
      "Domain",
      "What",
      "Outcome",
      "Order number",
      "Who",
      "Price (USD)",
    ]);
    expect(records[1]).toEqual([
      "2026-05-31 14:02:09",
      "bakery.test",
      "Bought 10 mailboxes · 5 GB each, yearly",
      "Waiting for the email service's answer",
      "157001",
      "ann@reseller.test",
      "60.00",
    ]);
  });

  it("leaves a missing order id, pak or amount empty rather than zero", async () => {
    const { records } = parseCsv(
      await csvOf([{ ...ORDER, orderId: null, pakId: null, retailCents: null, costCents: null }], "staff"),
    );
    expect(records[1]?.slice(4)).toEqual(["", "Done", "", "ann@reseller.test", "", ""]);
  });

  it("writes only the header when nothing matches", async () => {
    expect(await csvOf([], "staff")).toBe(`\uFEFF${orderCsvHeader("staff")}`);
  });

  it("names the download by the day in UTC, without the panel's name", () => {
    expect(ordersCsvFilename(new Date("2026-05-31T23:59:00Z"))).toBe("orders-2026-05-31.csv");
  });
});
