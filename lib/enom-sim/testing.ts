import { XMLParser } from "fast-xml-parser";
import { startEnomSimulator, type RunningSimulator, type SimulatorOptions } from "./server";
import { isoDateOf } from "./dates";
import { DEFAULT_DOMAIN_COUNT, RESELLER, seedWorld } from "./seed";
import type { Domain, World } from "./world";

/**
 * Helpers for the simulator's own tests (and anyone driving it from a test): start one on an
 * ephemeral port, send commands, read replies in each format.
 */
export type XmlNode = string | XmlObject | XmlNode[];
export interface XmlObject {
  [name: string]: XmlNode;
}

/** Elements that repeat; always arrays after parsing so one item reads like many. */
const LIST_ITEMS = new Set(["Pak", "Domain", "popforwarding", "response", "Bundles"]);
const LIST_PATHS = new Set([
  "interface-response.pop",
  "interface-response.popexpirations.pop",
  "interface-response.GetDomains.domain-list.domain",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  trimValues: true,
  isArray: (name, jpath) => LIST_ITEMS.has(name) || LIST_PATHS.has(String(jpath)),
});

export function parseXmlReply(body: string): XmlObject {
  const document: unknown = parser.parse(body, true);
  const root =
    typeof document === "object" && document !== null
      ? (document as XmlObject)["interface-response"]
      : undefined;
  if (root === undefined || typeof root !== "object" || Array.isArray(root))
    throw new Error(`not an interface-response: ${body.slice(0, 200)}`);
  return root;
}

/** `Key=Value` lines, comments skipped. */
export function parseTextReply(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of body.split(/\r?\n/)) {
    if (line === "" || line.startsWith(";")) continue;
    const at = line.indexOf("=");
    if (at > 0) fields.set(line.slice(0, at), line.slice(at + 1));
  }
  return fields;
}

/** `<STRONG>Key: </ STRONG>Value<br>` lines, values unescaped. */
export function parseHtmlReply(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const match of body.matchAll(/<STRONG>([^:<]+):\s?<\/ STRONG>(.*?)<br>/g))
    fields.set(match[1] ?? "", unescapeHtml(match[2] ?? ""));
  return fields;
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function text(node: XmlNode | undefined): string {
  if (node === undefined) return "";
  if (typeof node === "string") return node.trim();
  throw new Error(`expected text, got ${JSON.stringify(node)}`);
}

/** Repeated elements directly under a node (GetPOP3's `pop`, GetPOPForwarding's `popforwarding`). */
export function repeatedItems(node: XmlNode | undefined): XmlObject[] {
  const list = Array.isArray(node) ? node : node === undefined ? [] : [node];
  return list.filter((item): item is XmlObject => typeof item === "object" && !Array.isArray(item));
}

/** The texts of an element that may repeat (`Bundles/BundleID`). */
export function texts(node: XmlNode | undefined): string[] {
  const list = Array.isArray(node) ? node : node === undefined ? [] : [node];
  return list.map((item) => text(item));
}

/** `responses/response` of an error reply as { number, text, description }. */
export function responsesOf(reply: XmlObject): Array<Record<string, string>> {
  const responses = reply.responses;
  if (responses === undefined || typeof responses !== "object" || Array.isArray(responses)) return [];
  return repeatedItems(responses.response).map((response) =>
    Object.fromEntries(Object.entries(response).map(([name, value]) => [name, text(value)])),
  );
}

export function items(node: XmlNode | undefined, itemName: string): XmlObject[] {
  if (node === undefined || node === "") return [];
  if (typeof node !== "object" || Array.isArray(node))
    throw new Error(`expected a list, got ${JSON.stringify(node)}`);
  const inner = node[itemName];
  const list = Array.isArray(inner) ? inner : inner === undefined ? [] : [inner];
  return list.filter((item): item is XmlObject => typeof item === "object" && !Array.isArray(item));
}

export function errorsOf(reply: XmlObject): string[] {
  const errors = reply.errors;
  if (errors === undefined || typeof errors !== "object" || Array.isArray(errors)) return [];
  return Object.keys(errors)
    .sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)))
    .map((key) => text(errors[key]));
}

