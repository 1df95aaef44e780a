import { CsvError, parseCsv, restoreFormula, writeCsv } from "@/lib/csv";
import type { MailboxView } from "@/lib/domains/types";
import {
  generateMailboxPassword,
  MAILBOXES_PER_ACTION_MAX,
  newMailboxOnDomainSchema,
  type NewMailbox,
} from "@/lib/validation/mailboxes";

/**
 * The grid's CSV: the export of the mailboxes shown, and the import of new mailboxes with a
 * preview that checks every row before anything is sent. An exported file imports as it is (its
 * `pak` column is ignored: the import's pak is chosen in the dialog; its `forward to` column too:
 * creating a mailbox sets no forwarding). Never holds a password on export; on import a blank
 * password is generated in the browser, for that mailbox and domain.
 */

export const EXPORT_COLUMNS = ["address", "user name", "display name", "administrator", "pak", "forward to"];
/** What the import reads: the export's columns but the pak and forwarding, plus the password. */
export const IMPORT_COLUMNS = ["user name", "display name", "administrator", "password"];

/** A mailbox as exported: its forwarding when known, its display name when the panel knows it. */
export type ExportedMailbox = MailboxView & { forwardTo: string | null };

export function mailboxesToCsv(mailboxes: readonly ExportedMailbox[]): string {
  const rows = mailboxes.map((mailbox) => [
    mailbox.address,
    mailbox.userName,
    mailbox.displayName ?? "",
    mailbox.isAdmin ? "yes" : "no",
    mailbox.bundleId === null ? "" : String(mailbox.bundleId),
    mailbox.forwardTo ?? "",
  ]);
  // The byte order mark makes Excel read the file as UTF-8 (display names with accents).
  return "\uFEFF" + writeCsv([EXPORT_COLUMNS, ...rows]);
}

export function exportFileName(domain: string, today = new Date()): string {
  return `${domain}-mailboxes-${today.toISOString().slice(0, 10)}.csv`;
}

type Field = "userName" | "address" | "password" | "displayName" | "isAdmin";

/** Column headings the import understands, compared without case, spaces, hyphens or underscores. */
const HEADINGS: Record<string, Field> = {
  username: "userName",
  user: "userName",
  mailbox: "userName",
  mailboxname: "userName",
  address: "address",
  email: "address",
  emailaddress: "address",
  password: "password",
  displayname: "displayName",
  name: "displayName",
  fullname: "displayName",
  administrator: "isAdmin",
  admin: "isAdmin",
  isadmin: "isAdmin",
};

/** Forwarding columns: recognised so the preview can say why they are left out. */
const FORWARDING_HEADINGS = new Set(["forwardto", "forwarding", "forward"]);

const FIELD_LABELS: Record<Field, string> = {
  userName: "User name",
  address: "Address",
  password: "Password",
  displayName: "Display name",
  isAdmin: "Administrator",
};

const YES = new Set(["yes", "y", "true", "1", "admin", "administrator"]);
const NO = new Set(["", "no", "n", "false", "0", "regular"]);

export interface ImportRow {
  /** The record's number in the file, the heading being 1 (as a spreadsheet numbers rows). */
  row: number;
  /** What the row asks for, as typed (trimmed); the password generated when the file left it blank. */
  mailbox: NewMailbox;
  passwordGenerated: boolean;
  /** Empty when the row can be sent. */
  problems: string[];
}

export interface ImportPreview {
  rows: ImportRow[];
  /** A problem with the whole file (unreadable, no heading, too many rows); then `rows` is empty. */
  fileProblem: string | null;
  ignoredColumns: string[];
  /** The file has a forwarding column, which an import does not set (SetUpPOP3User takes none). */
  forwardingLeftOut: boolean;
}

function headingKey(heading: string): string {
  return heading.toLowerCase().replace(/[\s_-]+/g, "");
}

/**
 * Reads a file of new mailboxes for `domain` and checks every row with the same schema the
 * server uses, plus what only the whole file shows: names listed twice, and names already on the
 * domain. The pak's free mailboxes are checked by the dialog, which knows the chosen pak.
 */
