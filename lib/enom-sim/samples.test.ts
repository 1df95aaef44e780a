import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { XML_SAMPLES, TEXT_SAMPLES, TEXT_SAMPLE_PAGES } from "./page-samples";
import { examplesFor } from "./pages-fixture";
import { startEnomSimulator, type RunningSimulator, type SimulatorOptions } from "./server";
import { FIXED_NOW, textLeaves, xmlLeaves, type ReplyLeaf } from "./testing";

/**
 * The simulator's replies against eNom's own samples, element by element: each sample's request
 * (its page's example query) is sent to a fresh simulator and the reply must have the sample's
 * elements — names, casing, nesting, attributes, order — and values of the same kind (a date with
 * a time where the sample has one, a number where it has a number, Yes/No where it has Yes/No).
 * Anything the simulator sends beyond a sample is listed below with the document it comes from.
 *
 * The part before `Command` must match exactly; the boiler from `Command` on must contain the
 * sample's boiler in order (the simulator adds seeds/002's `APIType`, leaves out the 2011
 * samples' empty `debug`).
 */
const SHARED_SAMPLES = join(__dirname, "..", "..", "..", "shared", "enom-samples");

let simulator: RunningSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function send(query: string, options: SimulatorOptions = {}, before: string[] = []): Promise<string> {
  simulator = await startEnomSimulator({
    port: 0,
    statePath: null,
    now: () => FIXED_NOW,
    legacyPasswords: true,
    ...options,
  });
  for (const step of before) {
    const reply = await (await fetch(`${simulator.url}?${step}&responsetype=xml`)).text();
    expect(reply, step).toContain("<ErrCount>0</ErrCount>");
  }
  return (await fetch(`${simulator.url}?${query}`)).text();
}

/**
 * Leaves whose text is free (a name, a password): a number there (`<password>78910</password>`,
 * `<sld>00000000001111</sld>`) is still just text.
 */
const FREE_TEXT = new Set(["password", "Password#", "sld", "sld#", "SLD", "SLD#", "username", "Username#"]);

/** What kind of value eNom wrote: compared instead of the values themselves, which differ by account. */
function kindOf(value: string, shape: string): string {
  if (value === "") return "empty";
  if (FREE_TEXT.has(shape.slice(shape.lastIndexOf("/") + 1))) return "text";
  if (value === "[email protected]") return "address";
  if (/^(Yes|No|YES|NO|NA)$/.test(value)) return "Yes/No/NA";
  if (/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/.test(value)) return "date and time";
  if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(value)) return "date";
  if (/^-?\d{1,3}(,\d{3})*\.\d{2}$/.test(value)) return "amount";
  if (/^\d+$/.test(value)) return "whole number";
  if (/^(True|False)$/.test(value)) return "True/False";
  if (/^[^@\s]+@[^@\s]+$/.test(value)) return "address";
  return "text";
}

/** Numbered Text keys and repeated XML paths collapse to one shape: `Username1` → `Username#`. */
function shapeOf(key: string, format: "xml" | "text"): string {
  return format === "text" ? key.replace(/\d+$/, "#") : key;
}

function split(leaves: ReplyLeaf[]): { own: ReplyLeaf[]; boiler: ReplyLeaf[] } {
  const at = leaves.findIndex(([path]) => path === "Command");
  return { own: leaves.slice(0, at), boiler: leaves.slice(at) };
}

/** Each leaf's shape with the kinds of value it takes, in order of first appearance. */
function shapes(leaves: ReplyLeaf[], format: "xml" | "text"): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  for (const [path, value] of leaves) {
    const shape = shapeOf(path, format);
    const kinds = seen.get(shape) ?? new Set<string>();
    kinds.add(kindOf(value, shape));
    seen.set(shape, kinds);
  }
  return seen;
}

