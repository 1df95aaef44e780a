import "server-only";

/**
 * A forgiving reader for eNom's XML replies, used only to compare their shape with eNom's
 * documents. It keeps what a strict parser would lose for this purpose: element order, exact
 * casing and repeats; and it reads what a strict parser refuses, such as the `<![CDATA[ ] ]>`
 * that eNom's own RenewPOPBundle and SetPOPForwarding samples print (never closed), which here
 * ends at the next closing tag. It never decides what a value means; lib/enom does that.
 */
export type XmlElement = {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), trimmed; "" when it has none. */
  text: string;
};

export class XmlShapeError extends Error {
  override readonly name = "XmlShapeError";
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const [, name, , double, single] = match;
    if (name) attributes[name] = decode(double ?? single ?? "");
  }
  return attributes;
}

/** Reads a reply into its root element; throws XmlShapeError when there is no element tree at all. */
export function readXml(body: string): XmlElement {
  const stack: { element: XmlElement; parts: string[] }[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  const appendText = (text: string) => stack.at(-1)?.parts.push(text);

  while (i < body.length) {
    const lt = body.indexOf("<", i);
    if (lt < 0) {
      appendText(decode(body.slice(i)));
      break;
    }
    if (lt > i) appendText(decode(body.slice(i, lt)));

    if (body.startsWith("<![CDATA[", lt)) {
      const start = lt + "<![CDATA[".length;
      const end = body.indexOf("]]>", start);
      const nextClose = body.indexOf("</", start);
      // eNom prints `<![CDATA[ ] ]>` and never closes it: end it at the next closing tag.
      if (end >= 0 && (nextClose < 0 || end < nextClose)) {
        appendText(body.slice(start, end));
        i = end + 3;
      } else {
        appendText(body.slice(start, nextClose < 0 ? body.length : nextClose).replace(/\]\s*\]>\s*$/, ""));
        i = nextClose < 0 ? body.length : nextClose;
      }
      continue;
    }
    if (body.startsWith("<!--", lt)) {
      const end = body.indexOf("-->", lt + 4);
      i = end < 0 ? body.length : end + 3;
      continue;
    }
    if (body.startsWith("<?", lt) || body.startsWith("<!", lt)) {
      const end = body.indexOf(">", lt);
      i = end < 0 ? body.length : end + 1;
      continue;
    }
    const gt = body.indexOf(">", lt);
    if (gt < 0) throw new XmlShapeError(`a tag is cut off at character ${lt}`);
    const tag = body.slice(lt + 1, gt);
    i = gt + 1;

    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      // eNom's documents print `</ STRONG>`-style slips only in HTML; in XML a stray closing tag
      // closes up to its opening one, and one that opened nothing is ignored.
      const at = stack.map((open) => open.element.name).lastIndexOf(name);
      if (at < 0) continue;
      while (stack.length > at) {
        const open = stack.pop();
        if (open) open.element.text = open.parts.join("").trim();
      }
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const inner = selfClosing ? tag.slice(0, -1) : tag;
    const name = NAME.exec(inner.trim())?.[0];
    if (!name) throw new XmlShapeError(`"<${tag}>" is not a tag`);
    const element: XmlElement = {
      name,
      attributes: parseAttributes(inner.trim().slice(name.length)),
      children: [],
      text: "",
    };
    const parent = stack.at(-1);
    if (parent) parent.element.children.push(element);
    else if (root) throw new XmlShapeError(`a second root element <${name}> follows <${root.name}>`);
    else root = element;
    if (!selfClosing) stack.push({ element, parts: [] });
  }
  // A reply cut off mid-way leaves elements open: keep what arrived, the shape check names what is missing.
  while (stack.length > 0) {
    const open = stack.pop();
    if (open) open.element.text = open.parts.join("").trim();
  }
  if (!root) throw new XmlShapeError("the reply holds no XML element");
  return root;
}
