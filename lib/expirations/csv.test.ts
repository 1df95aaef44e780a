import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv";
import { DEFAULT_PRICE_LIST } from "@/lib/pricing/price-list";
import { EXPIRATIONS_CSV_HEADER, expirationCsvChunks, expirationsCsvFilename } from "./csv";
import { DEFAULT_EXPIRATION_QUERY } from "./list";
import { toExpirationRows } from "./model";

const TODAY = "2026-11-24";

describe("the expirations CSV", () => {
  const rows = toExpirationRows(
    [
      {
        domain: "alpha.com",
        bundleId: 7,
        expires: "2026-12-01",
        autoRenew: false,
        details: "loaded",
        qtyPurchased: 15,
        quotaMb: 1536,
        capacityGb: null,
        prodType: 2011,
      },
      {
        domain: "beta.org",
        bundleId: 8,
        expires: "2026-11-01",
        // Its domain's GetPOP3 is not read yet: no size, no auto-renew, no cost (never zero).
        autoRenew: null,
        details: "not-loaded",
        qtyPurchased: null,
        quotaMb: null,
        capacityGb: null,
        prodType: null,
      },
    ],
    {
      todayIso: TODAY,
      prices: DEFAULT_PRICE_LIST.cost,
      owners: new Map([["alpha.com", { customerId: "c1", customerName: '=HYPERLINK("x"), Inc' }]]),
    },
  );

  it("has a header and one record per pak, in streamable chunks", () => {
    const chunks = [...expirationCsvChunks(rows, 1)];
    expect(chunks).toHaveLength(3);
    const { records } = parseCsv(chunks.join(""));
    expect(records[0]).toEqual([...EXPIRATIONS_CSV_HEADER]);
    expect(records[1]).toEqual([
      "alpha.com",
      '\'=HYPERLINK("x"), Inc',
      "7",
      "2026-12-01",
      "7",
      "",
      "Due soon",
      "Off",
      "15",
      "1536",
      "22.50",
    ]);
    expect(records[2]).toEqual([
      "beta.org",
      "",
      "8",
      "2026-11-01",
      "",
      "23",
      "Expired",
      "Not loaded yet",
      "",
      "",
      "",
    ]);
  });

  it("names the file after the filter and the day", () => {
    expect(expirationsCsvFilename({ ...DEFAULT_EXPIRATION_QUERY, filter: "30" }, TODAY)).toBe(
      "paks-due-within-30-days-2026-11-24.csv",
    );
    expect(expirationsCsvFilename(DEFAULT_EXPIRATION_QUERY, TODAY)).toBe("pak-expirations-2026-11-24.csv");
  });
});
