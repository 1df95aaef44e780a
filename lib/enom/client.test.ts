import { describe, expect, it } from "vitest";
import { enomXml, fakeFetch, TEST_PW, testClient } from "./__fixtures__/harness";
import { EnomError, EnomUnavailable, EnomValidationError } from "./errors";

/**
 * The client's requests and its loud refusals. eNom's own samples, field by field, are in
 * contract.test.ts; the replies here are built with enomXml in eNom's documented shapes (each
 * named beside it) to reach the cases the samples do not show: counts that disagree, lists that
 * are missing or in another shape, several pages, batch counts.
 */

const domain = "resellerdocs.com";
const ip = "10.0.0.1";
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a failure"),
    (e: unknown) => e,
  );

/** A `<pop>` as GetPOP3 prints it (get-pop-3.md). */
const pop = (userName: string, admin = 0) =>
  `<pop><username>${userName}</username><password>Xy-2345678</password><quota>1024</quota><expdate>5/3/2010 2:14:59 AM</expdate><BundleId>26770</BundleId><AutoRenew>0</AutoRenew><admin>${admin}</admin><quotaused>12.5</quotaused></pop>`;
const PAK =
  "<Paks><Pak><BundleId>26770</BundleId><QtyPurchased>10</QtyPurchased><QtyAvailable>8</QtyAvailable><ExpDate>5/3/2010 2:14:59 AM</ExpDate><AutoRenew>0</AutoRenew><Quota>1024</Quota><ProdType>38</ProdType></Pak></Paks>";

