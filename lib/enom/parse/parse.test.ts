import { describe, expect, it } from "vitest";
import { enomXml, fixture } from "../__fixtures__/harness";
import { readEnvelope } from "./envelope";
import { replyFormatOf } from "./format";
import { parseHtmlReply } from "./html";
import { ReplyFormatError } from "./reply";
import { indexedRecords, parseTextReply } from "./text";
import { parseXmlReply } from "./xml";

// Fixtures are eNom's own samples, copied verbatim: see __fixtures__/README.md for each source.

describe("XML replies (seeds/001, seeds/002)", () => {
  it("reads SetUpPOP3User's XML sample (seeds/001)", () => {
    const reply = parseXmlReply(fixture("setup-pop3-user.seed001.xml"));
    expect(reply).toMatchObject({
      success: "True",
      accountscreated: "1",
      accountsfailed: "0",
      command: "SETUPPOP3USER",
      islockable: "True",
      timedifference: "+8.00",
      exectime: "8.547",
      debug: "",
    });
    expect(reply).not.toHaveProperty("ExecTime"); // names are lower-cased once, here
    expect(readEnvelope(reply)).toEqual({
      command: "SETUPPOP3USER",
      errCount: 0,
      errors: [],
      responses: [],
      trackingKey: "37bb5652-5250-4483-a877-368f2eb7674f",
      requestDateTime: { iso: "2011-12-12T00:57:20" },
      format: "xml",
    });
  });

  it("survives PurchaseServices' quirks: `<Done>>true</Done>`, `orderid`, trailing spaces, no TrackingKey (seeds/002 Step 1)", () => {
    const reply = parseXmlReply(fixture("purchase-services.seed002.xml"));
    expect(reply.done).toBe(">true");
    expect(reply.orderid).toBe("161786106");
    expect(reply.bundles).toEqual({
      actiontype: "Create",
      bundleid: "1004279",
      vasitemid: "1004279",
      domainname: "enom-email-example-123.com",
      capacity: "1",
      period: "1",
      billingperiod: "year",
      expdate: "11/25/2015",
      quantity: "15",
      totalquantity: "15",
    });
    expect(readEnvelope(reply)).toEqual({
      command: "PURCHASESERVICES",
      errCount: 0,
      errors: [],
      responses: [],
      trackingKey: null,
      requestDateTime: { iso: "2014-11-25T12:47:29" },
      format: "xml",
    });
  });

  it("reads GetPOP3's `BundleId`, CDATA date and empty elements (seeds/002 Step 1)", () => {
    const reply = parseXmlReply(fixture("get-pop3.seed002.xml"));
    expect(reply.paks).toEqual({
      pak: {
        bundleid: "1004279",
        qtypurchased: "15",
        qtyavailable: "15",
        expdate: " 11/25/2015 ",
        autorenew: "1",
        quota: "1024",
        prodtype: "2011",
        version: "3",
      },
    });
    expect(reply.islockable).toBe("");
    expect(reply.additionalhostacctlogin).toBe("");
    expect(readEnvelope(reply).trackingKey).toBe("fea0ee5e-c27e-4975-ba07-alac12e0dfa6");
  });

  it("reads a TrackingKey the page break split inside its value, as printed", () => {
    expect(readEnvelope(parseXmlReply(fixture("get-pop3.seed002.as-printed.xml"))).trackingKey).toBe(
      "fea0ee5e-c27e-4975-ba07-alac12e0d-fa6",
    );
    expect(readEnvelope(parseXmlReply(fixture("setup-pop3-user.seed002.as-printed.xml"))).trackingKey).toBe(
      "0a38040b-4782-4854-9c03-afe2b6f-d4b8f",
    );
  });

  it.each(["set-pak-renew", "modify-pop3", "delete-pop3"])(
    "refuses %s as printed, where the page break split the closing tag `</Track-ingKey>`",
    (name) => {
      expect(() => parseXmlReply(fixture(`${name}.seed002.as-printed.xml`))).toThrow(ReplyFormatError);
      expect(readEnvelope(parseXmlReply(fixture(`${name}.seed002.xml`))).errCount).toBe(0);
    },
  );

  it("reads `success` in lower case and `Done` as `>true` (seeds/002 Steps 2 and 5)", () => {
    const renew = parseXmlReply(fixture("set-pak-renew.seed002.xml"));
    expect(renew).toMatchObject({ pakupdated: "1004279", autopakrenew: "1", success: "True", done: ">true" });
    expect(readEnvelope(renew).trackingKey).toBe("144b1e36-20bc-4032-9d6e-b3cee407e647");
    const deleted = parseXmlReply(fixture("delete-pop3.seed002.xml"));
    expect(deleted).toMatchObject({ accountsdeleted: "1", success: "True" });
    expect(readEnvelope(deleted).requestDateTime).toEqual({ iso: "2014-11-25T14:38:50" });
  });

  it("reads ModifyPOP3 and SetupPop3User (seeds/002 Steps 3 and 4)", () => {
    const modify = parseXmlReply(fixture("modify-pop3.seed002.xml"));
    expect(modify).toMatchObject({ accountsmodified: "1", accountsfailed: "0", version: "3" });
    expect(readEnvelope(modify).trackingKey).toBe("9c5e4492-d281-47bb-a163-a7814c159124");
    const setup = parseXmlReply(fixture("setup-pop3-user.seed002.xml"));
    expect(setup).toMatchObject({ accountscreated: "1", accountsfailed: "0" });
    expect(readEnvelope(setup).trackingKey).toBe("0a38040b-4782-4854-9c03-afe2b6fd4b8f");
  });

  it("decodes XML's own entities, and nothing else", () => {
    const reply = parseXmlReply(
      "<interface-response><DisplayName>Smith &amp; Jones &lt;HQ&gt; &#233;&#x41; &nbsp; &bogus; &constructor; &__proto__;</DisplayName></interface-response>",
    );
    expect(reply.displayname).toBe("Smith & Jones <HQ> éA &nbsp; &bogus; &constructor; &__proto__;");
  });

  it("merges names that differ only in case into one list", () => {
    const reply = parseXmlReply(
      "<interface-response><Pak><A>1</A></Pak><pak><A>2</A></pak><PAK><A>3</A></PAK></interface-response>",
    );
    expect(reply.pak).toEqual([{ a: "1" }, { a: "2" }, { a: "3" }]);
  });

  it.each([
    ["a DOCTYPE", '<!DOCTYPE x [<!ENTITY a "b">]><interface-response><Done>true</Done></interface-response>'],
    ["an unclosed root", "<interface-response><Done>true</Done>"],
    ["another root", "<html><body>Service Unavailable</body></html>"],
    ["two roots", "<interface-response/><interface-response/>"],
    ["text", "Done=true"],
    ["nothing", ""],
    ["a prototype-polluting name", "<interface-response><__proto__>x</__proto__></interface-response>"],
  ])("refuses %s", (_, body) => {
    expect(() => parseXmlReply(body)).toThrow(ReplyFormatError);
  });
});

