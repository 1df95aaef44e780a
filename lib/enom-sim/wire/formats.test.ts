import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { boilerFields } from "./boiler";
import { render } from "./format";
import { renderHtml } from "./html";
import { node, repeated, value, type ReplyField } from "./reply";
import { renderText } from "./text";
import { renderXml } from "./xml";

/** A reply with each shape eNom uses: items directly under the root, containers, attributes, per-format fields. */
const sample: ReplyField[] = [
  ...repeated("pop", [
    [
      value("username", "james", { textName: "Username" }),
      value("password", 'Pa"ss<&>word1', { textName: "Password" }),
      value("expdate", "5/3/2010 2:14:59 AM", { textName: "ExpDate", textValue: "5/3/2010" }),
      value("vasitemid", 26770, { only: "text" }),
    ],
    [value("username", "jane", { textName: "Username" }), value("password", "", { textName: "Password" })],
  ]),
  value("EmailCount", 2),
  node(
    "Paks",
    repeated("Pak", [[value("BundleId", 5134), value("ExpDate", "11/25/2015", { cdata: true })]], "Pak"),
  ),
  node("GetDomains", [
    node("domain-list", repeated("domain", [[value("sld", "resellerdocs")]]), {
      attributes: [["type", "Registered"]],
    }),
    value("Result", true, { only: "xml" }),
  ]),
  node("Bundles", [
    value("BundleID", 1, { textName: "BundleID1" }),
    value("BundleID", 2, { textName: "BundleID2" }),
  ]),
  node("SP-XML", [
    node("DomainNames", [
      node("DomainName", [], {
        attributes: [
          ["sld", 'r"<'],
          ["location", "Start"],
        ],
      }),
    ]),
  ]),
  value("Success", true),
];

describe("XML", () => {
  const xml = renderXml(sample);

  it("opens with eNom's declaration and the interface-response root", () => {
    expect(xml.startsWith('<?xml version="1.0" ?>\r\n<interface-response>\r\n')).toBe(true);
    expect(xml.trimEnd().endsWith("</interface-response>")).toBe(true);
    expect(renderXml(sample, { error: true }).startsWith('<?xml version="1.0" encoding="utf-16"?>')).toBe(
      true,
    );
  });

  it("repeats items directly under the root, nests containers, self-closes empty values", () => {
    expect(xml).toContain(
      '<interface-response>\r\n  <pop>\r\n    <username>james</username>\r\n    <password>Pa"ss&lt;&amp;&gt;word1</password>',
    );
    expect(xml).toContain(
      "</pop>\r\n  <pop>\r\n    <username>jane</username>\r\n    <password/>\r\n  </pop>",
    );
    expect(xml).toContain("  <Paks>\r\n    <Pak>\r\n      <BundleId>5134</BundleId>");
    expect(xml).toContain("<ExpDate><![CDATA[ 11/25/2015 ]]></ExpDate>");
    expect(xml).toContain(
      "<Bundles>\r\n    <BundleID>1</BundleID>\r\n    <BundleID>2</BundleID>\r\n  </Bundles>",
    );
    expect(xml).toContain("<Success>True</Success>");
  });

  it("writes attributes, escaped, on containers and on empty elements", () => {
    expect(xml).toContain('<domain-list type="Registered">\r\n      <domain>');
    expect(xml).toContain('<DomainName sld="r&quot;&lt;" location="Start"/>');
  });

  it("keeps Text-only fields out and XML-only ones in, with the XML value", () => {
    expect(xml).not.toContain("vasitemid");
    expect(xml).toContain("<Result>True</Result>");
    expect(xml).toContain("<expdate>5/3/2010 2:14:59 AM</expdate>");
  });

  it("escapes user-controlled text so the document parses to the same value", () => {
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml, true) as {
      "interface-response": { pop: Array<{ password: string }> };
    };
    expect(parsed["interface-response"].pop[0]?.password).toBe('Pa"ss<&>word1');
  });

  it("replaces characters XML 1.0 cannot carry instead of writing an unreadable document", () => {
    const broken = renderXml([value("Err1", "bad\u0001name\uD800")]);
    expect(broken).toContain("<Err1>bad\uFFFDname\uFFFD</Err1>");
    expect(XMLValidator.validate(broken)).toBe(true);
  });

  it("writes an empty container as one empty element", () => {
    expect(renderXml([node("Paks", [])])).toContain("  <Paks/>\r\n");
  });
});