describe("nothing silent: a list must be there, in eNom's shape, as long as its count", () => {
  const refusedGetPop3: Array<[string, string, string]> = [
    [
      "EmailCount above the <pop> listed",
      `${pop("ann")}<EmailCount>2</EmailCount>${PAK}<Count>1</Count>`,
      "says 2 mailboxes",
    ],
    [
      "a <pop> beyond EmailCount",
      `${pop("ann")}${pop("bob")}<EmailCount>1</EmailCount>${PAK}<Count>1</Count>`,
      "says 1 mailboxes",
    ],
    ["no EmailCount", `${pop("ann")}${PAK}<Count>1</Count>`, "EmailCount"],
    ["no Count", `${pop("ann")}<EmailCount>1</EmailCount>${PAK}`, "no Count"],
    ["a pak count with no <Paks>", `<EmailCount>0</EmailCount><Count>1</Count>`, "no <Paks>"],
    [
      "the invented <Emails> list",
      "<EmailCount>1</EmailCount><Emails><Email><UserName>ann</UserName></Email></Emails><Paks/><Count>0</Count>",
      "<Emails>",
    ],
    [
      "a mailbox without its admin flag",
      `<pop><username>ann</username></pop><EmailCount>1</EmailCount><Count>0</Count>`,
      "admin flag",
    ],
  ];

  it.each(refusedGetPop3)(
    "GetPOP3 with %s is refused as unrecognised, naming the command",
    async (_, fields, detail) => {
      const { fetch, sent } = fakeFetch(enomXml("GetPOP3", fields));
      const error = await failure(testClient(fetch).getPop3({ domain }));
      expect(error).toBeInstanceOf(EnomUnavailable);
      expect(error).toMatchObject({ reason: "unrecognised", command: "GetPOP3", kind: "read" });
      expect((error as Error).message).toContain(
        "eNom answered GetPOP3 in a form Mailpak does not understand; nothing was changed",
      );
      expect((error as Error).message).toContain(detail);
      expect(sent).toHaveLength(1); // asking again gets the same shape: not retried
    },
  );

  it("GetPOP3 with an empty domain: EmailCount 0, <Paks/> and Count 0 is empty, not an error", async () => {
    const { fetch } = fakeFetch(enomXml("GetPOP3", "<EmailCount>0</EmailCount><Paks/><Count>0</Count>"));
    expect(await testClient(fetch).getPop3({ domain })).toMatchObject({ mailboxes: [], paks: [] });
  });

  it("GetPOP3 reads quotaused with decimals and a date with a time as its day", async () => {
    const { fetch } = fakeFetch(
      enomXml("GetPOP3", `${pop("ann", 1)}<EmailCount>1</EmailCount>${PAK}<Count>1</Count>`),
    );
    const [mailbox] = (await testClient(fetch).getPop3({ domain })).mailboxes;
    expect(mailbox).toEqual({
      userName: "ann",
      address: "ann@resellerdocs.com",
      bundleId: 26770,
      isAdmin: true,
      quotaMb: 1024,
      quotaUsedMb: 12.5,
      expires: { iso: "2010-05-03" },
      autoRenew: false,
    });
  });

  it.each([
    ["no <popexpirations>", "<count>0</count>"],
    [
      "no count",
      "<popexpirations><pop><domain>a.com</domain><bundleid>1</bundleid><expdate>1/1/2030</expdate></pop></popexpirations>",
    ],
    [
      "a count above the list",
      "<popexpirations><pop><domain>a.com</domain><bundleid>1</bundleid><expdate>1/1/2030</expdate></pop><count>2</count></popexpirations>",
    ],
    [
      "the first edition's <PopExpirations><Pak>",
      "<PopExpirations><Pak><DomainName>a.com</DomainName></Pak></PopExpirations><PakCount>1</PakCount>",
    ],
  ])("GetPOPExpirations with %s is refused", async (_, fields) => {
    const { fetch } = fakeFetch(enomXml("GetPOPExpirations", fields));
    expect(await failure(testClient(fetch).getPopExpirations())).toMatchObject({ reason: "unrecognised" });
  });

  it("GetPOPExpirations of an account without paks: <popexpirations><count>0</count></popexpirations>", async () => {
    const { fetch } = fakeFetch(
      enomXml("GetPOPExpirations", "<popexpirations><count>0</count></popexpirations>"),
    );
    expect((await testClient(fetch).getPopExpirations()).paks).toEqual([]);
  });

  it.each([
    [
      "no Count",
      "<popforwarding><username>ann</username><forwardto>a@b.org</forwardto><active>1</active></popforwarding>",
    ],
    [
      "Count above the forwards",
      "<popforwarding><username>ann</username><forwardto>a@b.org</forwardto><active>1</active></popforwarding><Count>2</Count>",
    ],
    [
      "a forward without its active flag",
      "<popforwarding><username>ann</username><forwardto>a@b.org</forwardto></popforwarding><Count>1</Count>",
    ],
  ])("GetPOPForwarding with %s is refused", async (_, fields) => {
    const { fetch } = fakeFetch(enomXml("GetPOPForwarding", fields));
    expect(await failure(testClient(fetch).getPopForwarding({ domain }))).toMatchObject({
      reason: "unrecognised",
    });
  });

  it("GetPOPForwarding without UserName lists every forward of the domain (repeated <popforwarding>)", async () => {
    const { fetch, sent } = fakeFetch(
      enomXml(
        "GetPOPForwarding",
        "<popforwarding><username>ann</username><forwardto>a@b.org</forwardto><active>1</active></popforwarding><popforwarding><username>bob</username><forwardto>b@c.org</forwardto><active>0</active></popforwarding><Count>2</Count>",
      ),
    );
    expect((await testClient(fetch).getPopForwarding({ domain })).forwards).toEqual([
      { userName: "ann", forwardTo: "a@b.org", active: true },
      { userName: "bob", forwardTo: "b@c.org", active: false },
    ]);
    expect(sent[0]?.body.has("UserName")).toBe(false);
  });

  it("GetCatchAll with neither CatchAll nor ForwardTo is refused; an empty CatchAll is none", async () => {
    const none = fakeFetch(enomXml("GetCatchAll", "<Success>True</Success>"));
    expect(await failure(testClient(none.fetch).getCatchAll({ domain }))).toMatchObject({
      reason: "unrecognised",
    });
    const empty = fakeFetch(enomXml("GetCatchAll", "<CatchAll/>"));
    expect(await testClient(empty.fetch).getCatchAll({ domain })).toMatchObject({ catchAll: null });
  });

  it.each([
    ["no BundleCount", "<orderid>1</orderid><Bundles><BundleID>5</BundleID></Bundles>"],
    [
      "BundleCount above the ids",
      "<orderid>1</orderid><Bundles><BundleID>5</BundleID></Bundles><BundleCount>2</BundleCount>",
    ],
    ["no <Bundles>", "<orderid>1</orderid><BundleCount>1</BundleCount>"],
  ])(
    "PurchasePOPBundle with %s: a write whose answer is not understood may have happened",
    async (_, fields) => {
      const { fetch } = fakeFetch(enomXml("PurchasePOPBundle", fields));
      const error = await failure(testClient(fetch).purchasePopBundle({ domain, quantity: 2 }));
      expect(error).toMatchObject({ reason: "unrecognised", kind: "write", outcome: "unknown" });
      expect((error as Error).message).toContain("eNom may have acted");
    },
  );

  it("PurchasePOPBundle of two 10-paks: one BundleID each", async () => {
    const { fetch } = fakeFetch(
      enomXml(
        "PurchasePOPBundle",
        "<orderid>9</orderid><Bundles><BundleID>5</BundleID><BundleID>6</BundleID></Bundles><BundleCount>2</BundleCount>",
      ),
    );
    expect(await testClient(fetch).purchasePopBundle({ domain, quantity: 2 })).toMatchObject({
      orderId: 9,
      bundleIds: [5, 6],
    });
  });

  it("DeleteAllPOPPaks without PaksRemoved is refused", async () => {
    const { fetch } = fakeFetch(enomXml("DeleteAllPOPPaks", "<Success>True</Success>"));
    expect(await failure(testClient(fetch).deleteAllPopPaks({ domain }))).toMatchObject({
      reason: "unrecognised",
    });
  });

  it("SetPOPForwarding answering success=0 with ErrCount 0 is refused", async () => {
    const { fetch } = fakeFetch(enomXml("SetPOPForwarding", "<success>0</success>"));
    const call = testClient(fetch).setPopForwarding({
      enable: true,
      domain,
      userName: "ann",
      forwardTo: "a@b.org",
    });
    expect(await failure(call)).toMatchObject({ reason: "unrecognised" });
  });
});

