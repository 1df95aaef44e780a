import "server-only";
import { parseHtmlReply } from "./html";
import type { ReplyFormat, ReplyRecord } from "./reply";
import { parseTextReply } from "./text";
import { parseXmlReply } from "./xml";

/**
 * Which of eNom's three formats a body is in. The client always asks for XML, but a reply that
 * lost its `ResponseType` comes back in Text (eNom's default), and `npm run enom:check` saves all
 * three: each is read by its own reader into the same ReplyRecord.
 * HTML: `;URL Interface<br>` lines, then `<HTML><BODY><STRONG>Key: </ STRONG>…` (seeds/001).
 * Text: `;` lines, then `Key=Value` lines (seeds/001). XML: everything that starts with `<`.
 */
export function replyFormatOf(body: string): ReplyFormat {
  const start = body.replace(/^\uFEFF/, "").trimStart();
  if (/^<\?xml|^<interface-response[\s>/]/i.test(start)) return "xml";
  if (/<html[\s>]|<body[\s>]/i.test(body)) return "html";
  return start.startsWith("<") ? "xml" : "text";
}

/** Reads a body in whichever format it is; throws ReplyFormatError when it is none of them. */
export function parseReply(body: string): { format: ReplyFormat; reply: ReplyRecord } {
  const format = replyFormatOf(body);
  const reply =
    format === "xml" ? parseXmlReply(body) : format === "html" ? parseHtmlReply(body) : parseTextReply(body);
  return { format, reply };
}
