import "server-only";
import { addField, ReplyFormatError, type ReplyRecord } from "./reply";

/**
 * eNom's HTML format: `<STRONG>Key: </ STRONG>Value<br>` lines inside `<HTML><BODY>`, with eNom's
 * malformed closing tag (`</ STRONG>`, a space after the slash) and `;` comment lines before the
 * `<HTML>`. Read with one pattern per line rather than an HTML parser: this is a key list
 * wearing tags, and a real HTML parser would "repair" the closing tag in ways of its own.
 */
const LINE = /<strong>\s*([A-Za-z][A-Za-z0-9_-]*)\s*:\s*<\/\s*strong\s*>([^<]*)<br\s*\/?>/gi;
const ENTITIES: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
  nbsp: " ",
  "#39": "'",
};

export function parseHtmlReply(body: string): ReplyRecord {
  if (!/<body[\s>]/i.test(body) || !/<\/body\s*>/i.test(body))
    throw new ReplyFormatError("unparseable", "not an eNom HTML reply (no complete <BODY>)");
  const record: ReplyRecord = {};
  let fields = 0;
  for (const match of body.matchAll(LINE)) {
    const [, key = "", value = ""] = match;
    addField(
      record,
      key,
      value
        .trim()
        .replace(
          /&(#39|[a-z]+);/gi,
          (whole, name: string) =>
            (Object.hasOwn(ENTITIES, name.toLowerCase()) ? ENTITIES[name.toLowerCase()] : undefined) ?? whole,
        ),
    );
    fields += 1;
  }
  if (fields === 0) throw new ReplyFormatError("unparseable", "an eNom HTML reply without fields");
  return record;
}
