import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { boilerFields } from "./boiler";
import { render } from "./format";
import { renderHtml } from "./html";
import { group, list, value, type ReplyField } from "./reply";
import { renderText } from "./text";
import { renderXml } from "./xml";

const sample: ReplyField[] = [
  value("EmailCount", 1),
  list("Emails", "Email", [
    [value("UserName", "james"), value("DisplayName", 'James "Jim" <Doe> & Sons'), value("ForwardTo", "")],
  ]),
  list("Paks", "Pak", [[value("BundleId", 5134), value("ExpDate", "11/25/2015", { cdata: true })]], "Pak"),
  group("Bundles", [value("BundleID", 1004279)]),
  value("Success", true),
];

describe("XML", () => {
  const xml = renderXml(sample);

  it("opens with the declaration and the interface-response root", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\r\n<interface-response>\r\n')).toBe(true);
    expect(xml.trimEnd().endsWith("</interface-response>")).toBe(true);
  });

  it("nests lists and groups, self-closes empty values and keeps CDATA dates as eNom does", () => {
    expect(xml).toContain("  <Emails>\r\n    <Email>\r\n      <UserName>james</UserName>");
    expect(xml).toContain("<ForwardTo/>");
    expect(xml).toContain("<ExpDate><![CDATA[ 11/25/2015 ]]></ExpDate>");
    expect(xml).toContain("<Bundles>\r\n    <BundleID>1004279</BundleID>\r\n  </Bundles>");
    expect(xml).toContain("<Success>True</Success>");
  });

  it("escapes user-controlled text so the document still parses to the same value", () => {
    expect(xml).toContain('<DisplayName>James "Jim" &lt;Doe&gt; &amp; Sons</DisplayName>');
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml, true) as {
      "interface-response": { Emails: { Email: { DisplayName: string } } };
    };
    expect(parsed["interface-response"].Emails.Email.DisplayName).toBe('James "Jim" <Doe> & Sons');
  });

  it("replaces characters XML 1.0 cannot carry instead of writing an unreadable document", () => {
    const broken = renderXml([value("Err1", "bad\u0001name\uD800")]);
    expect(broken).toContain("<Err1>bad\uFFFDname\uFFFD</Err1>");
    expect(XMLValidator.validate(broken)).toBe(true);
  });

  it("writes an empty list as one empty element", () => {
    expect(renderXml([list("Paks", "Pak", [], "Pak")])).toContain("  <Paks/>\r\n");
  });
});

describe("Text", () => {
  const textBody = renderText(sample);

  it("starts with eNom's comment lines and uses CRLF", () => {
    expect(textBody.split("\r\n").slice(0, 3)).toEqual([
      ";URL Interface",
      ";Machine is RESELLERTEST",
      ";Encoding Type is utf-8",
    ]);
  });

  it("flattens lists with a 1-based index and the list's prefix, groups without one", () => {
    const lines = textBody.split("\r\n");
    expect(lines).toContain("UserName1=james");
    expect(lines).toContain("ForwardTo1=");
    expect(lines).toContain("PakBundleId1=5134");
    expect(lines).toContain("PakExpDate1=11/25/2015");
    expect(lines).toContain("BundleID=1004279");
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
    expect(html).toContain("<STRONG>UserName1: </ STRONG>james<br>");
    expect(html).toContain("</BODY></HTML>");
  });

  it("leaves out the space after the colon for an empty value, as the sample does", () => {
    expect(html).toContain("<STRONG>ForwardTo1:</ STRONG><br>");
  });

  it("escapes user-controlled text", () => {
    expect(html).toContain(
      "<STRONG>DisplayName1: </ STRONG>James &quot;Jim&quot; &lt;Doe&gt; &amp; Sons<br>",
    );
  });
});

describe("the boiler", () => {
  const fields = boilerFields({
    command: "GETPOP3",
    apiType: "API.NET",
    errors: ["Domain name not found"],
    execSeconds: 0.0784,
    trackingKey: "fea0ee5e-c27e-4975-ba07-a1ac12e0dfa6",
    requestedAt: new Date("2014-11-25T12:51:57Z"),
  });

  it("carries every field of the documents' replies in their order, errors nested after ErrCount", () => {
    const xml = render("xml", fields);
    const names = [...xml.matchAll(/^  <(\w+)/gm)].map((match) => match[1]);
    expect(names).toEqual([
      "Command",
      "APIType",
      "Language",
      "ErrCount",
      "errors",
      "ResponseCount",
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
    expect(xml).toContain("<ExecTime>0.078</ExecTime>");
    expect(xml).toContain("<RequestDateTime>11/25/2014 12:51:57 PM</RequestDateTime>");
  });

  it("puts errors at the top level in Text", () => {
    expect(render("text", fields).split("\r\n")).toContain("Err1=Domain name not found");
  });
});
