/**
 * Malformed and hostile input for property tests: what a forged request to a server action or a
 * form can carry. Strings that are huge, invisible or look like numbers; numbers that are not
 * finite; prototype-pollution keys; deep nesting; values React's action protocol can carry
 * (dates, maps, sets, bigints, FormData).
 */
import fc from "fast-check";

const HUGE = "x".repeat(200_000);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "\u0000",
      "\t\r\n",
      "\u200b",
      "\u202eevil",
      "\ud800",
      "NaN",
      "Infinity",
      "-Infinity",
      "-0",
      "1e309",
      "0x1F",
      "  600018  ",
      "600018.5",
      "9".repeat(40),
      "true",
      "null",
      "undefined",
      "__proto__",
      "constructor",
      "prototype",
      "toString",
      "<script>alert(1)</script>",
      "'; DROP TABLE users; --",
      "../../etc/passwd",
      "a@b",
      "info@saffron-movers.biz",
      "SAFFRON-MOVERS.BIZ.",
      "saffron-movers.biz",
      "00000000-0000-0000-0000-000000000000",
      "%00%ff",
      HUGE,
      `${"a.".repeat(20_000)}!`,
      `${"a".repeat(70)}@${"b-".repeat(5_000)}`,
      "é".repeat(5_000),
      "🙂".repeat(2_000),
    ),
  },
);

const POLLUTION_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "__defineGetter__",
  "hasOwnProperty",
  "toString",
];

/** Keys a forged request would use: the real field names, pollution keys, and noise. */
export function hostileKey(fieldNames: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(fieldNames.length ? fieldNames : ["domain"])) },
    { weight: 2, arbitrary: fc.constantFrom(...POLLUTION_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
}

export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, 1e309) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
);

/** Nested values whose keys are drawn from `fieldNames` and pollution keys. */
export function hostileValue(fieldNames: readonly string[] = []): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      hostileLeaf,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(hostileKey(fieldNames), tie("value"), { maxKeys: 5 }),
    ),
  }));
  return value;
}

/** Objects as JSON.parse makes them: `__proto__` as an own key, the shape of a forged body. */
export const pollutedObjects: fc.Arbitrary<unknown> = fc.constantFrom(
  ...[
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"domain":"saffron-movers.biz","__proto__":{"isAdmin":true,"polluted":true}}',
    '{"items":[{"__proto__":{"polluted":true}}]}',
    '{"userNames":{"length":3,"0":"office"}}',
  ].map((json) => JSON.parse(json) as unknown),
);

/** Nesting deeper than any schema: a recursive walk of it would overflow the stack. */
export function deeplyNested(depth = 5_000): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { domain: value, items: value };
  // fast-check prints a failing input; a recursive print of this one would overflow the stack.
  return { domain: value, items: value, [fc.toStringMethod]: () => `deeplyNested(${depth})` };
}

/** Everything together, for an input of unknown shape. */
export function hostileInput(fieldNames: readonly string[] = []): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: hostileValue(fieldNames) },
    {
      weight: 2,
      arbitrary: fc.anything({
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withBoxedValues: true,
        withSparseArray: true,
        withTypedArray: true,
        maxDepth: 4,
      }),
    },
    { weight: 1, arbitrary: pollutedObjects },
    { weight: 1, arbitrary: fc.constant(null).map(() => deeplyNested()) },
  );
}

/** A valid input with one to three fields (possibly nested) replaced by hostile values. */
export function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc
    .array(fc.tuple(hostileKey(keys), hostileValue(keys), fc.boolean()), { minLength: 1, maxLength: 3 })
    .map((edits) => {
      const copy: Record<string, unknown> = structuredClone(valid);
      for (const [key, value, nested] of edits) {
        const current = copy[key];
        if (nested && Array.isArray(current) && current.length > 0) {
          const first = current[0];
          current[0] =
            typeof first === "object" && first !== null ? { ...(first as object), [key]: value } : value;
        } else
          Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return copy;
    });
}

/** Whether anything wrote onto Object.prototype. */
export function prototypePolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    probe.polluted !== undefined || probe.isAdmin !== undefined || Object.keys(Object.prototype).length > 0
  );
}
