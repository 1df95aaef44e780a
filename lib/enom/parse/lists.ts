import "server-only";
import { ReplyFormatError, type ReplyRecord, type ReplyValue } from "./reply";
import { count } from "./rows";

/**
 * eNom's lists, read loudly. A list eNom sends always comes with a count (`EmailCount`, `Count`,
 * `count`, `BundleCount`, `TotalDomainCount`); a list that is missing, in another shape, or of a
 * different length than its count is refused as `unrecognised` (ReplyFormatError), never read as
 * empty: an empty mailbox list that is really a list Mailpak could not find is the silent failure
 * this module exists to prevent.
 */

export function unrecognised(detail: string): never {
  throw new ReplyFormatError("unrecognised", detail);
}

const isRecord = (value: unknown): value is ReplyRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The records of a repeated element (`<pop>…</pop><pop>…</pop>`): absent → [], one → [it],
 * repeated → all. An empty element (`<pop/>`) or text where records belong is refused.
 */
export function repeated(value: ReplyValue | undefined, name: string): ReplyRecord[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => (isRecord(item) ? item : unrecognised(`<${name}> is not a record`)));
}

/**
 * A container element: undefined when absent, {} when empty (`<Paks/>`), its record otherwise.
 * Repeated containers or text are refused.
 */
export function container(record: ReplyRecord, name: string): ReplyRecord | undefined {
  const value = Object.hasOwn(record, name) ? record[name] : undefined;
  if (value === undefined) return undefined;
  if (typeof value === "string") return value.trim() === "" ? {} : unrecognised(`<${name}> holds text`);
  if (Array.isArray(value)) return unrecognised(`<${name}> appears more than once`);
  return value;
}

/**
 * eNom's Text and HTML lists: `Username1`, `Quota1`, … `Username2` (names lower-cased, `prefix`
 * for `PakBundleId1`). Each item is a record of the names without index or prefix, in index
 * order, stopping at the first index where none of the names appears.
 */
export function indexed(record: ReplyRecord, names: readonly string[], prefix = ""): ReplyRecord[] {
  const items: ReplyRecord[] = [];
  for (let index = 1; ; index += 1) {
    const item: ReplyRecord = {};
    for (const name of names) {
      const value = record[`${prefix}${name}${index}`];
      if (value !== undefined) item[name] = value;
    }
    if (Object.keys(item).length === 0) return items;
    items.push(item);
  }
}

/** The count eNom sends with a list (`name` as eNom spells it: `EmailCount`); refused when missing or not a count. */
export function listCount(record: ReplyRecord, name: string, what: string): number {
  const key = name.toLowerCase();
  if (!Object.hasOwn(record, key)) unrecognised(`no ${name} (the ${what} count)`);
  return count(record, key);
}

/** A list must be exactly as long as eNom's count says. */
export function expectListed(listed: number, expected: number, what: string): void {
  if (listed !== expected) unrecognised(`eNom's count says ${expected} ${what}, the reply lists ${listed}`);
}