/** GetDomains pages in the documented shape (the GetDomains page, getdomains-online.xml). */
function domainsPage(start: number, count: number, total: number, tab = "IOwn", idBase = 0): string {
  const domains = Array.from({ length: count }, (_, i) => {
    const n = start + i;
    return `<domain><DomainNameID>${idBase + n}</DomainNameID><sld>${tab.toLowerCase()}${n}</sld><tld>com</tld><ns-status>YES</ns-status><expiration-date>3/1/2027</expiration-date><auto-renew>Yes</auto-renew></domain>`;
  }).join("");
  const end = count === 0 ? 0 : start + count - 1;
  const next = end < total ? end + 1 : 0;
  return enomXml(
    "GetDomains",
    `<GetDomains><tab/><domain-list type="Registered">${domains}</domain-list><EndPosition>${end}</EndPosition><NextRecords>${next}</NextRecords><StartPosition>${start}</StartPosition><DomainCount>${total}</DomainCount><TotalDomainCount>${total}</TotalDomainCount></GetDomains>`,
  );
}

describe("GetDomains: every page of IOwn and IHost, checked against TotalDomainCount", () => {
  it("follows the pages (Start 1, 3, 5 with Display 2) and merges the tabs; a name on both is registered", async () => {
    const { fetch, sent } = fakeFetch((request) => {
      const tab = request.body.get("Tab") ?? "";
      const start = Number(request.body.get("Start"));
      if (tab === "IHost") return domainsPage(start, Math.min(2, 3 - start + 1), 3, "IHost", 1000);
      return domainsPage(start, Math.min(2, 5 - start + 1), 5);
    });
    const all = await testClient(fetch).getDomains({ pageSize: 2 });
    expect(all.domains.map((d) => [d.name, d.status])).toEqual([
      ["iown1.com", "Registered"],
      ["iown2.com", "Registered"],
      ["iown3.com", "Registered"],
      ["iown4.com", "Registered"],
      ["iown5.com", "Registered"],
      ["ihost1.com", "DNSHosted"],
      ["ihost2.com", "DNSHosted"],
      ["ihost3.com", "DNSHosted"],
    ]);
    expect(all).toMatchObject({ totalDomainCount: 8, truncated: false });
    expect(all.domains[0]).toMatchObject({
      autoRenew: true,
      nsStatus: "YES",
      expires: { iso: "2027-03-01" },
    });
    expect(sent.map((r) => `${r.body.get("Tab")} ${r.body.get("Start")} ${r.body.get("Display")}`)).toEqual([
      "IOwn 1 2",
      "IOwn 3 2",
      "IOwn 5 2",
      "IHost 1 2",
      "IHost 3 2",
    ]);
  });

  it("stops at maxPages and says the list is truncated", async () => {
    const { fetch } = fakeFetch((request) => domainsPage(Number(request.body.get("Start")), 2, 10));
    const bounded = await testClient(fetch).getDomains({ tab: "IOwn", pageSize: 2, maxPages: 2 });
    expect(bounded).toMatchObject({ truncated: true, totalDomainCount: 10 });
    expect(bounded.domains).toHaveLength(4);
  });

  it.each([
    [
      "an empty page before TotalDomainCount is reached",
      (start: number) => domainsPage(start, start === 1 ? 2 : 0, 5),
    ],
    [
      "a page that repeats the last one (TotalDomainCount never reached)",
      () => domainsPage(1, 2, 5).replace("<NextRecords>3</NextRecords>", "<NextRecords>3</NextRecords>"),
    ],
    [
      "NextRecords that does not follow the page",
      (start: number) =>
        domainsPage(start, 2, 5).replace(/<NextRecords>\d+<\/NextRecords>/, "<NextRecords>2</NextRecords>"),
    ],
    [
      "no TotalDomainCount",
      () => domainsPage(1, 2, 2).replace(/<TotalDomainCount>\d+<\/TotalDomainCount>/, ""),
    ],
    [
      "the first edition's <Domains><Domain> list",
      () =>
        enomXml(
          "GetDomains",
          "<Domains><Domain><SLD>a</SLD></Domain></Domains><TotalDomainCount>1</TotalDomainCount>",
        ),
    ],
  ])("%s is refused as unrecognised", async (_, page) => {
    const { fetch } = fakeFetch((request) => page(Number(request.body.get("Start"))));
    const error = await failure(testClient(fetch).getDomains({ tab: "IOwn", pageSize: 2 }));
    expect(error).toMatchObject({ name: "EnomUnavailable", reason: "unrecognised", command: "GetDomains" });
  });

  it("an account without names: TotalDomainCount 0 and an empty list", async () => {
    const { fetch } = fakeFetch(domainsPage(1, 0, 0));
    expect(await testClient(fetch).getDomains()).toMatchObject({
      domains: [],
      totalDomainCount: 0,
      truncated: false,
    });
  });
});

