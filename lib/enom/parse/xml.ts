import "server-only";
import { addField, ReplyFormatError, type ReplyRecord } from "./reply";

/**
 * eNom's XML replies → a lower-cased ReplyRecord of the `<interface-response>` element.
 *
 * A small, strict reader of its own, in one pass over the text with `indexOf` (a 10,000-domain
 * GetPOPExpirations is 3.5 MB, and a general parser plus a separate validation pass took a
 * quarter of a second of the panel's only thread for it). Defences, in order: a DOCTYPE or
 * ENTITY declaration is refused outright (eNom never sends one, and it is how "billion laughs"
 * and external entities get in); the document must be well formed — one root, every tag closed
 * by its own name, attributes quoted — so a truncated reply fails here, not later as a half-read
 * success; values stay strings (`0012` stays `0012`); only XML's five named entities and numeric
 * references are decoded; CDATA is kept as written. The XML declaration's encoding is ignored:
 * eNom declares `utf-16` on bytes that are UTF-8 (../shared/enom-samples/error-ip.xml). Mailbox
 * passwords never enter the record (addField drops them).
 */

const ROOT = "interface-response";
const MAX_DEPTH = 32;
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
    return (Object.hasOwn(NAMED_ENTITIES, ref) ? NAMED_ENTITIES[ref] : undefined) ?? whole;
  });
}

/** An open element: its children, or (while it has none) its text. */
type Frame = { name: string; record: ReplyRecord | null; text: string };

const fail = (message: string): never => {
  throw new ReplyFormatError("unparseable", message);
};

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** Letters, digits, `_ : . -` and anything beyond ASCII. */
const isNameChar = (c: number) =>
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x30 && c <= 0x39) ||
  c === 0x5f ||
  c === 0x3a ||
  c === 0x2e ||
  c === 0x2d ||
  c >= 0x80;
/** Not starting with a digit, `.` or `-`. */
const isNameStart = (c: number) => isNameChar(c) && !(c >= 0x30 && c <= 0x39) && c !== 0x2e && c !== 0x2d;

export function parseXmlReply(body: string): ReplyRecord {
  const xml = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new ReplyFormatError("unparseable", "a DOCTYPE or ENTITY declaration");

  const length = xml.length;
  const stack: Frame[] = [];
  let root: { name: string; value: ReplyRecord | string } | null = null;
  let i = 0;

  /** Adds text (or CDATA, `raw`) to the open element, unless it already has children. */
  const addText = (text: string, raw: boolean) => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (text.trim() !== "") fail("text outside the root element");
      return;
    }
    if (top.record === null) top.text += raw ? text : decodeEntities(text.trim());
  };

  const close = (frame: Frame) => {
    // An element with children is a record (stray text between them carries nothing eNom means);
    // one without is its text.
    const value = frame.record ?? frame.text;
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.record ??= {};
      addField(parent.record, frame.name, value);
    } else {
      if (root) fail("more than one root element");
      root = { name: frame.name, value };
    }
  };

  while (i < length) {
    const lt = xml.indexOf("<", i);
    if (lt !== i) addText(xml.slice(i, lt === -1 ? length : lt), false);
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);

    if (next === 0x3f /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end === -1) fail("an unfinished processing instruction");
      i = end + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end === -1) fail("an unfinished comment");
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        let end = xml.indexOf("]]>", lt + 9);
        let closeLength = 3;
        if (end === -1) {
          // eNom's own samples print `<![CDATA[ ] ]>` (renewpopbundle, SetPOPForwarding's page):
          // that exact typo, and nothing looser, closes the section.
          end = xml.indexOf("] ]>", lt + 9);
          closeLength = 4;
        }
        if (end === -1) fail("an unfinished CDATA section");
        if (stack.length === 0) fail("CDATA outside the root element");
        addText(xml.slice(lt + 9, end), true);
        i = end + closeLength;
      } else fail("a markup declaration");
      continue;
    }
    if (next === 0x2f /* / */) {
      const end = xml.indexOf(">", lt + 2);
      if (end === -1) fail("an unfinished closing tag");
      const name = xml.slice(lt + 2, end).trimEnd();
      const frame = stack.pop();
      if (!frame || frame.name !== name) fail(`</${name}> does not close the open element`);
      close(frame as Frame);
      i = end + 1;
      continue;
    }

    // An opening tag: its name, attributes (checked, then ignored), `>` or `/>`.
    let j = lt + 1;
    if (!isNameStart(xml.charCodeAt(j))) fail("a tag without a valid name");
    while (j < length && isNameChar(xml.charCodeAt(j))) j += 1;
    const name = xml.slice(lt + 1, j);
    if (name.toLowerCase() === "__proto__") fail("a reserved element name");
    if (root !== null && stack.length === 0) fail("more than one root element");
    let selfClosing = false;
    for (;;) {
      const spaceFrom = j;
      while (j < length && isSpace(xml.charCodeAt(j))) j += 1;
      const c = xml.charCodeAt(j);
      if (j >= length) fail("an unfinished tag");
      if (c === 0x3e /* > */) {
        j += 1;
        break;
      }
      if (c === 0x2f /* / */) {
        if (xml.charCodeAt(j + 1) !== 0x3e) fail("a stray / in a tag");
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === spaceFrom || !isNameStart(c)) fail("a malformed attribute");
      while (j < length && isNameChar(xml.charCodeAt(j))) j += 1;
      while (j < length && isSpace(xml.charCodeAt(j))) j += 1;
      if (xml.charCodeAt(j) !== 0x3d /* = */) fail("an attribute without a value");
      j += 1;
      while (j < length && isSpace(xml.charCodeAt(j))) j += 1;
      const quote = xml[j];
      if (quote !== '"' && quote !== "'") fail("an unquoted attribute value");
      const end = xml.indexOf(quote as string, j + 1);
      if (end === -1 || xml.slice(j + 1, end).includes("<")) fail("a malformed attribute value");
      j = end + 1;
    }
    const frame: Frame = { name, record: null, text: "" };
    if (selfClosing) close(frame);
    else {
      if (stack.length >= MAX_DEPTH) fail("elements nested too deep");
      stack.push(frame);
    }
    i = j;
  }

  if (stack.length > 0) fail(`<${stack[stack.length - 1]?.name}> is never closed`);
  const document = root as { name: string; value: ReplyRecord | string } | null;
  if (document === null) fail("no root element");
  const { name, value } = document as { name: string; value: ReplyRecord | string };
  if (name.toLowerCase() !== ROOT) fail("the root element is not <interface-response>");
  return typeof value === "string" ? {} : value; // <interface-response/>: empty, Done is missing below
}
