import { describe, expect, it } from "vitest";
import { COMMANDS } from "./commands";
import { DOCS_BUNDLE_ID } from "./seed";
import {
  parseHtmlReply,
  parseTextReply,
  startTestSimulator,
  textLeaves,
  xmlLeaves,
  type TestSimulator,
} from "./testing";

/**
 * Every command in all three formats: HTML says exactly what Text says, and Text carries the same
 * values as XML except the fields eNom's samples show in one format only (listed per command,
 * with the sample that shows it). Dates are compared without their time of day: GetPOP3's XML
 * sample writes one where its Text sample does not.
 */
const DOCS = { sld: "resellerdocs", tld: "com" };
const IP = { EndUserIP: "203.0.113.7" };
const VOLATILE = new Set(["TrackingKey", "ExecTime", "RequestDateTime"]);

interface Example {
  params: Record<string, string | number>;
  before?: (sim: TestSimulator) => Promise<unknown>;
  /** Leaf names eNom's samples show in XML only / in Text only. */
  xmlOnly?: string[];
  textOnly?: string[];
}

const JAMES = { ...DOCS, BundleID: DOCS_BUNDLE_ID, UserName1: "james", Password1: "Harbor-7Lantern" };

const EXAMPLES: Record<string, Example> = {
  PURCHASESERVICES: { params: { service: "pop3", sld: "enom-email-example-123", tld: "com", quantity: 3 } },
  PURCHASEPOPBUNDLE: { params: { sld: "enom-email-example-123", tld: "com", Quantity: 2 } },
  // The page's XML sample has AdditionalHostPop; its Text sample has vasitemid and version.
  GETPOP3: { params: DOCS, xmlOnly: ["AdditionalHostPop"], textOnly: ["vasitemid", "version"] },
  SETPAKRENEW: { params: { ...DOCS, BundleID: DOCS_BUNDLE_ID, AutoPakRenew: 0 } },
  SETUPPOP3USER: {
    params: { ...JAMES, UserName2: "info", Password2: "Harbor-7Lantern", DisplayName2: "Front & <Desk>" },
  },
  MODIFYPOP3: { params: { ...DOCS, EmailCount: 1, UserName1: "john", IsAdmin1: 0 } },
  // seeds/002's XML has AccountsDeleted; the page's Text sample only `success`.
  DELETEPOP3: { params: { ...DOCS, UserName1: "john" }, xmlOnly: ["AccountsDeleted"] },
  DELETEPOPPAK: { params: { ...DOCS, BundleID: 5733 } },
  DELETEALLPOPPAKS: {
    params: { sld: "enom-email-example-123", tld: "com" },
    before: (sim) => sim.ok("PurchasePOPBundle", { sld: "enom-email-example-123", tld: "com", Quantity: 1 }),
  },
  RENEWPOPBUNDLE: { params: { ...DOCS, PakID: DOCS_BUNDLE_ID, Quantity: 1, ...IP } },
  // The page's Text sample adds renew, version and success.
  GETPOPEXPIRATIONS: { params: {}, textOnly: ["renew", "version", "success"] },
  // XML answers CatchAll; the pages' Text samples success, ForwardTo and Version.
  GETCATCHALL: { params: DOCS, xmlOnly: ["CatchAll"], textOnly: ["success", "ForwardTo", "Version"] },
  SETCATCHALL: {
    params: { ...DOCS, ForwardTo: "office@example.org" },
    xmlOnly: ["CatchAll"],
    textOnly: ["success", "ForwardTo", "Version"],
  },
  // XML has Count, Text Success (the page's samples).
  GETPOPFORWARDING: { params: { ...DOCS, UserName: "Jane.Doe" }, xmlOnly: ["Count"], textOnly: ["Success"] },
  SETPOPFORWARDING: {
    params: { ...DOCS, UserName: "sales", EMail: "resellerdocs.com", ForwardTo: "b@example.net", Enable: 1 },
    xmlOnly: ["DomainRRP"],
  },
  // The page's XML has Result and the domain-list's type; its Text has count.
  GETDOMAINS: { params: { Display: 5 }, xmlOnly: ["Result", "@type"], textOnly: ["count"] },
  // The page's XML has SP-XML's DomainName attributes; its Text has DomainName, IsProvisioned and count.
  ADVANCEDDOMAINSEARCH: {
    params: { SLD: "bl", SearchCriteria: "Start", RecordsToReturn: 3 },
    xmlOnly: ["@sld", "@location"],
    textOnly: ["DomainName", "IsProvisioned", "count"],
  },
  GETBALANCE: { params: {} },
  // GetHosts' XML sample prints mxpref for MX-type records and DomainServices; its Text MXPref for
  // every record, HostCount and empty EmailForwarding / HostRecords (gethosts.md).
  GETHOSTS: {
    params: { sld: "bluebird-plumbing", tld: "net" },
    xmlOnly: ["mxpref", "EmailForwarding", "HostRecords"],
    textOnly: ["MXPref", "HostCount", "EmailForwarding", "HostRecords"],
  },
  SETHOSTS: {
    params: { ...DOCS, HostName1: "@", RecordType1: "A", Address1: "66.150.5.189" },
    xmlOnly: ["DomainRRP"],
  },
  // GetMailHosts' XML sample holds the mailhosts list; its HTML sample only the counts.
  GETMAILHOSTS: {
    params: { sld: "bluebird-plumbing", tld: "net" },
    xmlOnly: ["EmailForwarding", "hostID", "HostName", "RecordType", "Address", "MXPref"],
    textOnly: [],
  },
  // GetDNS' Text sample adds NSCount.
  GETDNS: { params: DOCS, textOnly: ["NSCount"] },
  // GetForwarding's XML sample has DomainServices' values; its Text sample leaves them empty.
  GETFORWARDING: {
    params: DOCS,
    xmlOnly: ["EmailForwarding", "HostRecords"],
    textOnly: ["EmailForwarding", "HostRecords"],
  },
  FORWARDING: { params: { ...DOCS, Address1: "jane.doe", ForwardTo1: "jane@example.net" } },
};

