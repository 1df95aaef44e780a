import "server-only";
import { parseEnomDay, type CalendarDate } from "../dates";
import { ReplyFormatError, type ReplyRecord, type ReplyValue } from "./reply";

/**
 * Plain-function twins of the zod field readers in fields.ts, for the two replies that list the
 * whole account (GetDomains, GetPOPExpirations: 10,000 rows for a large reseller), where a zod
 * schema per row cost more than reading the XML. Same rules, same refusals: a value that does not
 * convert fails the whole reply. fields.test.ts-style cases for both live in rows.test.ts.
 */

const refuse = (field: string, why: string): never => {
  throw new ReplyFormatError("unrecognised", `field ${field}: ${why}`);
};

/** A repeated scalar is read from its first copy; a record where text belongs is refused. */
function raw(record: ReplyRecord, name: string): string | undefined {
  const value = Object.hasOwn(record, name) ? record[name] : undefined;
  const first: ReplyValue | undefined = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  if (typeof first !== "string") return refuse(name, "not text");
  return first;
}

/** Absent, empty and blank all mean "no value". */
function present(record: ReplyRecord, name: string): string | undefined {
  const value = raw(record, name);
  return value === undefined || value.trim() === "" ? undefined : value;
}

const INTEGER = /^[+-]?\d{1,15}$/;

function integer(name: string, value: string, min: number | null): number {
  const trimmed = value.trim();
  if (!INTEGER.test(trimmed)) return refuse(name, "not an integer");
  const number = Number(trimmed);
  if (!Number.isSafeInteger(number) || (min !== null && number < min)) return refuse(name, "out of range");
  return number;
}

export function text(record: ReplyRecord, name: string): string {
  const value = raw(record, name)?.trim();
  return value ? value : refuse(name, "missing");
}

export function optionalText(record: ReplyRecord, name: string): string | null {
  return present(record, name)?.trim() ?? null;
}

/** eNom ids: positive integers. */
export function id(record: ReplyRecord, name: string): number {
  const value = raw(record, name);
  return value === undefined ? refuse(name, "missing") : integer(name, value, 1);
}

export function optionalId(record: ReplyRecord, name: string): number | null {
  const value = present(record, name);
  return value === undefined ? null : integer(name, value, 1);
}

/** A count that must be there: the number eNom sends beside a list. */
export function count(record: ReplyRecord, name: string): number {
  const value = present(record, name);
  return value === undefined ? refuse(name, "missing") : integer(name, value, 0);
}

export function optionalCount(record: ReplyRecord, name: string): number | null {
  const value = present(record, name);
  return value === undefined ? null : integer(name, value, 0);
}

export function optionalInt(record: ReplyRecord, name: string): number | null {
  const value = present(record, name);
  return value === undefined ? null : integer(name, value, null);
}

const FLAGS: Record<string, boolean> = {
  "1": true,
  "0": false,
  true: true,
  false: false,
  yes: true,
  no: false,
};

/** The flag a text names; an own key only, so `__proto__` or `constructor` is no flag. */
function flagOf(value: string): boolean | undefined {
  const key = value.trim().toLowerCase();
  return Object.hasOwn(FLAGS, key) ? FLAGS[key] : undefined;
}

/** `1`/`0`, `True`/`False`, `yes`/`no`; absent or empty reads as `fallback`. */
export function flag(record: ReplyRecord, name: string, fallback: boolean): boolean {
  const value = present(record, name);
  if (value === undefined) return fallback;
  const known = flagOf(value);
  return known === undefined ? refuse(name, "not a 0/1 or True/False flag") : known;
}

/** Like `flag`, but null when eNom did not say. */
export function optionalFlag(record: ReplyRecord, name: string): boolean | null {
  const value = present(record, name);
  if (value === undefined) return null;
  const known = flagOf(value);
  return known === undefined ? refuse(name, "not a 0/1 or True/False flag") : known;
}

/** A flag that must be there. */
export function requiredFlag(record: ReplyRecord, name: string): boolean {
  return optionalFlag(record, name) ?? refuse(name, "missing");
}

const DECIMAL = /^\d{1,12}(?:\.\d{1,6})?$/;

/** A non-negative number that may have decimals (GetPOP3's `quotaused`, MB in use); null when absent. */
export function optionalDecimal(record: ReplyRecord, name: string): number | null {
  const value = present(record, name)?.trim();
  if (value === undefined) return null;
  return DECIMAL.test(value) ? Number(value) : refuse(name, "not a number");
}

export function date(record: ReplyRecord, name: string): CalendarDate {
  const value = raw(record, name);
  if (value === undefined) return refuse(name, "missing");
  return parseEnomDay(value) ?? refuse(name, "not an M/D/YYYY date");
}

export function optionalDate(record: ReplyRecord, name: string): CalendarDate | null {
  return present(record, name) === undefined ? null : date(record, name);
}

export function optionalBillingPeriod(record: ReplyRecord, name: string): "month" | "year" | null {
  const value = present(record, name)?.trim().toLowerCase();
  if (value === undefined) return null;
  return value === "month" || value === "year" ? value : refuse(name, "not month or year");
}

/** `<Domains><Domain>…</Domain></Domains>`: the records named `child` inside an optional container. */
export function nestedRecords(record: ReplyRecord, container: string, child: string): ReplyRecord[] {
  const value = Object.hasOwn(record, container) ? record[container] : undefined;
  if (value === undefined || (typeof value === "string" && value.trim() === "")) return [];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || typeof first !== "object" || Array.isArray(first))
    return refuse(container, "not a list");
  const items = Object.hasOwn(first, child) ? first[child] : undefined;
  const list = items === undefined ? [] : Array.isArray(items) ? items : [items];
  return list.map((item) =>
    typeof item === "object" && !Array.isArray(item) ? item : refuse(`${container}.${child}`, "not a record"),
  );
}
