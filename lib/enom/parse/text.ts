import "server-only";
import { addField, ReplyFormatError, type ReplyRecord } from "./reply";

/**
 * eNom's Text format (its default): `;` comment lines, then `Key=Value` lines, CRLF or LF.
 * Lists are flattened with a 1-based suffix (`UserName1`, `UserName2`); `indexedRecords` folds
 * them back. Mailpak's client asks for XML; this reader exists for the documents' samples and
 * for the day a reply arrives in Text because `ResponseType` was lost on the way.
 */
export function parseTextReply(body: string): ReplyRecord {
  const record: ReplyRecord = {};
  let fields = 0;
  for (const rawLine of body.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith(";")) continue;
    const equals = line.indexOf("=");
    if (equals <= 0) throw new ReplyFormatError("unparseable", "a Text line without Key=Value");
    const key = line.slice(0, equals).trim();
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(key))
      throw new ReplyFormatError("unparseable", "a Text key eNom would not send");
    addField(record, key, line.slice(equals + 1).trim());
    fields += 1;
  }
  if (fields === 0) throw new ReplyFormatError("unparseable", "an empty Text reply");
  return record;
}

/**
 * Folds indexed keys into records: with names `["UserName", "IsAdmin"]`, `UserName1`, `IsAdmin1`,
 * `UserName2` … become `[{ username, isadmin }, { username }]`, in index order, stopping at the
 * first index where none of the names appears.
 */
export function indexedRecords(flat: ReplyRecord, names: readonly string[]): Record<string, string>[] {
  const records: Record<string, string>[] = [];
  for (let index = 1; ; index += 1) {
    const item: Record<string, string> = {};
    for (const name of names) {
      const value = flat[`${name.toLowerCase()}${index}`];
      if (typeof value === "string") item[name.toLowerCase()] = value;
    }
    if (Object.keys(item).length === 0) return records;
    records.push(item);
  }
}
