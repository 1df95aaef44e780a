import "server-only";

/**
 * The shape every reply format (XML, Text, HTML) is read into: element and key names lower-cased
 * (eNom writes `BundleID` and `BundleId`, `Success` and `success`), values as strings, repeated
 * names as arrays. Lower-casing once here lets every reader ask for one spelling.
 */
export type ReplyValue = string | ReplyRecord | ReplyValue[];
export type ReplyRecord = { [name: string]: ReplyValue };

export type ReplyFormat = "xml" | "text" | "html";

/**
 * A reply that cannot be used. `unparseable`: not an eNom reply at all (not well formed, not a
 * format eNom writes). `incomplete`: an eNom reply without `Done`/`ErrCount`, so it did not all
 * arrive. `unrecognised`: a whole eNom reply (Done, ErrCount 0) whose command fields are not in
 * the shape eNom documents (a list missing, a count that disagrees, a value that does not convert).
 */
export type ReplyProblem = "unparseable" | "incomplete" | "unrecognised";

/** A reply eNom could not have sent whole, or one Mailpak does not understand: refused, never guessed at. */
export class ReplyFormatError extends Error {
  override readonly name = "ReplyFormatError";
  constructor(
    readonly reason: ReplyProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * GetPOP3 sends every mailbox's password in clear (`<password>`, Text `Password1`). Mailpak never
 * needs it, so no reader ever stores a field of that name: it does not exist past the parser, in
 * any record, result, cache, log line or error.
 */
const MAILBOX_PASSWORD_FIELD = /^password\d*$/;

/** Adds a value under a lower-cased name, turning a repeated name into a list; passwords are dropped. */
export function addField(record: ReplyRecord, name: string, value: ReplyValue): void {
  const key = name.toLowerCase();
  if (MAILBOX_PASSWORD_FIELD.test(key)) return;
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
