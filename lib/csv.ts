/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field with a comma,
 * quote or line break wrapped in double quotes, a quote inside doubled. Small enough to read in
 * one sitting, so the mailbox import and export need no library. Browser-safe.
 *
 * Reading is forgiving where spreadsheets differ (LF or CR line ends, a UTF-8 byte order mark,
 * a last record without a line break, semicolons as some locales' Excel writes them) and strict
 * where a guess could change data: a quote left open or a stray quote inside a field is an error
 * naming the line, never a silently merged record.
 */

export interface CsvParseResult {
  /** Records as arrays of fields; blank lines are left out. */
  records: string[][];
  /** The field separator that was used. */
  delimiter: "," | ";";
}

export class CsvError extends Error {
  constructor(
    message: string,
    /** 1-based line of the file where the problem is. */
    readonly line: number,
  ) {
    super(`Line ${line}: ${message}`);
    this.name = "CsvError";
  }
}

/**
 * Comma unless the first line has semicolons and no comma outside quotes (Excel in locales whose
 * decimal mark is a comma writes `;`).
 */
function detectDelimiter(text: string): "," | ";" {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === "\n" || char === "\r")) break;
    else if (!inQuotes && char === ",") commas++;
    else if (!inQuotes && char === ";") semicolons++;
  }
  return semicolons > 0 && commas === 0 ? ";" : ",";
}

export function parseCsv(input: string, options: { delimiter?: "," | ";" } = {}): CsvParseResult {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let line = 1;
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field was quoted (so only a delimiter or line end may follow)
  let quoteOpenedOn = 0;

  const endField = () => {
    record.push(field);
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is one empty field; spreadsheets leave those at the end.
    if (!(record.length === 1 && record[0] === "")) records.push(record);
    record = [];
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          wasQuoted = true;
        }
      } else {
        if (char === "\n" || (char === "\r" && text[i + 1] !== "\n")) line++;
        field += char;
      }
      continue;
    }
    if (char === delimiter) endField();
    else if (char === "\r" || char === "\n") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
    } else if (wasQuoted) {
      throw new CsvError("after a closing quote only a separator or a line break may follow.", line);
    } else if (char === '"') {
      if (field !== "")
        throw new CsvError("a quote inside an unquoted field; put the field in quotes.", line);
      quoted = true;
      quoteOpenedOn = line;
    } else field += char;
  }
  if (quoted) throw new CsvError("a quoted field is not closed.", quoteOpenedOn);
  if (field !== "" || wasQuoted || record.length > 0) endRecord();
  return { records, delimiter };
}

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). A value
 * starting with one gets a leading apostrophe, which spreadsheets show as text and do not run.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseFormula` on import, so an exported file reads back as it was. */
export function restoreFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/**
 * One field, the only way Mailpak writes one: a value a spreadsheet could run is defused, then
 * quoted when it holds a separator of any locale (`,` or `;`), a quote, a tab or a line break, or
 * was defused. Nothing is written for a missing value.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const raw = String(value);
  const text = neutraliseFormula(raw);
  return /[",;\t\r\n]/.test(text) || text !== raw ? `"${text.replace(/"/g, '""')}"` : text;
}

export type CsvCell = string | number | null | undefined;

/** One record, CRLF-terminated. */
export function csvRecord(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** Records to CSV text, CRLF-terminated, every cell protected against formula injection. */
export function writeCsv(records: readonly (readonly CsvCell[])[]): string {
  return records.map(csvRecord).join("");
}