export function readMailboxCsv(
  text: string,
  options: {
    domain: string;
    existingNames: Iterable<string>;
    generatePassword?: (userName: string) => string;
  },
): ImportPreview {
  const domain = options.domain.toLowerCase();
  const generate =
    options.generatePassword ?? ((userName: string) => generateMailboxPassword({ userName, domain }));
  const rowSchema = newMailboxOnDomainSchema(domain);
  let records: string[][];
  try {
    records = parseCsv(text).records;
  } catch (error) {
    const reason = error instanceof CsvError ? error.message : "it could not be read";
    return {
      rows: [],
      fileProblem: `The file is not valid CSV. ${reason}`,
      ignoredColumns: [],
      forwardingLeftOut: false,
    };
  }
  const [heading, ...body] = records;
  if (!heading)
    return { rows: [], fileProblem: "The file is empty.", ignoredColumns: [], forwardingLeftOut: false };

  const columns = new Map<Field, number>();
  const ignoredColumns: string[] = [];
  let forwardingLeftOut = false;
  heading.forEach((cell, index) => {
    const key = headingKey(cell);
    const field = HEADINGS[key];
    if (field && !columns.has(field)) columns.set(field, index);
    else if (cell.trim()) ignoredColumns.push(cell.trim());
    if (FORWARDING_HEADINGS.has(key)) forwardingLeftOut = true;
  });
  const fileProblem = (problem: string): ImportPreview => ({
    rows: [],
    fileProblem: problem,
    ignoredColumns,
    forwardingLeftOut,
  });
  if (!columns.has("userName") && !columns.has("address"))
    return fileProblem(
      'The first line must name the columns, one of them "user name" (or "address"). Export the list to see the expected layout.',
    );
  if (body.length === 0) return fileProblem("The file has no mailboxes below its heading.");
  if (body.length > MAILBOXES_PER_ACTION_MAX)
    return fileProblem(
      `The file has ${body.length} mailboxes; import at most ${MAILBOXES_PER_ACTION_MAX} at once.`,
    );

  const existing = new Set([...options.existingNames].map((name) => name.toLowerCase()));
  const firstRowOf = new Map<string, number>();
  const rows = body.map((record, index): ImportRow => {
    const cell = (field: Field) => {
      const at = columns.get(field);
      return at === undefined ? "" : restoreFormula(record[at] ?? "").trim();
    };
    const problems: string[] = [];
    let userName = cell("userName");
    if (!userName && columns.has("address")) {
      const address = cell("address");
      const at = address.lastIndexOf("@");
      if (at > 0 && address.slice(at + 1).toLowerCase() === domain) userName = address.slice(0, at);
      else if (address) problems.push(`Address: ${address} is not on ${domain}.`);
    }
    const adminText = cell("isAdmin").toLowerCase();
    if (!YES.has(adminText) && !NO.has(adminText))
      problems.push(`Administrator: write yes or no, not "${cell("isAdmin")}".`);
    const typedPassword = cell("password");
    const candidate = {
      userName,
      password: typedPassword || generate(userName.trim()),
      displayName: cell("displayName"),
      isAdmin: YES.has(adminText),
    };
    const parsed = rowSchema.safeParse(candidate);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        const label =
          typeof field === "string" && field in FIELD_LABELS ? FIELD_LABELS[field as Field] : "Row";
        problems.push(`${label}: ${issue.message}`);
      }
    const key = userName.trim().toLowerCase();
    if (key) {
      if (existing.has(key)) problems.push(`User name: ${userName.trim()}@${domain} already exists.`);
      const first = firstRowOf.get(key);
      if (first !== undefined) problems.push(`User name: also on row ${first}.`);
      else firstRowOf.set(key, index + 2);
    }
    return {
      row: index + 2,
      mailbox: parsed.success ? parsed.data : { ...candidate, userName: userName.trim() },
      passwordGenerated: !typedPassword,
      problems,
    };
  });
  return { rows, fileProblem: null, ignoredColumns, forwardingLeftOut };
}
