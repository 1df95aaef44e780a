import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as fields from "./fields";
import type { ReplyRecord, ReplyValue } from "./reply";
import * as rows from "./rows";

/** Values as eNom's replies hold them: text that looks like each field, any text, a record, a list. */
const text = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "0",
    "1",
    "-3",
    "+7",
    "0012",
    "42",
    "1e3",
    "9007199254740993",
    "True",
    "no",
    "maybe",
  ),
  fc.constantFrom("2/29/2024", " 11/25/2015 ", "13/1/2024", "Year", "month", "week", "x"),
  fc.string({ maxLength: 12 }),
);
const value: fc.Arbitrary<ReplyValue | undefined> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ a: text }) },
  { weight: 1, arbitrary: fc.array(text, { minLength: 1, maxLength: 3 }) },
);

/** The zod reader's answer or "refused", and the plain reader's, must be the same. */
function agree(schema: z.ZodType, read: (record: ReplyRecord, name: string) => unknown) {
  fc.assert(
    fc.property(value, (v) => {
      const record: ReplyRecord = v === undefined ? {} : { f: v };
      const expected = schema.safeParse(v);
      let actual: { ok: true; value: unknown } | { ok: false };
      try {
        actual = { ok: true, value: read(record, "f") };
      } catch {
        actual = { ok: false };
      }
      expect(actual.ok).toBe(expected.success);
      if (actual.ok && expected.success) expect(actual.value).toEqual(expected.data);
    }),
    { numRuns: 500 },
  );
}

describe("rows: the plain readers read exactly as the zod field readers do", () => {
  it.each([
    ["text", fields.text, rows.text],
    ["optionalText", fields.optionalText, rows.optionalText],
    ["id", fields.id, rows.id],
    ["optionalCount", fields.optionalCount, rows.optionalCount],
    ["optionalInt", fields.optionalInt, rows.optionalInt],
    ["date", fields.date, rows.date],
    ["optionalDate", fields.optionalDate, rows.optionalDate],
    ["optionalBillingPeriod", fields.optionalBillingPeriod, rows.optionalBillingPeriod],
  ] as const)("%s", (_, schema, read) => agree(schema, read));

  it.each([true, false])("flag, absent reading as %s", (fallback) =>
    agree(fields.flag(fallback), (record, name) => rows.flag(record, name, fallback)),
  );

  // Found by the property above (CI, seed -75499898): a plain-object lookup read "__proto__" as a
  // flag. Names of Object.prototype are no flag, in either reader.
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])("%s is refused as a flag", (name) => {
    expect(() => rows.flag({ f: name }, "f", false)).toThrow();
    expect(() => rows.optionalFlag({ f: name }, "f")).toThrow();
    expect(fields.flag(false).safeParse(name).success).toBe(false);
  });

  it("nestedRecords: absent or empty is none, one is one, repeated is all, anything else is refused", () => {
    expect(rows.nestedRecords({}, "paks", "pak")).toEqual([]);
    expect(rows.nestedRecords({ paks: "" }, "paks", "pak")).toEqual([]);
    expect(rows.nestedRecords({ paks: { pak: { a: "1" } } }, "paks", "pak")).toEqual([{ a: "1" }]);
    expect(rows.nestedRecords({ paks: { pak: [{ a: "1" }, { a: "2" }] } }, "paks", "pak")).toHaveLength(2);
    expect(() => rows.nestedRecords({ paks: "text" }, "paks", "pak")).toThrow();
    expect(() => rows.nestedRecords({ paks: { pak: "text" } }, "paks", "pak")).toThrow();
  });
});
