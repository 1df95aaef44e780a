import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatUsd } from "./format";

describe("display formats", () => {
  it("shows dollars with separators", () => {
    expect(formatUsd({ cents: 500_000 })).toBe("$5,000.00");
    expect(formatUsd({ cents: -1505 })).toBe("-$15.05");
  });
  it("shows calendar dates without shifting the day", () => {
    expect(formatCalendarDate({ iso: "2015-11-25" })).toBe("Nov 25, 2015");
  });
});