function compareWithSample(
  format: "xml" | "text",
  sample: ReplyLeaf[],
  ours: ReplyLeaf[],
  allowed: { extra?: string[]; missing?: string[] } = {},
): void {
  const theirs = split(sample);
  const mine = split(ours);
  const theirShapes = shapes(theirs.own, format);
  const myShapes = shapes(mine.own, format);
  const extra = new Set(allowed.extra ?? []);
  const missing = new Set(allowed.missing ?? []);
  expect(
    [...myShapes.keys()].filter((shape) => !extra.has(shape)),
    "the command's own fields",
  ).toEqual([...theirShapes.keys()].filter((shape) => !missing.has(shape)));
  // Every kind of value we write there, the sample writes there too (its empties excepted: a
  // sample's empty field says nothing of what it holds when set).
  for (const [shape, kinds] of myShapes) {
    const theirKinds = theirShapes.get(shape);
    if (!theirKinds || [...theirKinds].every((kind) => kind === "empty")) continue;
    for (const kind of kinds)
      expect(`${shape}: ${kind}`, `sample: ${[...theirKinds].join(", ")}`).toBe(
        `${shape}: ${theirKinds.has(kind) ? kind : [...theirKinds].join(" or ")}`,
      );
  }
  // The boiler: the sample's, in order, inside ours.
  const myBoiler = mine.boiler.map(([path]) => shapeOf(path, format));
  let from = 0;
  for (const [path] of theirs.boiler) {
    const shape = shapeOf(path, format);
    if (shape === "debug") continue;
    const at = myBoiler.indexOf(shape, from);
    expect(at, `boiler field ${shape}, in the sample's order`).toBeGreaterThanOrEqual(from);
    from = at + 1;
  }
}

/** eNom's own typo in the RenewPOPBundle sample, `<![CDATA[ ] ]>`, which no parser reads. */
const parseable = (sample: string) => sample.replace("<![CDATA[ ] ]>", "<![CDATA[ ]]>");

/** The pak's mailboxes go first: DeleteAllPOPPaks needs every pak empty. */
const EMPTY_RESELLERDOCS = [
  "command=DeletePOP3&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&UserName1=john&UserName2=jane&UserName3=Jane.Doe",
];

interface XmlCase {
  query: string;
  before?: string[];
  options?: SimulatorOptions;
  /** Fields the simulator sends beyond the sample, and why. */
  extra?: Record<string, string>;
}

const XML_CASES: Record<keyof typeof XML_SAMPLES, XmlCase> = {
  "getpop3-online": {
    query: `${examplesFor("GETPOP3").query}&responsetype=xml`,
    extra: {
      "Paks/Pak/Version": "seeds/002's GetPOP3 and the page's Text sample (PakVersion1)",
      Success: "seeds/002's GetPOP3 and the page's Text sample",
    },
  },
  "getpopexpirations-online": { query: `${examplesFor("GETPOPEXPIRATIONS").query}&responsetype=xml` },
  "getpopforwarding-online": { query: `${examplesFor("GETPOPFORWARDING").query}&ResponseType=xml` },
  "getcatchall-online": { query: `${examplesFor("GETCATCHALL").query}&responsetype=xml` },
  "getdomains-online": { query: `${examplesFor("GETDOMAINS").query}&ResponseType=XML` },
  "getbalance-online": { query: `${examplesFor("GETBALANCE").query}&responsetype=xml` },
  "purchasepopbundle-online": { query: `${examplesFor("PURCHASEPOPBUNDLE").query}&responsetype=xml` },
  "renewpopbundle-online": { query: `${examplesFor("RENEWPOPBUNDLE").query}&responsetype=xml` },
  "deleteallpoppaks-online": {
    query: `${examplesFor("DELETEALLPOPPAKS").query}&ResponseType=XML`,
    before: EMPTY_RESELLERDOCS,
  },
  "error-with-responses": {
    query: "command=GetPOP3&uid=resellid&pw=resellpw&sld=no-such-domain&tld=com&responsetype=xml",
  },
  "error-ip": {
    query: `${examplesFor("GETBALANCE").query}&responsetype=xml`,
    options: { allowedIps: ["203.0.113.9"] },
  },
  "advanceddomainsearch-page": { query: `${examplesFor("ADVANCEDDOMAINSEARCH").query}&responsetype=XML` },
};

