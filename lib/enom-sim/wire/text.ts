import { SERVER_NAME } from "./boiler";
import { visibleIn, type ReplyField } from "./reply";

/**
 * eNom's Text format (the default): `;` comment lines, then one `Key=Value` line per leaf, CRLF
 * (seeds/001's Text sample). Containers are flat; a repeated item's leaves get its number after
 * their name and the item's prefix before it: `Username1`, `PakBundleId1` (GetPOP3's page).
 */
export const TEXT_HEADER = [";URL Interface", `;Machine is ${SERVER_NAME}`, ";Encoding Type is utf-8"];

export function flattenFields(fields: readonly ReplyField[]): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  const walk = (children: readonly ReplyField[], prefix: string, index: number | undefined) => {
    for (const field of children) {
      if (field.kind === "value")
        lines.push([
          `${prefix}${field.textName ?? field.name}${index ?? ""}`,
          field.textValue ?? field.value,
        ]);
      else walk(field.children, prefix + (field.textPrefix ?? ""), field.textIndex ?? index);
    }
  };
  walk(visibleIn("text", fields), "", undefined);
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
