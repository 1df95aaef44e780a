import "server-only";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { addField, ReplyFormatError, type ReplyRecord, type ReplyValue } from "./reply";

/**
 * eNom's XML replies → a lower-cased ReplyRecord of the `<interface-response>` element.
 *
 * Defences, in order: a DOCTYPE or ENTITY declaration is refused outright (eNom never sends one,
 * and it is how "billion laughs" and external entities get in); the document must be well formed
 * (a truncated reply fails here, not later as a half-read success); values stay strings
 * (`parseTagValue: false`: `0012` stays `0012` and `1e400` is not a number); and only XML's five
 * named entities and numeric references are decoded, by our own code, after parsing.
 */
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  maxNestedTags: 32,
});

const ROOT = "interface-response";
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

function toReplyValue(value: unknown): ReplyValue {
  if (typeof value === "string") return decodeEntities(value);
  if (Array.isArray(value)) return value.map(toReplyValue);
  if (value !== null && typeof value === "object") {
    const record: ReplyRecord = {};
    for (const [name, child] of Object.entries(value)) {
      if (name === "#text") continue; // stray text between elements carries nothing eNom means
      // A repeated element arrives as an array; adding each keeps `<Pak>` and `<pak>` in one list.
      if (Array.isArray(child)) for (const item of child) addField(record, name, toReplyValue(item));
      else addField(record, name, toReplyValue(child));
    }
    return record;
  }
  return "";
}

export function parseXmlReply(body: string): ReplyRecord {
  const xml = body.replace(/^\uFEFF/, "");
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new ReplyFormatError("unparseable", "a DOCTYPE or ENTITY declaration");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ReplyFormatError("unparseable", `not well-formed XML (${valid.err.code})`);
  let parsed: unknown;
  try {
    parsed = parser.parse(xml);
  } catch {
    throw new ReplyFormatError("unparseable", "XML the parser refused");
  }
  const document = toReplyValue(parsed);
  if (typeof document !== "object" || Array.isArray(document))
    throw new ReplyFormatError("unparseable", "no root element");
  const names = Object.keys(document);
  const root = document[ROOT];
  if (names.length !== 1 || root === undefined)
    throw new ReplyFormatError("unparseable", "the root element is not <interface-response>");
  if (typeof root === "string") return {}; // <interface-response/>: empty, Done is missing below
  if (Array.isArray(root)) throw new ReplyFormatError("unparseable", "more than one <interface-response>");
  return root;
}
