import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simHarness } from "@/test/sim-harness";
import { COMMANDS } from "./commands";
import { enomErrors } from "./errors";
import { startEnomSimulator, type RunningSimulator } from "./server";
import { parseHtmlReply, parseTextReply, parseXmlReply, errorsOf, text } from "./testing";

/**
 * Hostile requests against a running simulator (issue 9): random commands (real ones in any
 * casing, unknown ones, overlong ones), random parameters (real names with hostile values, bad
 * percent-encodings, repeated names), GET and POST. Every reply to interface.asp is HTTP 200 with a
 * reply a client parses (ErrCount), the server keeps answering, no command fails inside
 * (eNom's "internal error"), and a reply with ErrCount > 0 changed nothing — except a batch
 * (SetUpPOP3User, ModifyPOP3, DeletePOP3) that succeeded in part, which eNom answers with its
 * counts and ErrCount > 0 together (seeds/001).
 */

const DOMAINS = [
  ["saffron-movers", "biz"],
  ["magnolia-nursery", "com"],
  ["rosewood-kennels", "net"],
  ["sunrise-vet", "us"],
] as const;
const BUNDLES = ["600018", "600074", "600060", "600004", "1", "0", "-5", "99999999999"];

let sim: RunningSimulator;
const simulator = simHarness(() => sim);

const LOGIN: [string, string][] = [
  ["uid", "resellid"],
  ["pw", "resellpw"],
];

/**
 * Every write as eNom's pages document it, on the seeded domains: the starting points of
 * "nearly valid" requests, so the fuzzing also reaches the late checks of each command. Written
 * out here, not taken from Mailpak's client: the simulator shares no code with it.
 */
const templates: [string, string][][] = [
  [
    ["command", "SetUpPOP3User"],
    ...LOGIN,
    ["SLD", "saffron-movers"],
    ["TLD", "biz"],
    ["BundleID", "600018"],
    ["UserName1", "fz.anna"],
    ["Password1", "Harbor-7Lantern"],
    ["IsAdmin1", "1"],
    ["DisplayName1", "Anna"],
    ["UserName2", "fz.bram"],
    ["Password2", "Copper_9Meadow"],
  ],
  [
    ["command", "ModifyPOP3"],
    ...LOGIN,
    ["SLD", "saffron-movers"],
    ["TLD", "biz"],
    ["EmailCount", "2"],
    ["UserName1", "office"],
    ["IsAdmin1", "1"],
    ["UserName2", "li"],
    ["Password2", "Violet-4Summit"],
  ],
  [
    ["command", "DeletePOP3"],
    ...LOGIN,
    ["SLD", "saffron-movers"],
    ["TLD", "biz"],
    ["UserName1", "office"],
    ["UserName2", "li.reed"],
  ],
  [
    ["command", "SetPakRenew"],
    ...LOGIN,
    ["SLD", "saffron-movers"],
    ["TLD", "biz"],
    ["BundleID", "600018"],
    ["AutoPakRenew", "1"],
  ],
  [["command", "DeletePOPPak"], ...LOGIN, ["SLD", "saffron-movers"], ["TLD", "biz"], ["BundleID", "600018"]],
  [["command", "DeleteAllPOPPaks"], ...LOGIN, ["SLD", "magnolia-nursery"], ["TLD", "com"]],
  [
    ["command", "RenewPOPBundle"],
    ...LOGIN,
    ["SLD", "saffron-movers"],
    ["TLD", "biz"],
    ["PakID", "600018"],
    ["Quantity", "1"],
  ],
  [
    ["command", "SetCatchAll"],
    ...LOGIN,
    ["SLD", "saffron-movers"],
    ["TLD", "biz"],
    ["ForwardTo", "office@saffron-movers.biz"],
  ],
  [
    ["command", "SetPOPForwarding"],
    ...LOGIN,
    ["SLD", "saffron-movers"],
    ["TLD", "biz"],
    ["UserName", "office"],
    ["EMail", "saffron-movers.biz"],
    ["ForwardTo", "desk@example.org"],
    ["Enable", "1"],
    ["StatusFlags", "0"],
  ],
  [
    ["command", "PurchaseServices"],
    ...LOGIN,
    ["Service", "pop3"],
    ["SLD", "rosewood-kennels"],
    ["TLD", "net"],
    ["Quantity", "5"],
    ["QuantityUnit", "boxes"],
  ],
  [["command", "PurchasePOPBundle"], ...LOGIN, ["SLD", "sunrise-vet"], ["TLD", "us"], ["Quantity", "1"]],
];

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
});
afterAll(async () => {
  await sim?.close();
});

const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((flags) =>
      [...text].map((char, i) => (flags[i] ? char.toUpperCase() : char.toLowerCase())).join(""),
    );

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\r\n",
    "\u202e",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "0x10",
    "__proto__",
    "constructor",
    "<Err1>x</Err1>",
    "]]><![CDATA[",
    "ErrCount=0",
    "%00",
    "a".repeat(5_000),
    "9".repeat(400),
    "é".repeat(300),
  ),
);

