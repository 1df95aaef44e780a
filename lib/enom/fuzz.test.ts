import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  enomXml,
  fakeFetch,
  fixture,
  SHARED_SAMPLES,
  sharedSample,
  testClient,
} from "./__fixtures__/harness";
import { EnomUnavailable } from "./errors";
import { readEnvelope } from "./parse/envelope";
import { parseHtmlReply } from "./parse/html";
import { ReplyFormatError } from "./parse/reply";
import { parseTextReply } from "./parse/text";

/**
 * Hostile and broken replies must end as EnomUnavailable: never a crash (a TypeError, a hang),
 * never a success read from half a reply, never an EnomError made up from noise.
 */
type Client = ReturnType<typeof testClient>;
/** GetPOP3 of a domain without email, in the documented shape. */
const EMPTY = "<EmailCount>0</EmailCount><Paks/><Count>0</Count>";
const domain = "enom-email-example-123.com";

// Each eNom sample (see __fixtures__/README.md), with the call whose reply it is.
const SAMPLES: Array<[string, (client: Client) => Promise<unknown>]> = [
  ["purchase-services.seed002.xml", (c) => c.purchaseServices({ kind: "service", domain, quantity: 15 })],
  ["get-pop3.seed002.xml", (c) => c.getPop3({ domain })],
  ["get-pop3.seed002.as-printed.xml", (c) => c.getPop3({ domain })],
  ["set-pak-renew.seed002.xml", (c) => c.setPakRenew({ domain, bundleId: 1004279, autoRenew: true })],
  [
    "setup-pop3-user.seed001.xml",
    (c) =>
      c.setUpPop3Users({
        domain,
        bundleId: 5134,
        users: [{ userName: "james", password: "Harbour-Light7" }],
      }),
  ],
  [
    "setup-pop3-user.seed002.xml",
    (c) =>
      c.setUpPop3Users({
        domain,
        bundleId: 1004279,
        users: [{ userName: "UserOne", password: "Harbour-Light7" }],
      }),
  ],
  [
    "setup-pop3-user.seed002.as-printed.xml",
    (c) =>
      c.setUpPop3Users({
        domain,
        bundleId: 1004279,
        users: [{ userName: "UserOne", password: "Harbour-Light7" }],
      }),
  ],
  [
    "modify-pop3.seed002.xml",
    (c) => c.modifyPop3Users({ domain, users: [{ userName: "UserOne", isAdmin: true }] }),
  ],
  ["delete-pop3.seed002.xml", (c) => c.deletePop3Users({ domain, userNames: ["UserOne"] })],
  ["pages/get-pop3.page.xml", (c) => c.getPop3({ domain })],
  ["pages/get-pop-forwarding.page.xml", (c) => c.getPopForwarding({ domain, userName: "Jane.Doe" })],
  [
    "pages/set-pop-forwarding.page.xml",
    (c) => c.setPopForwarding({ enable: true, domain, userName: "sales", forwardTo: "a@b.org" }),
  ],
  [
    "pages/modify-pop3.page.xml",
    (c) =>
      c.modifyPop3Users({
        domain,
        users: [
          { userName: "john", isAdmin: true },
          { userName: "jane", isAdmin: false },
        ],
      }),
  ],
];

// ../shared/enom-samples, verbatim, when present (see contract.test.ts).
const SHARED: Array<[string, (client: Client) => Promise<unknown>]> = [
  ["getpop3-online.xml", (c) => c.getPop3({ domain })],
  ["getpopexpirations-online.xml", (c) => c.getPopExpirations()],
  ["getpopforwarding-online.xml", (c) => c.getPopForwarding({ domain, userName: "Jane.Doe" })],
  ["getcatchall-online.xml", (c) => c.getCatchAll({ domain })],
  ["getbalance-online.xml", (c) => c.getBalance()],
  ["purchasepopbundle-online.xml", (c) => c.purchasePopBundle({ domain, quantity: 1 })],
  ["renewpopbundle-online.xml", (c) => c.renewPopBundle({ domain, pakId: 1, years: 1 })],
  ["deleteallpoppaks-online.xml", (c) => c.deleteAllPopPaks({ domain })],
];