describe("batch writes: eNom reports counts, never which names failed", () => {
  const users = [
    { userName: "ann", password: "Harbour-Light7" },
    { userName: "bob", password: "Quiet.River42" },
  ];
  it.each([
    [
      "AccountsCreated 2, AccountsFailed 0",
      "<AccountsCreated>2</AccountsCreated><AccountsFailed>0</AccountsFailed>",
      "succeeded",
    ],
    ["no counts at all, ErrCount 0 (eNom's rule: done)", "<Success>True</Success>", "succeeded"],
    [
      "AccountsCreated 1, AccountsFailed 1",
      "<AccountsCreated>1</AccountsCreated><AccountsFailed>1</AccountsFailed>",
      "unknown",
    ],
    [
      "AccountsCreated 3 for 2 names",
      "<AccountsCreated>3</AccountsCreated><AccountsFailed>0</AccountsFailed>",
      "unknown",
    ],
    ["AccountsFailed 2 alone", "<AccountsFailed>2</AccountsFailed>", "unknown"],
  ])("%s → every name %s", async (_, fields, expected) => {
    const { fetch } = fakeFetch(enomXml("SetUpPOP3User", fields));
    const batch = await testClient(fetch).setUpPop3Users({ domain, bundleId: 26770, users });
    expect(batch).toMatchObject({
      succeeded: expected === "succeeded" ? ["ann", "bob"] : [],
      failed: [],
      unknown: expected === "unknown" ? ["ann", "bob"] : [],
      enomErrors: [],
    });
  });

  it("ErrCount > 0 with counts (seeds/001): unknown, with eNom's words for the audit; without counts: an EnomError", async () => {
    const withCounts = fakeFetch(
      enomXml("ModifyPOP3", "<AccountsModified>1</AccountsModified><AccountsFailed>0</AccountsFailed>", {
        errors: ["Invalid Item specified"],
        keepFields: true,
      }),
    );
    expect(
      await testClient(withCounts.fetch).modifyPop3Users({
        domain,
        users: [{ userName: "ann", isAdmin: true }],
      }),
    ).toMatchObject({ succeeded: [], unknown: ["ann"], enomErrors: ["Invalid Item specified"] });

    const withoutCounts = fakeFetch(enomXml("ModifyPOP3", "", { errors: ["User does not exist"] }));
    const error = await failure(
      testClient(withoutCounts.fetch).modifyPop3Users({
        domain,
        users: [{ userName: "ann", isAdmin: true }],
      }),
    );
    expect(error).toBeInstanceOf(EnomError);
  });

  it("a bad login with counts is still an EnomError: nothing in the batch can have run", async () => {
    const { fetch } = fakeFetch(
      enomXml("DeletePOP3", "<AccountsDeleted>0</AccountsDeleted>", {
        errors: ["Bad User name or Password"],
        keepFields: true,
        responses: [{ number: "304155", text: "Validation error; invalid ; loginid" }],
      }),
    );
    const error = await failure(testClient(fetch).deletePop3Users({ domain, userNames: ["ann"] }));
    expect(error).toMatchObject({ name: "EnomError", code: "bad-login" });
    expect((error as EnomError).accessProblem?.fix).toBe(
      "eNom refused Mailpak's login: check ENOM_UID and ENOM_PW (or the API token)",
    );
  });
});