describe("Text", () => {
  const lines = renderText(sample).split("\r\n");

  it("starts with eNom's comment lines and uses CRLF", () => {
    expect(lines.slice(0, 3)).toEqual([
      ";URL Interface",
      ";Machine is RESELLERTEST",
      ";Encoding Type is utf-8",
    ]);
  });

  it("numbers repeated items, with each command's Text names and values", () => {
    expect(lines).toContain("Username1=james");
    expect(lines).toContain('Password1=Pa"ss<&>word1');
    expect(lines).toContain("ExpDate1=5/3/2010");
    expect(lines).toContain("vasitemid1=26770");
    expect(lines).toContain("Username2=jane");
    expect(lines).toContain("Password2=");
  });

  it("puts a container's prefix before its items' names, and flattens plain containers", () => {
    expect(lines).toContain("PakBundleId1=5134");
    expect(lines).toContain("PakExpDate1=11/25/2015");
    expect(lines).toContain("sld1=resellerdocs");
    expect(lines).toContain("BundleID1=1");
    expect(lines).toContain("BundleID2=2");
    expect(lines.some((line) => line.startsWith("Result="))).toBe(false);
    expect(lines.some((line) => line.startsWith("DomainName"))).toBe(false);
  });

  it("keeps a value on its line even when it holds a line break", () => {
    const body = renderText([value("Err1", "one\r\nErrCount=0")]);
    expect(body.split("\r\n")).toContain("Err1=one ErrCount=0");
    expect(body.split("\r\n")).not.toContain("ErrCount=0");
  });
});

describe("HTML", () => {
  const html = renderHtml(sample);

  it("writes eNom's STRONG lines, malformed closing tag included, inside HTML/BODY", () => {
    expect(html).toContain(
      ";URL Interface<br>\r\n;Machine is RESELLERTEST<br>\r\n;Encoding Type is utf-8<br>\r\n<HTML><BODY>\r\n",
    );
    expect(html).toContain("<STRONG>Username1: </ STRONG>james<br>");
    expect(html).toContain("</BODY></HTML>");
  });

  it("leaves out the space after the colon for an empty value, as the sample does", () => {
    expect(html).toContain("<STRONG>Password2:</ STRONG><br>");
  });

  it("escapes user-controlled text", () => {
    expect(html).toContain("<STRONG>Password1: </ STRONG>Pa&quot;ss&lt;&amp;&gt;word1<br>");
  });
});

describe("the boiler", () => {
  const fields = boilerFields({
    command: "GETPOP3",
    apiType: "API.NET",
    errors: ["Domain name not found"],
    responses: [
      {
        description: "Domain name not found",
        number: 316153,
        text: "Validation error; not found; domain name(s)",
      },
    ],
    execSeconds: 0.0784,
    trackingKey: "fea0ee5e-c27e-4975-ba07-a1ac12e0dfa6",
    requestedAt: new Date("2014-11-25T12:51:57Z"),
  });

  it("carries every field of the documents' replies in their order, errors and responses nested", () => {
    const xml = render("xml", fields, { error: true });
    const names = [...xml.matchAll(/^ {2}<([\w-]+)/gm)].map((match) => match[1]);
    expect(names).toEqual([
      "Command",
      "APIType",
      "Language",
      "ErrCount",
      "errors",
      "ResponseCount",
      "responses",
      "MinPeriod",
      "MaxPeriod",
      "Server",
      "Site",
      "IsLockable",
      "IsRealTimeTLD",
      "TimeDifference",
      "ExecTime",
      "Done",
      "TrackingKey",
      "RequestDateTime",
    ]);
    expect(xml).toContain("<errors>\r\n    <Err1>Domain name not found</Err1>\r\n  </errors>");
    expect(xml).toContain(
      "<responses>\r\n    <response>\r\n      <Description>Domain name not found</Description>\r\n" +
        "      <ResponseNumber>316153</ResponseNumber>\r\n" +
        "      <ResponseString>Validation error; not found; domain name(s)</ResponseString>\r\n    </response>\r\n  </responses>",
    );
    expect(xml).toContain("<ResponseCount>1</ResponseCount>");
    expect(xml).toContain("<ExecTime>0.078</ExecTime>");
    expect(xml).toContain("<RequestDateTime>11/25/2014 12:51:57 PM</RequestDateTime>");
  });

  it("puts errors and numbered responses at the top level in Text", () => {
    const lines = render("text", fields).split("\r\n");
    expect(lines).toContain("Err1=Domain name not found");
    expect(lines).toContain("ResponseCount=1");
    expect(lines).toContain("ResponseNumber1=316153");
    expect(lines).toContain("ResponseString1=Validation error; not found; domain name(s)");
  });
});