const paramValue = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...BUNDLES) },
  { weight: 2, arbitrary: fc.constantFrom("0", "1", "2", "99", "100", "yes", "true", "Yes") },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 2_000 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "info",
      "li",
      "office",
      "someone@example.org",
      "Harbor-7Lantern",
      "saffron-movers.biz",
    ),
  },
);

const PARAM_NAMES = [
  "ActionType",
  "AutoPakRenew",
  "BillingPeriod",
  "BundleID",
  "Capacity",
  "CatchAll",
  "Display",
  "DomainNameID",
  "EMail",
  "Enable",
  "DisplayName1",
  "EmailCount",
  "EndUserIP",
  "ForwardTo",
  "ForwardTo1",
  "Irreversible",
  "IsAdmin1",
  "PakID",
  "Password1",
  "Password2",
  "ProductID",
  "ProductType",
  "Quantity",
  "QuantityUnit",
  "RecordsToReturn",
  "SearchCriteria",
  "Service",
  "Start",
  "StartPosition",
  "StatusFlags",
  "Tab",
  "TimeQuantity",
  "TimeUnit",
  "UseCreditCard",
  "UserName",
  "UserName1",
  "UserName2",
  "UserName3",
  "UserName0",
  "UserName100",
];

interface FuzzRequest {
  method: "GET" | "POST";
  /** Raw `name=value` pairs, already encoded (some on purpose badly). */
  pairs: string[];
  /** POST only: which pairs go in the body rather than the query. */
  inBody: boolean[];
  contentType: string | null;
}

const encode = (name: string, value: string) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;

const pair = fc
  .oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...PARAM_NAMES), paramValue) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PARAM_NAMES).chain(randomCase), paramValue) },
    { weight: 1, arbitrary: fc.tuple(hostileString, hostileString) },
  )
  .map(([name, value]) => encode(name, value));

/** Bytes a browser would never send: broken escapes, invalid UTF-8, bare separators. */
const badEncoding = fc.constantFrom(
  "%ZZ=1",
  "SLD=%C3%28",
  "TLD=%",
  "=%E0%A4%A",
  "&&==&",
  "UserName1=%00%FF",
  "%=%",
);

const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({
    method: fc.constantFrom("GET" as const, "POST" as const),
    command: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...COMMANDS.keys()).chain(randomCase) },
      { weight: 1, arbitrary: hostileString },
    ),
    login: fc.oneof(
      { weight: 5, arbitrary: fc.constant(["resellid", "resellpw"]) },
      { weight: 1, arbitrary: fc.tuple(hostileString, hostileString) },
      { weight: 1, arbitrary: fc.constant([]) },
    ),
    responseType: fc.oneof(fc.constantFrom("XML", "xml", "Text", "HTML", ""), hostileString),
    domain: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...DOMAINS) },
      { weight: 1, arbitrary: fc.tuple(hostileString, hostileString) },
    ),
    extra: fc.array(pair, { maxLength: 8 }),
    bad: fc.array(badEncoding, { maxLength: 2 }),
    inBody: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    contentType: fc.constantFrom(
      null,
      "application/x-www-form-urlencoded",
      "application/x-www-form-urlencoded; charset=utf-8",
      "text/plain",
      "application/json",
    ),
  })
  .map(({ method, command, login, responseType, domain, extra, bad, inBody, contentType }) => {
    const pairs = [
      encode("command", command),
      ...(login.length ? [encode("uid", login[0] ?? ""), encode("pw", login[1] ?? "")] : []),
      encode("ResponseType", responseType),
      encode("SLD", domain[0]),
      encode("TLD", domain[1]),
      ...extra,
      ...bad,
    ];
    return { method, pairs, inBody: pairs.map((_, i) => inBody[i % inBody.length] ?? false), contentType };
  });

/** A write as the client sends it, with one to three parameters changed, dropped or added. */
const nearlyValid: fc.Arbitrary<FuzzRequest> = fc
  .record({
    template: fc.nat(),
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom("replace", "drop", "add", "recase"),
        at: fc.nat(),
        name: fc.constantFrom(...PARAM_NAMES),
        value: paramValue,
      }),
      { minLength: 1, maxLength: 3 },
    ),
    method: fc.constantFrom("GET" as const, "POST" as const),
  })
  .map(({ template, edits, method }) => {
    const params = [...(templates[template % templates.length] ?? [])];
    for (const edit of edits) {
      // The login and the command stay, so the command itself runs.
      const index = 3 + (edit.at % Math.max(1, params.length - 3));
      const current = params[index];
      if (edit.kind === "add" || !current) params.push([edit.name, edit.value]);
      else if (edit.kind === "replace") params[index] = [current[0], edit.value];
      else if (edit.kind === "drop") params.splice(index, 1);
      else params[index] = [current[0].toUpperCase(), current[1]];
    }
    const pairs = params.map(([name, value]) => encode(name, value));
    return { method, pairs, inBody: pairs.map(() => method === "POST"), contentType: null };
  });

