import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney } from "./money";

describe("parseMoney", () => {
  it("turns eNom's decimal strings into integer cents", () => {
    expect(parseMoney("15")).toEqual({ cents: 1500, currency: "USD" });
    expect(parseMoney("15.00")).toEqual({ cents: 1500, currency: "USD" });
    expect(parseMoney("15.5")).toEqual({ cents: 1550, currency: "USD" });
    expect(parseMoney("0.29")).toEqual({ cents: 29, currency: "USD" }); // 0.29 * 100 is 28.999… in floats
    expect(parseMoney("1,234.56")).toEqual({ cents: 123456, currency: "USD" });
    expect(parseMoney("-3.25")).toEqual({ cents: -325, currency: "USD" });
    expect(parseMoney(" 9.990 ")).toEqual({ cents: 999, currency: "USD" });
  });

  it("refuses what is not an amount, or would need rounding", () => {
    for (const text of [
      "",
      "abc",
      "1.2.3",
      "15.005",
      "1e3",
      "$15",
      "12,34",
      "1,2345.00",
      "99999999999999999999",
    ])
      expect(parseMoney(text), text).toBeNull();
  });

  it("round-trips every cent amount exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        expect(parseMoney(formatMoney({ cents, currency: "USD" }))).toEqual({ cents, currency: "USD" });
      }),
    );
  });
});