describe("Text replies (seeds/001)", () => {
  it("reads the Text sample: `;` comments, Key=Value, empty values", () => {
    const reply = parseTextReply(fixture("setup-pop3-user.seed001.txt"));
    expect(reply).toMatchObject({
      success: "True",
      accountscreated: "1",
      accountsfailed: "0",
      command: "SETUPPOP3USER",
      apitype: "API.NET",
      errcount: "1",
      err1: "Invalid Item specified",
      islockable: "",
      isrealtimetld: "",
      timedifference: "+0.00",
      exectime: "0.094",
      done: "true",
    });
    expect(Object.keys(reply).some((key) => key.startsWith(";"))).toBe(false);
    expect(readEnvelope(reply, "text")).toEqual({
      command: "SETUPPOP3USER",
      errCount: 1,
      errors: ["Invalid Item specified"],
      responses: [],
      trackingKey: "5715a3fd-e803-4105-a57e-75ebbb9231d1",
      requestDateTime: { iso: "2015-02-05T15:41:19" },
      format: "text",
    });
  });

  it("reads CRLF lines and folds indexed keys into lists", () => {
    const reply = parseTextReply(
      ";URL Interface\r\nUserName1=james\r\nIsAdmin1=0\r\nUserName2=ann\r\nDisplayName2=Ann Lee\r\nIsAdmin2=1\r\nErrCount=0\r\nDone=true\r\n",
    );
    expect(indexedRecords(reply, ["UserName", "DisplayName", "IsAdmin"])).toEqual([
      { username: "james", isadmin: "0" },
      { username: "ann", displayname: "Ann Lee", isadmin: "1" },
    ]);
    expect(readEnvelope(reply).errCount).toBe(0);
  });

  it("keeps `=` inside a value", () => {
    expect(parseTextReply("Err1=a=b\nErrCount=1\nDone=true").err1).toBe("a=b");
  });

  it.each([
    ["", "nothing"],
    ["<interface-response/>", "XML"],
    [";only a comment", "comments only"],
  ])("refuses %s (%s)", (body) => {
    expect(() => parseTextReply(body)).toThrow(ReplyFormatError);
  });
});