async function send(request: FuzzRequest): Promise<{ status: number; body: string; contentType: string }> {
  const query = request.pairs.filter((_, i) => request.method === "GET" || !request.inBody[i]).join("&");
  const body = request.pairs.filter((_, i) => request.method === "POST" && request.inBody[i]).join("&");
  const response = await fetch(`${sim.url}?${query}`, {
    method: request.method,
    ...(request.method === "POST"
      ? { body, headers: request.contentType ? { "content-type": request.contentType } : {} }
      : {}),
  });
  return {
    status: response.status,
    body: await response.text(),
    contentType: response.headers.get("content-type") ?? "",
  };
}

/** The reply as the simulator's own parsers read it, in the format asked for (Text when it was not valid). */
function answerOf(
  body: string,
  contentType: string,
): { errCount: number; errors: string[]; succeeded: number } {
  if (contentType.startsWith("text/xml")) {
    const reply = parseXmlReply(body);
    const counts = ["AccountsCreated", "AccountsModified", "AccountsDeleted"].map((name) =>
      Number(text(reply[name]) || "0"),
    );
    return {
      errCount: Number(text(reply.ErrCount)),
      errors: errorsOf(reply),
      succeeded: Math.max(...counts),
    };
  }
  const fields = contentType.startsWith("text/html") ? parseHtmlReply(body) : parseTextReply(body);
  const errors: string[] = [];
  for (let index = 1; fields.has(`Err${index}`); index++) errors.push(fields.get(`Err${index}`) ?? "");
  // DeletePOP3's Text has no AccountsDeleted (its page's sample): a batch in Text may have done some.
  const counts = ["AccountsCreated", "AccountsModified"].map((name) => Number(fields.get(name) ?? "0"));
  const unknown = fields.get("Command") === "DELETEPOP3" ? Number.POSITIVE_INFINITY : 0;
  return { errCount: Number(fields.get("ErrCount")), errors, succeeded: Math.max(unknown, ...counts) };
}

async function world() {
  return {
    balance: await simulator.balance(),
    domains: await Promise.all(DOMAINS.map(([sld, tld]) => simulator.domain(`${sld}.${tld}`))),
  };
}

describe("the simulator under hostile requests", () => {
  it("always answers HTTP 200 with a parseable reply, and a refusal changes nothing", async () => {
    let refused = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fuzzRequest, nearlyValid), async (request) => {
        const before = await world();
        const { status, body, contentType } = await send(request);
        expect(status).toBe(200);
        const { errCount, errors, succeeded } = answerOf(body, contentType);
        expect(Number.isInteger(errCount)).toBe(true);
        expect(errors).not.toContain(enomErrors.internal);
        if (errCount > 0) {
          refused += 1;
          expect(errors.length).toBe(errCount);
          if (succeeded === 0) expect(await world()).toEqual(before);
        } else accepted += 1;
      }),
      { numRuns: 400, seed: 20261124 },
    );
    // The generator reaches both sides: commands refused and commands carried out.
    expect(templates).toHaveLength(11);
    expect(refused).toBeGreaterThan(100);
    expect(accepted).toBeGreaterThan(10);
    const health = await fetch(`${sim.origin}/_sim/health`);
    expect(health.status).toBe(200);
  });

  it("also under random seeds, without the fixed one", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fuzzRequest, nearlyValid), async (request) => {
        const before = await world();
        const { status, body, contentType } = await send(request);
        expect(status).toBe(200);
        const { errCount, errors, succeeded } = answerOf(body, contentType);
        expect(errors).not.toContain(enomErrors.internal);
        if (errCount > 0 && succeeded === 0) expect(await world()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it("answers other methods, paths and oversized bodies with their documented HTTP errors", async () => {
    expect((await fetch(sim.url, { method: "PUT", body: "command=GetBalance" })).status).toBe(405);
    expect((await fetch(sim.url, { method: "DELETE" })).status).toBe(405);
    expect((await fetch(`${sim.origin}/interface.aspx`)).status).toBe(404);
    expect((await fetch(`${sim.origin}/_sim/nothing-here`)).status).toBe(404);
    const huge = await fetch(sim.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `command=GetBalance&uid=resellid&pw=resellpw&x=${"a".repeat(1_100_000)}`,
    }).catch((error: unknown) => error);
    // Refused with 413, or the connection closed while the body was still being sent.
    if (huge instanceof Response) expect(huge.status).toBe(413);
    else expect(huge).toBeInstanceOf(Error);
    // The control API refuses bodies it cannot read, without changing anything.
    const before = await world();
    for (const body of ["{", "[]", '{"command":"*","mode":"explode"}', '{"__proto__":{"x":1}}', "null"]) {
      const response = await fetch(`${sim.origin}/_sim/faults`, { method: "POST", body });
      expect(response.status).toBe(400);
    }
    expect(
      (await fetch(`${sim.origin}/_sim/reset`, { method: "POST", body: '{"domainCount":-1}' })).status,
    ).toBe(400);
    expect(await world()).toEqual(before);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect((await fetch(`${sim.origin}/_sim/health`)).status).toBe(200);
  });
});
