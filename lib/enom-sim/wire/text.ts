import { SERVER_NAME } from "./boiler";
import type { ReplyField } from "./reply";

/**
 * eNom's Text format (the default): `;` comment lines, then one `Key=Value` line per field, CRLF.
 * Groups are flat; list items get a 1-based index suffix and the list's prefix: `PakBundleId1`.
 */
export const TEXT_HEADER = [";URL Interface", `;Machine is ${SERVER_NAME}`, ";Encoding Type is utf-8"];

export function flattenFields(fields: readonly ReplyField[]): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  for (const field of fields) {
    if (field.kind === "value") lines.push([field.name, field.value]);
    else if (field.kind === "group") for (const inner of field.fields) lines.push([inner.name, inner.value]);
    else
      field.items.forEach((item, index) => {
        for (const inner of item) lines.push([`${field.textPrefix}${inner.name}${index + 1}`, inner.value]);
      });
  }
  return lines;
}

/** A value must stay on its line: a line break inside it would forge a new key. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}

export function renderText(fields: readonly ReplyField[]): string {
  const lines = [...TEXT_HEADER, ...flattenFields(fields).map(([key, text]) => `${key}=${oneLine(text)}`)];
  return lines.join("\r\n") + "\r\n";
}
