import "server-only";

/**
 * The shape every reply format (XML, Text, HTML) is read into: element and key names lower-cased
 * (eNom writes `BundleID` and `BundleId`, `Success` and `success`), values as strings, repeated
 * names as arrays. Lower-casing once here lets every reader ask for one spelling.
 */
export type ReplyValue = string | ReplyRecord | ReplyValue[];
export type ReplyRecord = { [name: string]: ReplyValue };

/** A reply eNom could not have sent whole: refused, never guessed at. */
export class ReplyFormatError extends Error {
  override readonly name = "ReplyFormatError";
  constructor(
    readonly reason: "unparseable" | "incomplete",
    message: string,
  ) {
    super(message);
  }
}

/** Adds a value under a lower-cased name, turning a repeated name into a list. */
export function addField(record: ReplyRecord, name: string, value: ReplyValue): void {
  const key = name.toLowerCase();
  const existing = Object.hasOwn(record, key) ? record[key] : undefined;
  if (existing === undefined) record[key] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else record[key] = [existing, value];
}

/** The text of a scalar field: the first when repeated, undefined when absent or not text. */
export function scalar(record: ReplyRecord, name: string): string | undefined {
  const value = Object.hasOwn(record, name) ? record[name] : undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}
