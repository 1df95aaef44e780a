import { flattenFields, oneLine, TEXT_HEADER } from "./text";
import type { ReplyField } from "./reply";

/**
 * eNom's HTML format, as its samples show it: the Text header lines each ending in `<br>`, then
 * `<STRONG>Key: </ STRONG>Value<br>` inside `<HTML><BODY>` — eNom's malformed `</ STRONG>` kept, and
 * no space after the colon when the value is empty (`<STRONG>IsLockable:</ STRONG><br>`).
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function renderHtml(fields: readonly ReplyField[]): string {
  const lines = [
    ...TEXT_HEADER.map((line) => `${line}<br>`),
    "<HTML><BODY>",
    ...flattenFields(fields).map(([key, text]) =>
      text === ""
        ? `<STRONG>${key}:</ STRONG><br>`
        : `<STRONG>${key}: </ STRONG>${escapeHtml(oneLine(text))}<br>`,
    ),
    "</BODY></HTML>",
  ];
  return lines.join("\r\n") + "\r\n";
}