/** The call's settled outcome: "ok", or the error's class name. */
async function outcome(body: string, call: (client: Client) => Promise<unknown>): Promise<string> {
  const client = testClient(fakeFetch(body).fetch, { readRetries: 0 });
  try {
    await call(client);
    return "ok";
  } catch (error) {
    if (error instanceof EnomUnavailable) return "EnomUnavailable";
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

function expectEveryTruncationRefused(body: string) {
  return async (name: string, call: (client: Client) => Promise<unknown>) => {
    expect(await outcome(body, call)).toBe("ok"); // the whole sample is a success…
    const whole = body.trimEnd().length;
    for (let length = 0; length < whole; length += 1) {
      // …and no proper prefix of it is one.
      const result = await outcome(body.slice(0, length), call);
      if (result !== "EnomUnavailable") expect.fail(`${name} cut at ${length}: ${result}`);
    }
  };
}

describe.skipIf(SHARED_SAMPLES === null)(
  "truncated replies of ../shared/enom-samples (skipped when absent)",
  () => {
    it.each(SHARED)("every truncation of %s is EnomUnavailable", async (name, call) => {
      await expectEveryTruncationRefused(sharedSample(name))(name, call);
    });
  },
);

describe("truncated replies", () => {
  it.each(SAMPLES)("every truncation of %s is EnomUnavailable", async (name, call) => {
    const body = fixture(name);
    expect(await outcome(body, call)).toBe("ok"); // the whole sample is a success…
    const whole = body.trimEnd().length;
    for (let length = 0; length < whole; length += 1) {
      // …and no proper prefix of it is one.
      const result = await outcome(body.slice(0, length), call);
      if (result !== "EnomUnavailable") expect.fail(`${name} cut at ${length}: ${result}`);
    }
  });
});

describe("the Text and HTML readers (seeds/001)", () => {
  // Text has no closing marker, so a cut after `Done=true` still reads; what matters is that no
  // cut crashes the reader or turns seeds/001's error reply into a success.
  it.each([
    ["setup-pop3-user.seed001.txt", parseTextReply],
    ["setup-pop3-user.seed001.html.txt", parseHtmlReply],
    ["Text: random", parseTextReply],
    ["HTML: random", parseHtmlReply],
  ] as const)("%s: every input either fails as ReplyFormatError or keeps ErrCount 1", (name, parse) => {
    const check = (body: string) => {
      try {
        expect(readEnvelope(parse(body)).errCount).toBe(1);
      } catch (error) {
        expect(error).toBeInstanceOf(ReplyFormatError);
      }
    };
    if (name.includes("random"))
      fc.assert(fc.property(fc.string({ maxLength: 300 }), check), { numRuns: 300 });
    else
      for (let length = 0; length <= fixture(name).length; length += 1) check(fixture(name).slice(0, length));
  });
});

describe("hostile replies", () => {
  const getPop3 = (c: Client) => c.getPop3({ domain });

  it("random bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        expect(await outcome(Buffer.from(bytes).toString("latin1"), getPop3)).toBe("EnomUnavailable");
      }),
      { numRuns: 300 },
    );
  });

  it("random text, with and without an XML-looking frame", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 500 }), fc.boolean(), async (text, framed) => {
        const body = framed ? `<interface-response>${text}</interface-response>` : text;
        expect(await outcome(body, getPop3)).toBe("EnomUnavailable");
      }),
      { numRuns: 300 },
    );
  });

  it("random elements without Done", async () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(name, fc.stringMatching(/^[A-Za-z0-9 ./-]{0,12}$/)), { maxLength: 30 }),
        async (fields) => {
          const elements = fields
            .filter(([n]) => n.toLowerCase() !== "done")
            .map(([n, v]) => `<${n}>${v}</${n}>`)
            .join("");
          expect(await outcome(`<interface-response>${elements}</interface-response>`, getPop3)).toBe(
            "EnomUnavailable",
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("billion laughs (and any DOCTYPE) is refused at once, unexpanded", async () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [ <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`),
      "]>",
      "<interface-response><ErrCount>0</ErrCount><CatchAll>&lol9;</CatchAll><Done>true</Done></interface-response>",
    ].join("\n");
    expect(await outcome(lol, (c) => c.getCatchAll({ domain }))).toBe("EnomUnavailable");
    const external =
      '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><interface-response><CatchAll>&x;</CatchAll><ErrCount>0</ErrCount><Done>true</Done></interface-response>';
    expect(await outcome(external, (c) => c.getCatchAll({ domain }))).toBe("EnomUnavailable");
  });

  it.each([
    [
      "a huge BundleId",
      "<Paks><Pak><BundleId>99999999999999999999999</BundleId><QtyPurchased>1</QtyPurchased><QtyAvailable>1</QtyAvailable><ExpDate>1/1/2030</ExpDate></Pak></Paks>",
    ],
    [
      "a float BundleId",
      "<Paks><Pak><BundleId>1e400</BundleId><QtyPurchased>1</QtyPurchased><QtyAvailable>1</QtyAvailable><ExpDate>1/1/2030</ExpDate></Pak></Paks>",
    ],
    [
      "a negative quantity",
      "<Paks><Pak><BundleId>5</BundleId><QtyPurchased>-1</QtyPurchased><QtyAvailable>1</QtyAvailable><ExpDate>1/1/2030</ExpDate></Pak></Paks>",
    ],
    [
      "an impossible date",
      "<Paks><Pak><BundleId>5</BundleId><QtyPurchased>1</QtyPurchased><QtyAvailable>1</QtyAvailable><ExpDate>2/30/2030</ExpDate></Pak></Paks>",
    ],
    [
      "a missing date",
      "<Paks><Pak><BundleId>5</BundleId><QtyPurchased>1</QtyPurchased><QtyAvailable>1</QtyAvailable></Pak></Paks>",
    ],
    [
      "a flag that is no flag",
      "<Paks><Pak><BundleId>5</BundleId><QtyPurchased>1</QtyPurchased><QtyAvailable>1</QtyAvailable><ExpDate>1/1/2030</ExpDate><AutoRenew>maybe</AutoRenew></Pak></Paks>",
    ],
    ["text where a list belongs", "<Paks>lots</Paks>"],
    ["a mailbox without a name", "<pop><username/><admin>0</admin></pop>"],
    [
      "elements inside a number",
      "<Paks><Pak><BundleId><x>5</x></BundleId><QtyPurchased>1</QtyPurchased><QtyAvailable>1</QtyAvailable><ExpDate>1/1/2030</ExpDate></Pak></Paks>",
    ],
  ])("%s", async (_, fields) => {
    // With the counts GetPOP3 sends, so that the field itself is what is refused.
    const counted = fields.startsWith("<pop>")
      ? `${fields}<EmailCount>1</EmailCount><Count>0</Count>`
      : `<EmailCount>0</EmailCount>${fields}<Count>1</Count>`;
    expect(await outcome(enomXml("GetPOP3", counted), getPop3)).toBe("EnomUnavailable");
  });

  it.each([
    ["no ErrCount", enomXml("GetPOP3", EMPTY, { errCount: null })],
    ["no Done", enomXml("GetPOP3", EMPTY, { done: null })],
    ["Done false", enomXml("GetPOP3", EMPTY, { done: "false" })],
    ["ErrCount as text", enomXml("GetPOP3", EMPTY, { errCount: "none" })],
    ["ErrCount huge", enomXml("GetPOP3", EMPTY, { errCount: "1".repeat(40) })],
    ["an error reply cut before Done", enomXml("GetPOP3", "", { errors: ["Domain not found"], done: null })],
    [
      "nesting 10,000 deep",
      `<interface-response>${"<a>".repeat(10_000)}${"</a>".repeat(10_000)}<ErrCount>0</ErrCount><Done>true</Done></interface-response>`,
    ],
  ])("%s", async (_, body) => {
    expect(await outcome(body, getPop3)).toBe("EnomUnavailable");
  });

  it("a reply bigger than any eNom sends", async () => {
    const huge = enomXml("GetPOP3", `<Pad>${"x".repeat(200_000)}</Pad>`);
    const client = testClient(fakeFetch(huge).fetch, { readRetries: 0, maxReplyBytes: 100_000 });
    await expect(client.getPop3({ domain })).rejects.toMatchObject({
      name: "EnomUnavailable",
      reason: "too-large",
    });
  });
});