describe("HTML replies (seeds/001)", () => {
  it("reads the HTML sample with eNom's `</ STRONG>` closing tags", () => {
    const reply = parseHtmlReply(fixture("setup-pop3-user.seed001.html.txt"));
    expect(reply).toMatchObject({
      success: "True",
      accountscreated: "1",
      command: "SETUPPOP3USER",
      errcount: "1",
      err1: "Invalid Item specified",
      server: "sjl0vwresell_t1",
      islockable: "",
      isrealtimetld: "",
      exectime: "0.172",
      done: "true",
    });
    expect(readEnvelope(reply, "html")).toEqual({
      command: "SETUPPOP3USER",
      errCount: 1,
      errors: ["Invalid Item specified"],
      responses: [],
      trackingKey: "6d72b4a4-8558-4c99-b222-3b00c0f3926d",
      requestDateTime: { iso: "2015-02-05T15:40:01" },
      format: "html",
    });
  });

  it("refuses a page that was cut off before </BODY>", () => {
    const html = fixture("setup-pop3-user.seed001.html.txt");
    expect(() => parseHtmlReply(html.slice(0, html.indexOf("</BODY>")))).toThrow(ReplyFormatError);
  });
});

describe("the envelope", () => {
  const reply = (xml: string) => readEnvelope(parseXmlReply(xml));

  it.each([1, 2, 5, 12])("reads %i errors nested in <errors>, in order", (n) => {
    const errors = Array.from({ length: n }, (_, i) => `Problem number ${i + 1}`);
    expect(reply(enomXml("GetPOP3", "", { errors, nested: true }))).toMatchObject({ errCount: n, errors });
  });

  it.each([1, 2, 5, 12])("reads %i errors at the top level, in order", (n) => {
    const errors = Array.from({ length: n }, (_, i) => `Problem number ${i + 1}`);
    expect(reply(enomXml("GetPOP3", "", { errors, nested: false }))).toMatchObject({ errCount: n, errors });
  });

  it("orders Err10 after Err9, and prefers the nested copy when both are present", () => {
    const xml =
      "<interface-response><ErrCount>10</ErrCount><errors>" +
      Array.from({ length: 10 }, (_, i) => `<Err${10 - i}>e${10 - i}</Err${10 - i}>`).join("") +
      "</errors><Err1>top-level copy</Err1><Done>true</Done></interface-response>";
    expect(reply(xml).errors).toEqual(["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10"]);
  });

  it("reads eNom's error numbers: responses/response (XML) and ResponseNumber1/ResponseString1 (Text)", () => {
    expect(
      reply(
        enomXml("GetPOP3", "", {
          errors: ["Domain name not found"],
          responses: [
            {
              number: "316153",
              text: "Validation error; not found; domain name(s)",
              description: "Domain name not found",
            },
          ],
        }),
      ).responses,
    ).toEqual([
      {
        number: 316153,
        text: "Validation error; not found; domain name(s)",
        description: "Domain name not found",
      },
    ]);
    const text = parseTextReply(
      "ErrCount=1\nErr1=Bad User name or Password\nResponseCount=1\nResponseNumber1=304155\nResponseString1=Validation error; invalid ; loginid\nDone=true",
    );
    expect(readEnvelope(text, "text").responses).toEqual([
      { number: 304155, text: "Validation error; invalid ; loginid", description: null },
    ]);
  });

  it("keeps ErrCount even when eNom gives fewer messages", () => {
    expect(
      reply(
        "<interface-response><ErrCount>2</ErrCount><Err1>only one</Err1><Done>true</Done></interface-response>",
      ),
    ).toMatchObject({
      errCount: 2,
      errors: ["only one"],
    });
  });

  it.each([
    ["no Done", enomXml("GetPOP3", "", { done: null }), "incomplete"],
    ["Done false", enomXml("GetPOP3", "", { done: "false" }), "incomplete"],
    ["no ErrCount", enomXml("GetPOP3", "", { errCount: null }), "incomplete"],
    ["ErrCount not a number", enomXml("GetPOP3", "", { errCount: "zero" }), "unparseable"],
    ["ErrCount negative", enomXml("GetPOP3", "", { errCount: "-1" }), "unparseable"],
    ["ErrCount huge", enomXml("GetPOP3", "", { errCount: "99999999999999999999" }), "unparseable"],
    ["an empty root", "<interface-response/>", "incomplete"],
  ])("refuses a reply with %s", (_, xml, reason) => {
    expect(() => reply(xml)).toThrow(expect.objectContaining({ reason }));
  });
});

