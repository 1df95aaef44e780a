import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "./commands";
import { DOCS_BUNDLE_ID } from "./seed";
import { startTestSimulator, parseHtmlReply, parseTextReply, type TestSimulator } from "./testing";

/**
 * Every command in all three formats: the same facts in XML, Text and HTML, flattened by the rule
 * docs/enom.md states (lists numbered from 1 with their prefix, groups flat).
 */
const DOCS = { sld: "resellerdocs", tld: "com" };
const IP = { EndUserIP: "203.0.113.7" };
const VOLATILE = new Set(["TrackingKey", "ExecTime", "RequestDateTime"]);
/** The Text prefix of each list, by its XML element. */
const LIST_PREFIX: Record<string, string> = { Paks: "Pak", FailedAccounts: "Failed" };

interface Example {
  params: Record<string, string | number>;
  before?: (sim: TestSimulator) => Promise<unknown>;
}

const EXAMPLES: Record<string, Example> = {
  PURCHASESERVICES: { params: { service: "pop3", sld: "enom-email-example-123", tld: "com", quantity: 3 } },
  PURCHASEPOPBUNDLE: { params: { sld: "enom-email-example-123", tld: "com" } },
  GETPOP3: {
    params: DOCS,
    before: (sim) =>
      sim.ok("SetUpPOP3User", {
        ...DOCS,
        BundleID: DOCS_BUNDLE_ID,
        UserName1: "info",
        Password1: "Secret123",
        DisplayName1: "Front & <Desk>",
      }),
  },
  SETPAKRENEW: { params: { ...DOCS, BundleID: DOCS_BUNDLE_ID, AutoPakRenew: 0 } },
  SETUPPOP3USER: {
    params: {
      ...DOCS,
      BundleID: DOCS_BUNDLE_ID,
      UserName1: "info",
      Password1: "Secret123",
      UserName2: "james",
      Password2: "Secret123",
    },
    before: (sim) =>
      sim.ok("SetUpPOP3User", {
        ...DOCS,
        BundleID: DOCS_BUNDLE_ID,
        UserName1: "james",
        Password1: "Secret123",
      }),
  },
  MODIFYPOP3: {
    params: { ...DOCS, BundleID: DOCS_BUNDLE_ID, EmailCount: 1, UserName1: "info", IsAdmin1: 1 },
    before: (sim) =>
      sim.ok("SetUpPOP3User", {
        ...DOCS,
        BundleID: DOCS_BUNDLE_ID,
        UserName1: "info",
        Password1: "Secret123",
      }),
  },
  DELETEPOP3: {
    params: { ...DOCS, UserName1: "info" },
    before: (sim) =>
      sim.ok("SetUpPOP3User", {
        ...DOCS,
        BundleID: DOCS_BUNDLE_ID,
        UserName1: "info",
        Password1: "Secret123",
      }),
  },
  DELETEPOPPAK: { params: { ...DOCS, BundleID: DOCS_BUNDLE_ID } },
  DELETEALLPOPPAKS: { params: DOCS },
  RENEWPOPBUNDLE: { params: { ...DOCS, PakID: DOCS_BUNDLE_ID, Quantity: 1, ...IP } },
  GETPOPEXPIRATIONS: { params: {} },
  GETCATCHALL: { params: DOCS },
  SETCATCHALL: { params: { ...DOCS, CatchAll: "office@example.org" } },
  GETPOPFORWARDING: {
    params: { ...DOCS, UserName: "info" },
    before: (sim) =>
      sim.ok("SetUpPOP3User", {
        ...DOCS,
        BundleID: DOCS_BUNDLE_ID,
        UserName1: "info",
        Password1: "Secret123",
        ForwardTo1: "a@example.net",
      }),
  },
  SETPOPFORWARDING: {
    params: { ...DOCS, UserName: "info", ForwardTo: "b@example.net" },
    before: (sim) =>
      sim.ok("SetUpPOP3User", {
        ...DOCS,
        BundleID: DOCS_BUNDLE_ID,
        UserName1: "info",
        Password1: "Secret123",
      }),
  },
  GETDOMAINS: { params: { Display: 5 } },
  GETBALANCE: { params: {} },
};

const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
});

/** XML as Text keys: `Paks/Pak[2]/BundleId` → `PakBundleId2`, `Bundles/BundleID` → `BundleID`. */
function xmlAsTextKeys(body: string): Map<string, string> {
  type Node = Record<string, unknown>;
  const nodesOf = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);
  const elementsOf = (nodes: Node[]) =>
    nodes.flatMap((node) => Object.entries(node).filter(([name]) => name !== "#text" && name !== ":@"));
  const textOf = (nodes: Node[]) =>
    nodes
      .map((node) => String(node["#text"] ?? ""))
      .join("")
      .trim();
  const keys = new Map<string, string>();
  const document = orderedParser.parse(body) as Node[];
  const root = nodesOf(document.find((node) => "interface-response" in node)?.["interface-response"]);
  for (const [name, value] of elementsOf(root)) {
    const children = elementsOf(nodesOf(value));
    if (children.length === 0) {
      keys.set(name, textOf(nodesOf(value)));
      continue;
    }
    let index = 0;
    for (const [childName, childValue] of children) {
      const leaves = elementsOf(nodesOf(childValue));
      if (leaves.length === 0) keys.set(childName, textOf(nodesOf(childValue)));
      else {
        index++;
        for (const [leafName, leafValue] of leaves)
          keys.set(`${LIST_PREFIX[name] ?? ""}${leafName}${index}`, textOf(nodesOf(leafValue)));
      }
    }
  }
  return keys;
}

function stable(fields: Map<string, string>): Map<string, string> {
  return new Map([...fields].filter(([key]) => !VOLATILE.has(key)));
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
      const xml = stable(xmlAsTextKeys(await answer(command, example, "xml")));
      const textReply = stable(parseTextReply(await answer(command, example, "text")));
      const html = stable(parseHtmlReply(await answer(command, example, "html")));
      expect(textReply.get("ErrCount"), textReply.get("Err1")).toBe("0");
      expect(textReply.get("Command")).toBe(command);
      expect(textReply.get("Done")).toBe("true");
      expect(html).toEqual(textReply);
      expect(xml).toEqual(textReply);
    });
  }
});
