import { describe, expect, it } from "vitest";
import { ReplyFormatError } from "./reply";
import { parseXmlReply } from "./xml";

const wrap = (inner: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\r\n<interface-response>${inner}</interface-response>`;

describe("parseXmlReply, the one-pass reader", () => {
  it("ignores attributes, comments and processing instructions, and keeps values as strings", () => {
    expect(
      parseXmlReply(
        wrap(`<!-- a note --><Count type="int" unit='n'>0012</Count><?pi x?><Empty a="1"/><Blank></Blank>`),
      ),
    ).toEqual({ count: "0012", empty: "", blank: "" });
  });

  it("reads nested lists, self-closing children and text beside children", () => {
    const reply = parseXmlReply(wrap(`<Paks>stray<Pak><Id>1</Id></Pak><Pak><Id>2</Id><Note/></Pak></Paks>`));
    expect(reply.paks).toEqual({ pak: [{ id: "1" }, { id: "2", note: "" }] });
  });

  it("keeps CDATA as written and decodes entities only in text", () => {
    const reply = parseXmlReply(wrap(`<A><![CDATA[ 1 &amp; 2 ]]></A><B>  x &amp; y  </B>`));
    expect(reply).toEqual({ a: " 1 &amp; 2 ", b: "x & y" });
  });

  it("reads `</Name >` with a space before the `>`", () => {
    expect(parseXmlReply(wrap(`<Done>true</Done >`)).done).toBe("true");
  });

  it.each([
    ["a mismatched closing tag", wrap("<A>1</B>")],
    ["a closing tag in another case", wrap("<A>1</a>")],
    ["an unquoted attribute", wrap("<A x=1>1</A>")],
    ["an attribute without a value", wrap("<A x>1</A>")],
    ["a tag cut short", wrap("<A")],
    ["an unfinished comment", wrap("<!-- no end")],
    ["an unfinished CDATA section", wrap("<A><![CDATA[x</A>")],
    ["a name starting with a digit", wrap("<1A>x</1A>")],
    ["text after the root", `${wrap("<Done>true</Done>")}trailing`],
    ["nesting deeper than any reply", wrap("<a>".repeat(40) + "</a>".repeat(40))],
  ])("refuses %s", (_, body) => {
    expect(() => parseXmlReply(body)).toThrow(ReplyFormatError);
  });
});