describe("eNom's error numbers", () => {
  it.each([
    ["304155", "Bad User name or Password", "bad-login"],
    ["713254", "User not permitted from this IP address - 203.0.113.9", "ip-not-allowed"],
    ["316153", "Domain name not found", "domain-not-found"],
    ["48", "Password rejected - contains username or other account info", "password-rejected"],
    ["20", "Try again later", "transient"],
    ["25", "Failed to obtain provisioning lock", "transient"],
    ["999999", "Something else", null],
  ])("ResponseNumber %s (%s) → %s, in XML and in Text", async (number, text, code) => {
    const xml = enomXml("SetCatchAll", "", { errors: [text], responses: [{ number, text: "eNom's words" }] });
    const textReply = [
      "Command=SETCATCHALL",
      "ErrCount=1",
      `Err1=${text}`,
      "ResponseCount=1",
      `ResponseNumber1=${number}`,
      "ResponseString1=eNom's words",
      "Done=true",
    ].join("\r\n");
    for (const body of [xml, textReply]) {
      const { fetch } = fakeFetch(body);
      const error = await failure(
        testClient(fetch).setCatchAll({ domain, forwardTo: "info@resellerdocs.com" }),
      );
      expect(error).toMatchObject({
        name: "EnomError",
        code,
        responses: [{ number: Number(number), text: "eNom's words" }],
      });
    }
  });

  it("the IP address eNom names goes into what to fix", async () => {
    const { fetch } = fakeFetch(
      enomXml("GetBalance", "", { errors: ["User not permitted from this IP address - 203.0.113.9"] }),
    );
    const error = (await failure(testClient(fetch).getBalance())) as EnomError;
    expect(error.accessProblem).toEqual({
      code: "ip-not-allowed",
      ip: "203.0.113.9",
      fix: "eNom does not accept calls from this server's IP address 203.0.113.9: allow it in eNom's API settings",
    });
    expect(error.message).toContain("allow it in eNom's API settings");
  });
});

