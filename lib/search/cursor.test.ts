import { describe, expect, it } from "vitest";
import { BadCursorError, compareRows, decodeCursor, encodeCursor, type RowPosition } from "./cursor";

describe("search cursors", () => {
  it("carry a position through the URL unchanged", () => {
    const row: RowPosition = { kind: "row", tier: 1, domain: "bäckerei.test", rank: 1, name: "o'brien" };
    const cursor = encodeCursor(row);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(row);
    const pak = { kind: "pak", expires: "2026-07-01", domain: "bakery.test", bundleId: 42 } as const;
    expect(decodeCursor(encodeCursor(pak))).toEqual(pak);
  });

  it.each([
    ["not base64 JSON", "bm90LWEtY3Vyc29y"],
    ["an empty string", ""],
    ["a wrong shape", Buffer.from(JSON.stringify(["r", 5, "a", 0, ""])).toString("base64url")],
    ["a negative pak", Buffer.from(JSON.stringify(["p", "2026-01-01", "a", -1])).toString("base64url")],
  ])("refuses %s", (_what, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(BadCursorError);
  });

  it("order rows by tier, domain, the domain before its mailboxes, then user name", () => {
    const at = (tier: number, domain: string, rank: number, name: string): RowPosition => ({
      kind: "row",
      tier,
      domain,
      rank,
      name,
    });
    const sorted = [
      at(1, "a.test", 0, ""),
      at(0, "b.test", 1, "zed"),
      at(0, "b.test", 0, ""),
      at(0, "a-b.test", 1, "x"),
      at(0, "b.test", 1, "ann"),
    ].sort(compareRows);
    expect(sorted.map((row) => `${row.tier} ${row.domain} ${row.name}`)).toEqual([
      "0 a-b.test x",
      "0 b.test ",
      "0 b.test ann",
      "0 b.test zed",
      "1 a.test ",
    ]);
  });
});
