import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { asHtmlReply, bufferLogger, enomXml, fakeFetch, fixture, testClient } from "./__fixtures__/harness";
import { checkReplyShape } from "./check";
import { parseReply } from "./parse/format";
import { withoutMailboxPasswords } from "./redact";
import type { ReadLayer } from "./single-flight";
import type { EnomMetric } from "./types";

/**
 * GetPOP3 sends every mailbox password in clear (get-pop-3.md: `<password>`, `Password1`). Mailpak
 * drops it at the parser: no result, cached copy, log line, metric, error or raw-reply hook may
 * carry it, whatever the format and however the reply fails.
 */

/** The page's GetPOP3 sample (__fixtures__/pages): passwords 78910, 1111 and aaaaaaa. */
const PAGE_XML = fixture("pages/get-pop3.page.xml");
const XML_PASSWORDS = ["78910", "1111", "aaaaaaa"];
const PAGE_HTML = asHtmlReply(fixture("pages/get-pop3.page-html.txt"));
/** The same reply in eNom's Text form (`Key=value`). */
const PAGE_TEXT = fixture("pages/get-pop3.page-html.txt").replace(/^([^;\r\n][^:\r\n]*):[ \t]?/gm, "$1=");
const HTML_PASSWORD = "Pass1w0rd";
const domain = "resellerdocs.com";

/** Every string reachable from a value: own properties (hidden too), causes, JSON, inspect. */
function everythingIn(value: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, depth: number) => {
    if (depth > 8 || v === null || v === undefined || seen.has(v)) return;
    if (typeof v !== "object" && typeof v !== "function") return void parts.push(String(v));
    seen.add(v);
    for (const key of Reflect.ownKeys(v)) {
      const descriptor = Object.getOwnPropertyDescriptor(v, key);
      parts.push(String(key));
      walk(descriptor && "value" in descriptor ? descriptor.value : undefined, depth + 1);
    }
    if (v instanceof Error) walk(v.cause, depth + 1);
  };
  walk(value, 0);
  parts.push(String(value), JSON.stringify(value) ?? "", inspect(value, { depth: null, showHidden: true }));
  if (value instanceof Error) parts.push(value.stack ?? "");
  return parts.join("\n");
}

function expectNone(text: string, passwords: readonly string[], where: string) {
  for (const password of passwords)
    expect(text.includes(password), `${where} carries ${password}`).toBe(false);
}

/** A client with every place a reply could end up: log, metrics, raw hook, and a layer seeing what the cache keeps. */
function observed(body: string) {
  const log = bufferLogger();
  const metrics: EnomMetric[] = [];
  const raw: string[] = [];
  const kept: unknown[] = [];
  const spy: ReadLayer = async <T>(_key: string, load: () => Promise<T>) => {
    const value = await load();
    kept.push(structuredClone(value));
    return value;
  };
  const { fetch, sent } = fakeFetch(body);
  const client = testClient(fetch, {
    logger: log.logger,
    onMetric: (metric) => void metrics.push(metric),
    onRawReply: (_command, reply) => void raw.push(reply),
    readCacheTtlMs: 60_000,
    readLayers: [spy],
    readRetries: 0,
  });
  const everything = () =>
    [log.text(), JSON.stringify(metrics), raw.join("\n"), JSON.stringify(kept)].join("\n");
  return { client, sent, log, raw, kept, everything };
}

