import type { ReplyField, ReplyValue } from "./reply";

/**
 * eNom's XML format: `<interface-response>` with one element per field, empty ones self-closed
 * (`<IsLockable/>`), two spaces of indent per level. Values are escaped, and characters XML 1.0
 * cannot carry are replaced, because display names and echoed input are user-controlled.
 */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

const NOT_XML_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHARACTERS, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

function valueElement(field: ReplyValue, indent: string): string {
  if (field.cdata)
    return `${indent}<${field.name}><![CDATA[ ${field.value.replace(/]]>/g, "]]]]><![CDATA[>")} ]]></${field.name}>`;
  if (field.value === "") return `${indent}<${field.name}/>`;
  return `${indent}<${field.name}>${escapeXml(field.value)}</${field.name}>`;
}

function fieldLines(field: ReplyField, indent: string, out: string[]): void {
  if (field.kind === "value") {
    out.push(valueElement(field, indent));
    return;
  }
  const inner = indent + "  ";
  if (field.kind === "group") {
    out.push(`${indent}<${field.name}>`);
    for (const child of field.fields) out.push(valueElement(child, inner));
    out.push(`${indent}</${field.name}>`);
    return;
  }
  if (field.items.length === 0) {
    out.push(`${indent}<${field.name}/>`);
    return;
  }
  out.push(`${indent}<${field.name}>`);
  for (const item of field.items) {
    out.push(`${inner}<${field.itemName}>`);
    for (const child of item) out.push(valueElement(child, inner + "  "));
    out.push(`${inner}</${field.itemName}>`);
  }
  out.push(`${indent}</${field.name}>`);
}

export function renderXml(fields: readonly ReplyField[]): string {
  const lines = [XML_DECLARATION, "<interface-response>"];
  for (const field of fields) fieldLines(field, "  ", lines);
  lines.push("</interface-response>");
  return lines.join("\r\n") + "\r\n";
}