export interface TestSimulator {
  simulator: RunningSimulator;
  /** A command as XML with the reseller's login unless `uid`/`pw` are given. */
  call(command: string, params?: Record<string, string | number>): Promise<XmlObject>;
  /** Same, expecting success: fails the test with eNom's errors otherwise. */
  ok(command: string, params?: Record<string, string | number>): Promise<XmlObject>;
  /** Same, expecting failure: returns the error texts. */
  refused(command: string, params?: Record<string, string | number>): Promise<string[]>;
  get(query: string): Promise<Response>;
  control(
    path: string,
    init?: { method?: string; body?: unknown },
  ): Promise<{ status: number; json: unknown }>;
  /** Moves the simulator's clock (it starts at FIXED_NOW unless `now` was given). */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

export const FIXED_NOW = new Date("2025-06-15T10:00:00Z");

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<TestSimulator> {
  let offsetMs = 0;
  const baseNow = options.now ?? (() => FIXED_NOW);
  const simulator = await startEnomSimulator({
    port: 0,
    statePath: null,
    ...options,
    now: () => new Date(baseNow().getTime() + offsetMs),
  });
  const call = async (command: string, params: Record<string, string | number> = {}) => {
    const query = new URLSearchParams({ command, uid: RESELLER.uid, pw: RESELLER.pw, responsetype: "xml" });
    for (const [name, value] of Object.entries(params)) query.set(name, String(value));
    const response = await fetch(`${simulator.url}?${query.toString()}`);
    return parseXmlReply(await response.text());
  };
  return {
    simulator,
    call,
    async ok(command, params) {
      const reply = await call(command, params);
      const errors = errorsOf(reply);
      if (errors.length > 0) throw new Error(`${command} failed: ${errors.join("; ")}`);
      return reply;
    },
    async refused(command, params) {
      const reply = await call(command, params);
      if (text(reply.ErrCount) === "0") throw new Error(`${command} succeeded but was expected to fail`);
      return errorsOf(reply);
    },
    get: (query) => fetch(`${simulator.url}?${query}`),
    async control(path, init = {}) {
      const response = await fetch(`${simulator.origin}${path}`, {
        method: init.method ?? "GET",
        ...(init.body === undefined
          ? {}
          : { body: JSON.stringify(init.body), headers: { "content-type": "application/json" } }),
      });
      return { status: response.status, json: (await response.json()) as unknown };
    },
    advanceClock(ms) {
      offsetMs += ms;
    },
    close: () => simulator.close(),
  };
}

/** The world a test simulator starts from, to pick domains with a given shape. */
export function seededWorld(domainCount = DEFAULT_DOMAIN_COUNT, now = FIXED_NOW): World {
  return seedWorld({ domainCount, anchor: isoDateOf(now) });
}

export function findDomain(
  world: World,
  wanted: (domain: Domain) => boolean,
  what = "a matching domain",
): Domain {
  for (const domain of world.domains.values())
    if (domain.account === RESELLER.uid && wanted(domain)) return domain;
  throw new Error(`the seeded world has no ${what}`);
}

export function domainParamsOf(domain: Domain): { sld: string; tld: string } {
  return { sld: domain.sld, tld: domain.tld };
}

/** One element (or attribute, `…/@type`) of a reply with its text, in document order. */
export type ReplyLeaf = [path: string, value: string];

const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  trimValues: true,
});

/** An XML reply as [path, value] leaves in document order (`Paks/Pak/BundleId`, `GetDomains/domain-list/@type`). */
export function xmlLeaves(body: string): ReplyLeaf[] {
  const leaves: ReplyLeaf[] = [];
  const walk = (nodes: unknown, path: string) => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as Array<Record<string, unknown>>) {
      const attributes = node[":@"];
      for (const [name, children] of Object.entries(node)) {
        if (name === "#text" || name === ":@") continue;
        const here = path ? `${path}/${name}` : name;
        if (attributes && typeof attributes === "object")
          for (const [attribute, value] of Object.entries(attributes as Record<string, unknown>))
            leaves.push([`${here}/@${attribute}`, String(value)]);
        const kids = Array.isArray(children) ? (children as Array<Record<string, unknown>>) : [];
        const textNode = kids.find((kid) => "#text" in kid);
        const hasElements = kids.some((kid) => Object.keys(kid).some((key) => key !== "#text"));
        if (!hasElements) {
          if (!(attributes && kids.length === 0))
            leaves.push([here, String(textNode?.["#text"] ?? "").trim()]);
        } else walk(kids, here);
      }
    }
  };
  const document = orderedParser.parse(body) as Array<Record<string, unknown>>;
  const root = document.find((node) => "interface-response" in node);
  walk(root?.["interface-response"], "");
  return leaves;
}

/**
 * A Text reply as [key, value] leaves in order. Reads eNom's `Key=Value` and, as its pages print
 * Text samples, `Key: Value` and `Key:Value`; skips `;` comments and the pages' ". . ." lines.
 */
export function textLeaves(body: string): ReplyLeaf[] {
  const leaves: ReplyLeaf[] = [];
  for (const line of body.split(/\r?\n/)) {
    if (line === "" || line.startsWith(";") || line.trim() === ".") continue;
    const equals = /^([\w.-]+)=(.*)$/.exec(line);
    const colon = /^([\w.-]+):\s?(.*)$/.exec(line);
    const match = equals ?? colon;
    if (match) leaves.push([match[1] ?? "", (match[2] ?? "").trim()]);
  }
  return leaves;
}