describe("mailbox passwords from GetPOP3 are dropped at the parser", () => {
  it.each([
    ["XML", PAGE_XML, XML_PASSWORDS],
    ["HTML", PAGE_HTML, [HTML_PASSWORD]],
    ["Text", PAGE_TEXT, [HTML_PASSWORD]],
  ] as const)(
    "%s: never in the result, the cached copy, the log, the metrics or the raw reply",
    async (_, body, passwords) => {
      const o = observed(body);
      const first = await o.client.getPop3({ domain });
      const second = await o.client.getPop3({ domain }); // from the cache
      expect(o.sent).toHaveLength(1);
      expect(first.mailboxes.length).toBeGreaterThan(0);
      expectNone(everythingIn(first), passwords, "the result");
      expectNone(everythingIn(second), passwords, "the cached result");
      expect(o.kept).toHaveLength(1);
      expectNone(o.everything(), passwords, "log, metrics, raw reply or cache");
      // The raw reply keeps its shape, with the values emptied.
      expect(o.raw).toHaveLength(1);
      expect(o.raw[0]).toMatch(/<password><\/password>|Password1:\s*<\/ STRONG><br>|Password1=\s*$/m);
    },
  );

  it("the parsed record has no password field at all, in any format", () => {
    for (const body of [PAGE_XML, PAGE_HTML, PAGE_TEXT]) {
      const { reply } = parseReply(body);
      expect(JSON.stringify(reply)).not.toMatch(/password/i);
    }
  });

  it.each([
    [
      "a count that disagrees (EmailCount 3, two <pop>)",
      enomXml(
        "GetPOP3",
        "<pop><username>ann</username><password>S3cret-Pass</password><admin>0</admin></pop><pop><username>bob</username><password>S3cret-Pass</password><admin>1</admin></pop><EmailCount>3</EmailCount><Count>0</Count>",
      ),
    ],
    [
      "a value that does not convert (quota in words)",
      enomXml(
        "GetPOP3",
        "<pop><username>ann</username><password>S3cret-Pass</password><quota>plenty</quota><admin>0</admin></pop><EmailCount>1</EmailCount><Count>0</Count>",
      ),
    ],
    ["a reply cut inside the password", PAGE_XML.slice(0, PAGE_XML.indexOf("<password>78910") + 14)],
    [
      "a reply cut just after a password",
      `${enomXml("GetPOP3", "<pop><username>ann</username><password>S3cret-Pass</password>").split("<Command>")[0]}`,
    ],
  ])("%s: the error, the log and the raw reply carry no password", async (_, body) => {
    const o = observed(body);
    const error = await o.client.getPop3({ domain }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "EnomUnavailable" });
    // (Replies built with enomXml carry the TrackingKey 11111111-…, so "1111" is not a password there.)
    const passwords = body.includes("78910") ? ["S3cret-Pa", "789", ...XML_PASSWORDS] : ["S3cret-Pa"];
    expectNone(everythingIn(error), passwords, "the error");
    expectNone(o.everything(), passwords, "log, metrics or raw reply");
  });

  it("checkReplyShape reports problems without the password", () => {
    const body = enomXml(
      "GetPOP3",
      "<pop><username>ann</username><password>S3cret-Pass</password><admin>maybe</admin></pop><EmailCount>1</EmailCount><Count>0</Count>",
    );
    const check = checkReplyShape("GetPOP3", body, { domain });
    expect(check).toMatchObject({ outcome: "differs" });
    expect(JSON.stringify(check)).not.toContain("S3cret-Pass");
  });
});

describe("withoutMailboxPasswords (the raw reply handed to onRawReply)", () => {
  it.each([
    ["XML", "<pop><password>a&lt;b</password></pop>", "<pop><password></password></pop>"],
    ["XML, another case", "<Password>Xy-12345678</Password>", "<Password></Password>"],
    ["XML in CDATA", "<password><![CDATA[ab]]>cd]]></password>", "<password></password>"],
    ["XML cut short", "<pop><password>abc", "<pop><password>"],
    [
      "Text",
      "Username1=neil\r\nPassword1=Pass1w0rd\r\nQuota1=1024",
      "Username1=neil\r\nPassword1=\r\nQuota1=1024",
    ],
    [
      "HTML",
      "<STRONG>Password1: </ STRONG>Pass1w0rd<br>\n<STRONG>Quota1: </ STRONG>1024<br>",
      "<STRONG>Password1: </ STRONG><br>\n<STRONG>Quota1: </ STRONG>1024<br>",
    ],
    ["HTML as printed", "Username1: neil\nPassword1: Pass1w0rd\n", "Username1: neil\nPassword1:\n"],
  ])("%s", (_, body, expected) => {
    expect(withoutMailboxPasswords(body)).toBe(expected);
  });

  it("leaves every other field alone", () => {
    const body = fixture("get-pop3.seed002.xml");
    expect(withoutMailboxPasswords(body)).toBe(body);
  });
});