describe("formats and eNom's quirks", () => {
  it.each([
    ['<?xml version="1.0" encoding="utf-16"?><interface-response/>', "xml"],
    [" <interface-response>\n</interface-response>", "xml"],
    [fixture("setup-pop3-user.seed001.html.txt"), "html"],
    [fixture("setup-pop3-user.seed001.txt"), "text"],
    ["Done=true", "text"],
  ])("detects the format of %j", (body, format) => {
    expect(replyFormatOf(body)).toBe(format);
  });

  it("closes eNom's own broken `<![CDATA[ ] ]>` (renewpopbundle, SetPOPForwarding's page), and nothing looser", () => {
    const xml = (debug: string) =>
      `<interface-response><orderid>1</orderid><ErrCount>0</ErrCount><Done>true</Done><debug>${debug}</debug></interface-response>`;
    expect(parseXmlReply(xml("\n <![CDATA[ ] ]>\n ")).orderid).toBe("1");
    expect(() => parseXmlReply(xml("<![CDATA[ ] ] >"))).toThrow(ReplyFormatError);
    expect(() => parseXmlReply(xml("<![CDATA[ ]"))).toThrow(ReplyFormatError);
  });

  it("no parser keeps a mailbox password field, in any format", () => {
    expect(
      parseXmlReply(
        "<interface-response><pop><username>a</username><password>Xy-1</password></pop></interface-response>",
      ),
    ).toEqual({
      pop: { username: "a" },
    });
    expect(parseTextReply("Username1=a\nPassword1=Xy-1\nDone=true")).toEqual({
      username1: "a",
      done: "true",
    });
    expect(
      parseHtmlReply(
        "<HTML><BODY><STRONG>Username1: </ STRONG>a<br><STRONG>Password1: </ STRONG>Xy-1<br></BODY></HTML>",
      ),
    ).toEqual({ username1: "a" });
  });
});