function leafName(key: string, format: "xml" | "text"): string {
  const name = key.slice(key.lastIndexOf("/") + 1);
  return format === "text" ? name.replace(/\d+$/, "") : name;
}

/** The values of a reply, by leaf name, in order, without volatile fields or one format's own. */
function facts(leaves: Array<[string, string]>, format: "xml" | "text", own: string[]): string[] {
  return leaves
    .filter(([key]) => !VOLATILE.has(leafName(key, format)) && !own.includes(leafName(key, format)))
    .map(([, value]) => value.replace(/ \d{1,2}:\d{2}:\d{2} [AP]M$/, ""));
}

async function answer(command: string, example: Example, format: "xml" | "text" | "html"): Promise<string> {
  const sim = await startTestSimulator();
  try {
    await example.before?.(sim);
    const query = new URLSearchParams({ command, uid: "resellid", pw: "resellpw", responsetype: format });
    for (const [name, value] of Object.entries(example.params)) query.set(name, String(value));
    return await (await sim.get(query.toString())).text();
  } finally {
    await sim.close();
  }
}

describe("every command, in XML, Text and HTML", () => {
  it("has an example for every command", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...COMMANDS.keys()].sort());
  });

  for (const [command, example] of Object.entries(EXAMPLES)) {
    it(`${command} says the same thing in all three`, async () => {
      const xml = await answer(command, example, "xml");
      const textBody = await answer(command, example, "text");
      const textReply = parseTextReply(textBody);
      expect(textReply.get("ErrCount"), textReply.get("Err1")).toBe("0");
      expect(textReply.get("Command")).toBe(command);
      expect(textReply.get("Done")).toBe("true");
      const withoutVolatile = (fields: Map<string, string>) =>
        new Map([...fields].filter(([key]) => !VOLATILE.has(key)));
      expect(withoutVolatile(parseHtmlReply(await answer(command, example, "html")))).toEqual(
        withoutVolatile(textReply),
      );
      expect(facts(textLeaves(textBody), "text", example.textOnly ?? [])).toEqual(
        facts(xmlLeaves(xml), "xml", example.xmlOnly ?? []),
      );
    });
  }
});
