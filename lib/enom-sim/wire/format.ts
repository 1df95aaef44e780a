import { renderHtml } from "./html";
import { renderText } from "./text";
import { renderXml } from "./xml";
import type { EnomParams } from "./params";
import type { ReplyField } from "./reply";

/** `ResponseType`: Text (default), HTML or XML, any casing; at most 4 characters (seeds). */
export type ResponseFormat = "text" | "html" | "xml";

export function responseFormatOf(params: EnomParams): ResponseFormat | null {
  const asked = params.get("ResponseType");
  if (asked === undefined || asked === "") return "text";
  const lower = asked.toLowerCase();
  return lower === "text" || lower === "html" || lower === "xml" ? lower : null;
}

export const CONTENT_TYPES: Record<ResponseFormat, string> = {
  text: "text/plain; charset=utf-8",
  html: "text/html; charset=utf-8",
  xml: "text/xml; charset=utf-8",
};

export function render(
  format: ResponseFormat,
  fields: readonly ReplyField[],
  options: { error?: boolean } = {},
): string {
  if (format === "xml") return renderXml(fields, options);
  if (format === "html") return renderHtml(fields);
  return renderText(fields);
}
