import { visibleIn, type ReplyField, type ReplyNode, type ReplyValue } from "./reply";

/**
 * eNom's XML format: `<interface-response>` with one element per field, empty ones self-closed
 * (`<IsLockable/>`), two spaces of indent per level. Values are escaped, and characters XML 1.0
 * cannot carry are replaced, because display names and echoed input are user-controlled.
 *
 * The declaration is eNom's own: `<?xml version="1.0" ?>` on answers (the GetCatchAll and
 * RenewPOPBundle samples), and on error answers `encoding="utf-16"` although the bytes are UTF-8
 * (../shared/enom-samples/error-*.xml), so a client must not trust the declared encoding.
 */
export const XML_DECLARATION = '<?xml version="1.0" ?>';
export const ERROR_XML_DECLARATION = '<?xml version="1.0" encoding="utf-16"?>';

const NOT_XML_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHARACTERS, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/"/g, "&quot;");
}

function valueElement(field: ReplyValue, indent: string): string {
  if (field.cdata)
    return `${indent}<${field.name}><![CDATA[ ${field.value.replace(/]]>/g, "]]]]><![CDATA[>")} ]]></${field.name}>`;
  if (field.value === "") return `${indent}<${field.name}/>`;
  return `${indent}<${field.name}>${escapeXml(field.value)}</${field.name}>`;
}

function openTag(field: ReplyNode): string {
  const attributes = field.attributes.map(([name, text]) => ` ${name}="${escapeAttribute(text)}"`).join("");
  return `<${field.name}${attributes}`;
}

function fieldLines(field: ReplyField, indent: string, out: string[]): void {
  if (field.kind === "value") {
    out.push(valueElement(field, indent));
    return;
  }
  if (field.children.length === 0) {
    out.push(`${indent}${openTag(field)}/>`);
    return;
  }
  out.push(`${indent}${openTag(field)}>`);
  for (const child of field.children) fieldLines(child, indent + "  ", out);
  out.push(`${indent}</${field.name}>`);
}

export function renderXml(fields: readonly ReplyField[], options: { error?: boolean } = {}): string {
  const lines = [options.error ? ERROR_XML_DECLARATION : XML_DECLARATION, "<interface-response>"];
  for (const field of visibleIn("xml", fields)) fieldLines(field, "  ", lines);
  lines.push("</interface-response>");
  return lines.join("\r\n") + "\r\n";
}