describe("requests", () => {
  it("go by POST form body, credentials never in the URL, always ResponseType=XML", async () => {
    const { fetch, sent } = fakeFetch(enomXml("GetPOP3", "<EmailCount>0</EmailCount><Count>0</Count>"));
    await testClient(fetch).getPop3({ domain });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe("POST");
    expect(sent[0]?.url).toBe("https://resellertest.enom.com/interface.asp");
    expect(sent[0]?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(sent[0]?.body.get("ResponseType")).toBe("XML");
    expect(sent[0]?.body.get("pw")).toBe(TEST_PW);
  });

  it("send an API token of any length as pw", async () => {
    const token = "a".repeat(40);
    const { fetch, sent } = fakeFetch(enomXml("GetBalance", "<Balance>1.00</Balance>"));
    await testClient(fetch, { pw: token }).getBalance();
    expect(sent[0]?.body.get("pw")).toBe(token);
  });

  it("SetUpPOP3User sends indexed lists: UserName1..N, Password1..N, IsAdmin1..N, DisplayName1..N", async () => {
    const { fetch, sent } = fakeFetch(
      enomXml("SetUpPOP3User", "<AccountsCreated>2</AccountsCreated><AccountsFailed>0</AccountsFailed>"),
    );
    await testClient(fetch).setUpPop3Users({
      domain: { sld: "resellerdocs", tld: "com" },
      bundleId: 5134,
      users: [
        { userName: "james", password: "Harbour-Light7", displayName: "James Doe" },
        { userName: "ann", password: "Quiet.River42", isAdmin: true },
      ],
    });
    expect(Object.fromEntries(sent[0]?.body ?? [])).toEqual({
      command: "SetUpPOP3User",
      uid: "resellid",
      pw: TEST_PW,
      SLD: "resellerdocs",
      TLD: "com",
      BundleID: "5134",
      UserName1: "james",
      Password1: "Harbour-Light7",
      IsAdmin1: "0",
      DisplayName1: "James Doe",
      UserName2: "ann",
      Password2: "Quiet.River42",
      IsAdmin2: "1",
      ResponseType: "XML",
    });
  });

  it("SetPOPForwarding: keepCopy sends StatusFlags=0; Enable=0 deletes, with ForwardTo and no StatusFlags", async () => {
    const { fetch, sent } = fakeFetch(enomXml("SetPOPForwarding", "<success>1</success>"));
    const client = testClient(fetch);
    await client.setPopForwarding({ enable: true, domain, userName: "ann", forwardTo: "a@b.org" });
    await client.setPopForwarding({ enable: false, domain, userName: "ann", forwardTo: "a@b.org" });
    expect(Object.fromEntries(sent[0]?.body ?? [])).toMatchObject({
      UserName: "ann",
      EMail: "resellerdocs.com",
      ForwardTo: "a@b.org",
      Enable: "1",
      StatusFlags: "0",
    });
    expect(Object.fromEntries(sent[1]?.body ?? [])).toMatchObject({ Enable: "0", ForwardTo: "a@b.org" });
    expect(sent[1]?.body.has("StatusFlags")).toBe(false);
  });

  it.each([
    [
      { kind: "pop", domain: "a.com", quantity: 2, endUserIp: ip },
      { ProductType: "POP", Quantity: "2", QuantityUnit: "packs", EndUserIP: ip },
    ],
    [
      { kind: "renew-pop", domain: "a.com", productId: 5134, years: 1, endUserIp: ip },
      { ProductType: "Renew-POP", ProductID: "5134", Quantity: "1" },
    ],
    [
      { kind: "email-storage", domain: "a.com", productId: 5134, units: 3, endUserIp: ip },
      { ProductType: "EmailStorage", ProductID: "5134", Quantity: "3" },
    ],
    [
      {
        kind: "mailbox",
        domain: "a.com",
        quantity: 5,
        timeUnit: "month",
        timeQuantity: 6,
        capacity: 5,
        endUserIp: ip,
      },
      {
        ProductType: "Mailbox",
        ActionType: "Create",
        Quantity: "5",
        QuantityUnit: "boxes",
        TimeUnit: "Month",
        TimeQuantity: "6",
        Capacity: "5",
        EndUserIP: ip,
      },
    ],
    [
      { kind: "mailbox", action: "renew", domain: "a.com", productId: 77, quantity: 1, endUserIp: ip },
      {
        ProductType: "Mailbox",
        ActionType: "Renew",
        ProductID: "77",
        QuantityUnit: "boxes",
        TimeUnit: "Year",
      },
    ],
    [
      { kind: "service", domain: "a.com" },
      { service: "pop3", Quantity: "10", QuantityUnit: "boxes" },
    ],
    [
      { kind: "service", domain: "a.com", quantity: 2, quantityUnit: "packs" },
      { Quantity: "2", QuantityUnit: "packs" },
    ],
  ] as const)("purchaseServices %o sends %o", async (input, expected) => {
    const { fetch, sent } = fakeFetch(enomXml("PurchaseServices", "<orderid>1</orderid>"));
    await testClient(fetch).purchaseServices(input);
    expect(Object.fromEntries(sent[0]?.body ?? [])).toMatchObject({ SLD: "a", TLD: "com", ...expected });
  });

  it("renewal and storage purchases send no QuantityUnit: their Quantity is years and 512 MB units", async () => {
    const { fetch, sent } = fakeFetch(enomXml("PurchaseServices", "<orderid>1</orderid>"));
    await testClient(fetch).purchaseServices({
      kind: "renew-pop",
      domain: "a.com",
      productId: 5,
      years: 1,
      endUserIp: ip,
    });
    expect(sent[0]?.body.has("QuantityUnit")).toBe(false);
  });

  it("split a full domain name at its first dot", async () => {
    const { fetch, sent } = fakeFetch(enomXml("GetPOP3", "<EmailCount>0</EmailCount><Count>0</Count>"));
    await testClient(fetch).getPop3({ domain: "Example.CO.UK." });
    expect(sent[0]?.body.get("SLD")).toBe("example");
    expect(sent[0]?.body.get("TLD")).toBe("co.uk");
  });

  it("a reply to another command is not trusted", async () => {
    const xml = enomXml("GetBalance", "<Balance>1.00</Balance>");
    await expect(testClient(fakeFetch(xml).fetch).getPop3({ domain })).rejects.toBeInstanceOf(
      EnomUnavailable,
    );
  });
});

describe("invalid input is an EnomValidationError, and nothing is sent", () => {
  const cases: Array<[string, (client: ReturnType<typeof testClient>) => Promise<unknown>, string]> = [
    ["a domain without a dot", (c) => c.getPop3({ domain: "localhost" }), "domain"],
    ["a domain with a bad label", (c) => c.getPop3({ domain: "-bad-.com" }), "domain"],
    [
      "a password without a symbol (eNom's current rule)",
      (c) =>
        c.setUpPop3Users({
          domain: "a.com",
          bundleId: 1,
          users: [{ userName: "ann", password: "Resell9pwxx" }],
        }),
      "users.0.password",
    ],
    [
      "a password containing the mailbox name",
      (c) =>
        c.setUpPop3Users({
          domain: "a.com",
          bundleId: 1,
          users: [{ userName: "annie", password: "X-annie-2024" }],
        }),
      "users.0.password",
    ],
    [
      "a password containing the domain (error 48)",
      (c) =>
        c.setUpPop3Users({
          domain: "resellerdocs.com",
          bundleId: 1,
          users: [{ userName: "ann", password: "Resellerdocs-1" }],
        }),
      "users.0.password",
    ],
    [
      "a new password containing the domain, in ModifyPOP3",
      (c) =>
        c.modifyPop3Users({
          domain: "resellerdocs.com",
          users: [{ userName: "ann", password: "Resellerdocs-1" }],
        }),
      "users.0.password",
    ],
    [
      "a bad user name",
      (c) => c.deletePop3Users({ domain: "a.com", userNames: ["bad name"] }),
      "userNames.0",
    ],
    [
      "the same user twice",
      (c) => c.deletePop3Users({ domain: "a.com", userNames: ["ann", "ANN"] }),
      "userNames.1",
    ],
    ["no users", (c) => c.deletePop3Users({ domain: "a.com", userNames: [] }), "userNames"],
    [
      "100 users",
      (c) =>
        c.deletePop3Users({ domain: "a.com", userNames: Array.from({ length: 100 }, (_, i) => `u${i}`) }),
      "userNames",
    ],
    [
      "a change that changes nothing",
      (c) => c.modifyPop3Users({ domain: "a.com", users: [{ userName: "ann" }] }),
      "users.0",
    ],
    [
      "a bundle id that is not a number",
      (c) => c.setPakRenew({ domain: "a.com", bundleId: "12ab", autoRenew: true }),
      "bundleId",
    ],
    ["renewing 11 years", (c) => c.renewPopBundle({ domain: "a.com", pakId: 1, years: 11 }), "years"],
    [
      "a quantity over 999",
      (c) => c.purchaseServices({ kind: "service", domain: "a.com", quantity: 1000 }),
      "quantity",
    ],
    [
      "a capacity eNom does not sell",
      (c) => c.purchaseServices({ kind: "service", domain: "a.com", capacity: 2 as 1 }),
      "capacity",
    ],
    [
      "a Mailbox renewal without the pak",
      (c) =>
        c.purchaseServices({ kind: "mailbox", action: "renew", domain: "a.com", quantity: 1, endUserIp: ip }),
      "productId",
    ],
    [
      "a ProductType purchase without EndUserIP",
      (c) => c.purchaseServices({ kind: "pop", domain: "a.com", quantity: 1 } as never),
      "endUserIp",
    ],
    [
      "a catch-all that is not a full address",
      (c) => c.setCatchAll({ domain: "a.com", forwardTo: "james" }),
      "forwardTo",
    ],
    [
      "a bad forwarding address",
      (c) =>
        c.setPopForwarding({ enable: true, domain: "a.com", userName: "ann", forwardTo: "not an address" }),
      "forwardTo",
    ],
    ["a GetDomains page over 100", (c) => c.getDomains({ pageSize: 101 }), "pageSize"],
    ["a zero timeout", (c) => c.getBalance({ timeoutMs: 0 }), "timeoutMs"],
  ];

  it.each(cases)("%s", async (_, run, path) => {
    const { fetch, sent } = fakeFetch(enomXml("X", ""));
    const error = await run(testClient(fetch)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnomValidationError);
    expect((error as EnomValidationError).issues.map((i) => i.path)).toContain(path);
    expect(sent).toHaveLength(0);
  });

  it("DeletePOP3 refuses a user name over 16 characters before sending, and says why", async () => {
    const { fetch, sent } = fakeFetch(enomXml("DeletePOP3", "<AccountsDeleted>1</AccountsDeleted>"));
    const error = (await testClient(fetch)
      .deletePop3Users({ domain: "a.com", userNames: ["a-rather-long-name"] })
      .catch((e: unknown) => e)) as EnomValidationError;
    expect(error).toBeInstanceOf(EnomValidationError);
    expect(error.issues).toEqual([
      {
        path: "userNames.0",
        message:
          "eNom can delete only mailboxes whose name has at most 16 characters; this one has 18, so nothing was sent.",
      },
    ]);
    expect(sent).toHaveLength(0);
    // 16 exactly is sent.
    await testClient(fetch).deletePop3Users({ domain: "a.com", userNames: ["sixteen-chars-ok"] });
    expect(sent).toHaveLength(1);
  });

  it("never repeats a password in its message or issues", async () => {
    const { fetch } = fakeFetch(enomXml("X", ""));
    const error = await testClient(fetch)
      .setUpPop3Users({
        domain: "a.com",
        bundleId: 1,
        users: [{ userName: "ann", password: "weakpassword!" }],
      })
      .catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain("weakpassword");
    expect(String(error)).not.toContain("weakpassword");
  });
});
