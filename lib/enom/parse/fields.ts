import "server-only";
import { z } from "zod";
import { parseEnomDay } from "../dates";
import { parseMoney } from "../money";

/**
 * zod readers for reply fields, applied to the lower-cased ReplyRecord. Every value arrives as a
 * string and is converted here, explicitly; a value that does not convert fails the whole reply
 * (which the transport reports as EnomUnavailable: an answer we cannot read is no answer).
 */

/** A repeated scalar (`<Success>` and `<success>` in one reply) is read from its first copy. */
const firstOf = (value: unknown) => (Array.isArray(value) ? value[0] : value);
/** Absent, empty (`<IsLockable/>`) and blank all mean "no value". */
const blankAsUndefined = (value: unknown) => {
  const first = firstOf(value);
  return typeof first === "string" && first.trim() === "" ? undefined : first;
};

export const text = z.preprocess(firstOf, z.string().trim().min(1));
export const optionalText = z
  .preprocess(blankAsUndefined, z.string().trim().optional())
  .transform((v) => v ?? null);

const INTEGER = /^[+-]?\d{1,15}$/;
const integer = z
  .string()
  .trim()
  .regex(INTEGER, "not an integer")
  .transform(Number)
  .pipe(z.number().int().refine(Number.isSafeInteger));

export const int = z.preprocess(firstOf, integer);
export const count = z.preprocess(firstOf, integer.pipe(z.number().min(0)));
export const optionalInt = z.preprocess(blankAsUndefined, integer.optional()).transform((v) => v ?? null);
export const optionalCount = z
  .preprocess(blankAsUndefined, integer.pipe(z.number().min(0)).optional())
  .transform((v) => v ?? null);
/** eNom ids (BundleID, OrderID, DomainNameID): positive integers. */
export const id = z.preprocess(firstOf, integer.pipe(z.number().min(1)));
export const optionalId = z
  .preprocess(blankAsUndefined, integer.pipe(z.number().min(1)).optional())
  .transform((v) => v ?? null);

const FLAG_VALUES: Record<string, boolean> = {
  "1": true,
  "0": false,
  true: true,
  false: false,
  yes: true,
  no: false,
};
const flagText = z
  .string()
  .trim()
  .transform((v) => v.toLowerCase())
  .refine((v) => Object.hasOwn(FLAG_VALUES, v), "not a 0/1 or True/False flag")
  .transform((v) => FLAG_VALUES[v] === true);

/** `1`/`0`, `True`/`False`, `yes`/`no`; absent or empty reads as `fallback`. */
export const flag = (fallback: boolean) =>
  z.preprocess(blankAsUndefined, flagText.optional()).transform((v) => v ?? fallback);

/** Like `flag`, but null when eNom did not say. */
export const optionalFlag = z.preprocess(blankAsUndefined, flagText.optional()).transform((v) => v ?? null);

/** `year` / `Year` / `month` (eNom is case-insensitive in its enumerations); null when absent. */
export const optionalBillingPeriod = z
  .preprocess(
    blankAsUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(["month", "year"]))
      .optional(),
  )
  .transform((v) => v ?? null);

export const date = z.preprocess(
  firstOf,
  z.string().transform((v, ctx) => {
    const parsed = parseEnomDay(v);
    if (!parsed) ctx.addIssue({ code: "custom", message: "not an M/D/YYYY date" });
    return parsed ?? { iso: "" };
  }),
);
export const optionalDate = z.preprocess(blankAsUndefined, date.optional()).transform((v) => v ?? null);

export const money = z.preprocess(
  firstOf,
  z.string().transform((v, ctx) => {
    const parsed = parseMoney(v);
    if (!parsed) ctx.addIssue({ code: "custom", message: "not an amount" });
    return parsed ?? { cents: 0, currency: "USD" as const };
  }),
);
export const optionalMoney = z.preprocess(blankAsUndefined, money.optional()).transform((v) => v ?? null);

/**
 * A list element: absent or empty (`<Paks/>`) → [], one child → [child], repeated → all. eNom
 * writes a single item without any array marker, so every list is read this way.
 */
export function list<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) =>
      value === undefined || (typeof value === "string" && value.trim() === "")
        ? []
        : Array.isArray(value)
          ? value
          : [value],
    z.array(item),
  );
}

/** `<Paks><Pak>…</Pak></Paks>`: the items named `child` inside an optional container. */
export function nestedList<T extends z.ZodType>(child: string, item: T) {
  return z.preprocess((container) => {
    if (container === undefined || (typeof container === "string" && container.trim() === "")) return [];
    const first = firstOf(container);
    if (first === null || typeof first !== "object" || Array.isArray(first)) return first; // fails below
    const items: unknown = (first as Record<string, unknown>)[child];
    return items === undefined ? [] : Array.isArray(items) ? items : [items];
  }, z.array(item));
}
