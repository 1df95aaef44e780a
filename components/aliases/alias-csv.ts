import { CsvError, parseCsv, restoreFormula } from "@/lib/csv";
import { aliasRowSchema, ALIAS_IMPORT_MAX } from "@/lib/validation/aliases";

/**
 * The aliases import: a CSV of `alias,forward_to` rows, each checked in the browser with the
 * server's own schema, plus what only the file and the list show (a name twice, a mailbox's name,
 * an alias that exists, the domain's limit), so the preview says what is wrong with each row before
 * anything is sent. The server checks all of it again against the list as it is then.
 */

export interface AliasImportRow {
  /** The record's number in the file, the heading being 1. */
  row: number;
  alias: string;
  forwardTo: string;
  /** Empty when the row can be sent. */
  problems: string[];
}

export interface AliasImportPreview {
  rows: AliasImportRow[];
  /** A problem with the whole file; then `rows` is empty. */
  fileProblem: string | null;
}

const ALIAS_HEADINGS = new Set(["alias", "aliasname", "address", "name", "username", "from"]);
const FORWARD_HEADINGS = new Set(["forwardto", "forward", "to", "destination", "forwardingaddress"]);

function headingKey(cell: string): string {
  return cell.toLowerCase().replace(/[\s_-]+/g, "");
}

export function readAliasCsv(
  text: string,
  options: {
    domain: string;
    mailboxNames: Iterable<string>;
    aliasNames: Iterable<string>;
    /** Places left under the domain's limit; null when the limit is not known. */
    placesLeft: number | null;
  },
): AliasImportPreview {
  const domain = options.domain.toLowerCase();
  let records: string[][];
  try {
    records = parseCsv(text).records;
  } catch (error) {
    return {
      rows: [],
      fileProblem: `The file is not valid CSV. ${error instanceof CsvError ? error.message : ""}`.trim(),
    };
  }
  const [heading, ...body] = records;
  if (!heading) return { rows: [], fileProblem: "The file is empty." };
  const aliasAt = heading.findIndex((cell) => ALIAS_HEADINGS.has(headingKey(cell)));
  const forwardAt = heading.findIndex((cell) => FORWARD_HEADINGS.has(headingKey(cell)));
  if (aliasAt < 0 || forwardAt < 0)
    return { rows: [], fileProblem: 'The first line must name the columns "alias" and "forward_to".' };
  const filled = body.filter((record) => record.some((cell) => cell.trim() !== ""));
  if (filled.length === 0) return { rows: [], fileProblem: "The file has no aliases below its heading." };
  if (filled.length > ALIAS_IMPORT_MAX)
    return {
      rows: [],
      fileProblem: `The file has ${filled.length} aliases; import at most ${ALIAS_IMPORT_MAX} at once.`,
    };

  const mailboxes = new Set([...options.mailboxNames].map((name) => name.toLowerCase()));
  const aliases = new Set([...options.aliasNames].map((name) => name.toLowerCase()));
  const firstRowOf = new Map<string, number>();
  const rows = filled.map((record, index): AliasImportRow => {
    const cell = (at: number) => restoreFormula(record[at] ?? "").trim();
    let alias = cell(aliasAt);
    // A full address of this domain is read as its name.
    const at = alias.lastIndexOf("@");
    const problems: string[] = [];
    if (at > 0) {
      if (alias.slice(at + 1).toLowerCase() === domain) alias = alias.slice(0, at);
      else problems.push(`Alias: ${alias} is not on ${domain}.`);
    }
    const forwardTo = cell(forwardAt);
    const parsed = aliasRowSchema.safeParse({ alias, forwardTo });
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        problems.push(`${issue.path[0] === "forwardTo" ? "Forward to" : "Alias"}: ${issue.message}`);
    if (forwardTo.toLowerCase() === `${alias}@${domain}`.toLowerCase())
      problems.push("Forward to: an alias cannot forward to its own address.");
    const key = alias.toLowerCase();
    if (key) {
      if (mailboxes.has(key)) problems.push(`Alias: ${alias}@${domain} is a mailbox.`);
      else if (aliases.has(key)) problems.push(`Alias: ${alias}@${domain} is already an alias.`);
      const first = firstRowOf.get(key);
      if (first !== undefined) problems.push(`Alias: also on row ${first}.`);
      else firstRowOf.set(key, index + 2);
    }
    return { row: index + 2, alias, forwardTo, problems };
  });
  const sendable = rows.filter((row) => row.problems.length === 0).length;
  if (options.placesLeft !== null && sendable > options.placesLeft)
    return {
      rows,
      fileProblem: `The domain has room for ${options.placesLeft} more alias${options.placesLeft === 1 ? "" : "es"}; the file adds ${sendable}.`,
    };
  return { rows, fileProblem: null };
}