describe("XML replies against eNom's samples", () => {
  for (const [name, sample] of Object.entries(XML_SAMPLES)) {
    const testCase = XML_CASES[name as keyof typeof XML_SAMPLES];
    it(`${name}: the same elements, nesting and casing, values of the same kind`, async () => {
      const body = await send(testCase.query, testCase.options, testCase.before);
      compareWithSample("xml", xmlLeaves(parseable(sample)), xmlLeaves(body), {
        extra: Object.keys(testCase.extra ?? {}),
      });
    });
  }

  it("error-with-responses: the same error, number and words", async () => {
    const leaves = xmlLeaves(await send(XML_CASES["error-with-responses"].query));
    expect(leaves.filter(([path]) => /^(errors|responses)\//.test(path) || path === "ResponseCount")).toEqual(
      xmlLeaves(XML_SAMPLES["error-with-responses"]).filter(
        ([path]) => /^(errors|responses)\//.test(path) || path === "ResponseCount",
      ),
    );
  });

  it("error-ip: eNom's words, with the caller's address and 713254 (../shared/enom-api.md)", async () => {
    const leaves = new Map(xmlLeaves(await send(XML_CASES["error-ip"].query, XML_CASES["error-ip"].options)));
    expect(leaves.get("errors/Err1")).toBe("User not permitted from this IP address - 127.0.0.1");
    expect(leaves.get("responses/response/ResponseNumber")).toBe("713254");
    expect(leaves.get("responses/response/ResponseString")).toBe("Policy error; unauthorized; user(s)");
  });

  it("writes an error's XML declaration as eNom does (utf-16 on UTF-8 bytes), an answer's without an encoding", async () => {
    expect(await send(XML_CASES["error-with-responses"].query)).toMatch(
      /^<\?xml version="1\.0" encoding="utf-16"\?>\r\n<interface-response>/,
    );
    expect(await send(XML_CASES["getbalance-online"].query)).toMatch(/^<\?xml version="1\.0" \?>\r\n/);
  });
});

interface TextCase {
  command: string;
  before?: string[];
  /** Keys of the sample the simulator does not send, and keys it sends that the sample lacks. */
  missing?: string[];
  extra?: string[];
}

const TEXT_CASES: Record<keyof typeof TEXT_SAMPLE_PAGES, TextCase> = {
  getpop3: { command: "GETPOP3" },
  getpopexpirations: { command: "GETPOPEXPIRATIONS" },
  getpopforwarding: { command: "GETPOPFORWARDING" },
  setpopforwarding: { command: "SETPOPFORWARDING" },
  getcatchall: { command: "GETCATCHALL" },
  setcatchall: { command: "SETCATCHALL" },
  deletepop3: {
    command: "DELETEPOP3",
    before: [
      "command=SetUpPOP3User&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&BundleID=5134&UserName1=james&Password1=Lantern42x",
    ],
  },
  modifypop3: { command: "MODIFYPOP3" },
  purchasepopbundle: { command: "PURCHASEPOPBUNDLE" },
  deletepoppak: { command: "DELETEPOPPAK" },
  deleteallpoppaks: { command: "DELETEALLPOPPAKS", before: EMPTY_RESELLERDOCS },
  // The page's table lists OrderID; its Text sample shows no field at all.
  renewpopbundle: { command: "RENEWPOPBUNDLE", extra: ["orderid"] },
  // The table lists PakUpdated and AutoPakRenew (seeds/002 shows them); the Text sample only `Success`.
  setpakrenew: {
    command: "SETPAKRENEW",
    missing: ["Success"],
    extra: ["PakUpdated", "AutoPakRenew", "success"],
  },
  getdomains: { command: "GETDOMAINS" },
  // The simulator sells no domain names: no per-TLD prices.
  getbalance: {
    command: "GETBALANCE",
    missing: ["COMPrice", "NETPrice", "ORGPrice", "CCPrice", "TVPrice", "BZPrice", "NUPrice"],
  },
  advanceddomainsearch: { command: "ADVANCEDDOMAINSEARCH" },
};

describe("Text replies against the Text samples of eNom's pages", () => {
  for (const [name, sample] of Object.entries(TEXT_SAMPLES)) {
    const testCase = TEXT_CASES[name as keyof typeof TEXT_SAMPLE_PAGES];
    it(`${name} (${TEXT_SAMPLE_PAGES[name as keyof typeof TEXT_SAMPLE_PAGES]}): the same keys, numbered alike`, async () => {
      const body = await send(
        `${examplesFor(testCase.command).query}&responsetype=text`,
        {},
        testCase.before,
      );
      expect(
        body.startsWith(";URL Interface\r\n;Machine is RESELLERTEST\r\n;Encoding Type is utf-8\r\n"),
      ).toBe(true);
      compareWithSample("text", textLeaves(sample), textLeaves(body), {
        ...(testCase.extra ? { extra: testCase.extra } : {}),
        ...(testCase.missing ? { missing: testCase.missing } : {}),
      });
    });
  }
});

describe("the samples are eNom's own text", () => {
  it.skipIf(!existsSync(SHARED_SAMPLES))("XML_SAMPLES equal ../shared/enom-samples, byte for byte", () => {
    for (const [name, sample] of Object.entries(XML_SAMPLES)) {
      if (name === "advanceddomainsearch-page") continue;
      expect(sample, name).toBe(readFileSync(join(SHARED_SAMPLES, `${name}.xml`), "utf8"));
    }
  });
});
