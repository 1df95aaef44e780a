import { describe, expect, it } from "vitest";
import { enomXml, fakeFetch, fixture, TEST_PW, testClient } from "./__fixtures__/harness";
import { EnomError, EnomUnavailable, EnomValidationError } from "./errors";

// Seed fixtures are eNom's own samples (see __fixtures__/README.md); the rest are built with enomXml.

describe("commands read eNom's samples into the app's types", () => {
  it("purchaseServices (seeds/002 Step 1: `orderid`, `<Done>>true`, no TrackingKey)", async () => {
    const { fetch, sent } = fakeFetch(fixture("purchase-services.seed002.xml"));
    const result = await testClient(fetch).purchaseServices({
      kind: "service",
      domain: "enom-email-example-123.com",
      quantity: 15,
      quantityUnit: "boxes",
      capacity: 1,
      billingPeriod: "year",
    });
    expect(result).toEqual({
      orderId: 161786106,
      orderAmount: { cents: 1500, currency: "USD" },
      bundles: [
        {
          actionType: "Create",
          bundleId: 1004279,
          vasItemId: 1004279,
          domainName: "enom-email-example-123.com",
          capacityGb: 1,
          period: 1,
          billingPeriod: "year",
          expires: { iso: "2015-11-25" },
          quantity: 15,
          totalQuantity: 15,
        },
      ],
      trackingKey: null,
    });
    expect(Object.fromEntries(sent[0]?.body ?? [])).toEqual({
      command: "PurchaseServices",
      uid: "resellid",
      pw: TEST_PW,
      service: "pop3",
      SLD: "enom-email-example-123",
      TLD: "com",
      Quantity: "15",
      QuantityUnit: "boxes",
      Capacity: "1",
      BillingPeriod: "year",
      ResponseType: "XML",
    });
  });

  it("getPop3 (seeds/002 Step 1: `BundleId`, CDATA date, quota)", async () => {
    const { fetch } = fakeFetch(fixture("get-pop3.seed002.xml"));
    const result = await testClient(fetch).getPop3({ domain: { sld: "enom-email-example-123", tld: "com" } });
    expect(result).toEqual({
      domain: { sld: "enom-email-example-123", tld: "com" },
      mailboxes: [],
      paks: [
        {
          bundleId: 1004279,
          qtyPurchased: 15,
          qtyAvailable: 15,
          expires: { iso: "2015-11-25" },
          autoRenew: true,
          quotaMb: 1024,
          capacityGb: 1,
          prodType: 2011,
          version: "3",
        },
      ],
      trackingKey: "fea0ee5e-c27e-4975-ba07-alac12e0dfa6",
    });
  });

  it("getPop3 as printed (TrackingKey split inside its value) reads the same paks", async () => {
    const { fetch } = fakeFetch(fixture("get-pop3.seed002.as-printed.xml"));
    const result = await testClient(fetch).getPop3({ domain: "enom-email-example-123.com" });
    expect(result.paks).toHaveLength(1);
    expect(result.trackingKey).toBe("fea0ee5e-c27e-4975-ba07-alac12e0d-fa6");
  });

  it("setPakRenew (seeds/002 Step 2: lower-case `success`)", async () => {
    const { fetch, sent } = fakeFetch(fixture("set-pak-renew.seed002.xml"));
    const result = await testClient(fetch).setPakRenew({
      domain: "enom-email-example-123.com",
      bundleId: 1004279,
      autoRenew: true,
    });
    expect(result).toEqual({
      bundleId: 1004279,
      autoRenew: true,
      trackingKey: "144b1e36-20bc-4032-9d6e-b3cee407e647",
    });
    expect(sent[0]?.body.get("AutoPakRenew")).toBe("1");
    expect(sent[0]?.body.get("BundleID")).toBe("1004279");
  });

  it("setUpPop3Users (seeds/001 XML and seeds/002 Step 3)", async () => {
    const { fetch } = fakeFetch(fixture("setup-pop3-user.seed001.xml"));
    expect(
      await testClient(fetch).setUpPop3Users({
        domain: "resellerdocs.com",
        bundleId: 5134,
        users: [{ userName: "james", password: "Resell9pw", displayName: "James Doe" }],
      }),
    ).toEqual({
      succeeded: ["james"],
      failed: [],
      unknown: [],
      trackingKey: "37bb5652-5250-4483-a877-368f2eb7674f",
    });

    const quickStart = fakeFetch(fixture("setup-pop3-user.seed002.xml"));
    expect(
      await testClient(quickStart.fetch).setUpPop3Users({
        domain: "enom-email-example-123.com",
        bundleId: 1004279,
        users: [{ userName: "UserOne", password: "Abcdefg1" }],
      }),
    ).toEqual({
      succeeded: ["UserOne"],
      failed: [],
      unknown: [],
      trackingKey: "0a38040b-4782-4854-9c03-afe2b6fd4b8f",
    });
  });

  it("modifyPop3Users (seeds/002 Step 4) sends EmailCount", async () => {
    const { fetch, sent } = fakeFetch(fixture("modify-pop3.seed002.xml"));
    const result = await testClient(fetch).modifyPop3Users({
      domain: "enom-email-example-123.com",
      bundleId: "1004279",
      users: [{ userName: "UserOne", isAdmin: true }],
    });
    expect(result).toEqual({
      succeeded: ["UserOne"],
      failed: [],
      unknown: [],
      trackingKey: "9c5e4492-d281-47bb-a163-a7814c159124",
    });
    expect(Object.fromEntries(sent[0]?.body ?? [])).toMatchObject({
      command: "ModifyPOP3",
      BundleID: "1004279",
      EmailCount: "1",
      UserName1: "UserOne",
      IsAdmin1: "1",
    });
    expect(sent[0]?.body.has("Password1")).toBe(false);
  });

  it("deletePop3Users (seeds/002 Step 5)", async () => {
    const { fetch } = fakeFetch(fixture("delete-pop3.seed002.xml"));
    const result = await testClient(fetch).deletePop3Users({
      domain: "enom-email-example-123.com",
      userNames: ["UserOne"],
    });
    expect(result).toEqual({
      succeeded: ["UserOne"],
      failed: [],
      unknown: [],
      trackingKey: "998faee9-05c6-42df-9b48-9c82e388b43b",
    });
  });

  it.each([
    ["setPakRenew", "set-pak-renew"],
    ["modifyPop3Users", "modify-pop3"],
    ["deletePop3Users", "delete-pop3"],
  ] as const)(
    "%s as printed (`</Track-ingKey>` split by the page) is EnomUnavailable, outcome unknown",
    async (_, name) => {
      const client = testClient(fakeFetch(fixture(`${name}.seed002.as-printed.xml`)).fetch);
      const domain = "enom-email-example-123.com";
      const call =
        name === "set-pak-renew"
          ? client.setPakRenew({ domain, bundleId: 1004279, autoRenew: true })
          : name === "modify-pop3"
            ? client.modifyPop3Users({
                domain,
                bundleId: 1004279,
                users: [{ userName: "UserOne", isAdmin: true }],
              })
            : client.deletePop3Users({ domain, userNames: ["UserOne"] });
      await expect(call).rejects.toMatchObject({
        name: "EnomUnavailable",
        reason: "unparseable",
        outcome: "unknown",
        kind: "write",
      });
    },
  );

  it("the HTML and Text samples' error (seeds/001) would be an EnomError: ErrCount wins over Success=True", async () => {
    // The same reply as XML, since the client asks for XML; the HTML/Text parsers are tested in parse/.
    const { fetch } = fakeFetch(
      enomXml("SetUpPOP3User", "<Success>True</Success><AccountsCreated>1</AccountsCreated>", {
        errors: ["Invalid Item specified"],
        nested: false,
      }),
    );
    const error = await testClient(fetch)
      .setUpPop3Users({
        domain: "resellerdocs.com",
        bundleId: 5134,
        users: [{ userName: "james", password: "Resell9pw" }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnomError);
    expect(error).toMatchObject({ command: "SetUpPOP3User", errors: ["Invalid Item specified"] });
  });
});

describe("the simulator's shapes from docs/enom.md", () => {
  it("getPop3 lists mailboxes, reading the admin flag from IsAdmin or Admin", async () => {
    const xml = enomXml(
      "GetPOP3",
      `<EmailCount>3</EmailCount><Emails>
        <Email><UserName>james</UserName><DisplayName>James Doe</DisplayName><BundleId>5134</BundleId><IsAdmin>0</IsAdmin><ForwardTo/></Email>
        <Email><UserName>ann</UserName><DisplayName/><BundleId>5134</BundleId><isadmin>1</isadmin><ForwardTo>ann@example.org</ForwardTo></Email>
        <Email><UserName>bo</UserName><Admin>True</Admin></Email>
      </Emails><Paks/><Count>0</Count>`,
    );
    const result = await testClient(fakeFetch(xml).fetch).getPop3({ domain: "ResellerDocs.com" });
    expect(result.domain).toEqual({ sld: "resellerdocs", tld: "com" });
    expect(result.paks).toEqual([]);
    expect(result.mailboxes).toEqual([
      {
        userName: "james",
        address: "james@resellerdocs.com",
        displayName: "James Doe",
        bundleId: 5134,
        isAdmin: false,
        forwardTo: null,
      },
      {
        userName: "ann",
        address: "ann@resellerdocs.com",
        displayName: null,
        bundleId: 5134,
        isAdmin: true,
        forwardTo: "ann@example.org",
      },
      {
        userName: "bo",
        address: "bo@resellerdocs.com",
        displayName: null,
        bundleId: null,
        isAdmin: true,
        forwardTo: null,
      },
    ]);
  });

  it("a partial success (AccountsFailed > 0, ErrCount 0) is a result listing who failed, not an error", async () => {
    const xml = enomXml(
      "SetUpPOP3User",
      `<Success>True</Success><AccountsCreated>2</AccountsCreated><AccountsFailed>1</AccountsFailed>
       <FailedAccounts><Account><UserName>Bob</UserName><Reason>User name already exists</Reason></Account></FailedAccounts>`,
    );
    const result = await testClient(fakeFetch(xml).fetch).setUpPop3Users({
      domain: "resellerdocs.com",
      bundleId: 5134,
      users: ["ann", "bob", "cy"].map((userName) => ({ userName, password: "Secret123x" })),
    });
    expect(result).toMatchObject({
      succeeded: ["ann", "cy"],
      failed: [{ userName: "bob", reason: "User name already exists" }],
      unknown: [],
    });
  });

  it("counts that disagree with the failure list leave the rest unknown instead of guessed", async () => {
    const xml = enomXml(
      "ModifyPOP3",
      "<AccountsModified>1</AccountsModified><AccountsFailed>2</AccountsFailed>",
    );
    const result = await testClient(fakeFetch(xml).fetch).modifyPop3Users({
      domain: "resellerdocs.com",
      bundleId: 5134,
      users: [
        { userName: "ann", isAdmin: true },
        { userName: "bob", isAdmin: false },
        { userName: "cy", password: "Secret123x" },
      ],
    });
    expect(result).toMatchObject({ succeeded: [], failed: [], unknown: ["ann", "bob", "cy"] });
  });

  it("deletePop3Users lists names that did not exist as failed", async () => {
    const xml = enomXml(
      "DeletePOP3",
      "<AccountsDeleted>1</AccountsDeleted><success>True</success><FailedAccounts><Account><UserName>ghost</UserName><Reason>No such mailbox</Reason></Account></FailedAccounts>",
    );
    const { fetch, sent } = fakeFetch(xml);
    const result = await testClient(fetch).deletePop3Users({
      domain: "resellerdocs.com",
      userNames: ["james", "ghost"],
    });
    expect(result).toMatchObject({
      succeeded: ["james"],
      failed: [{ userName: "ghost", reason: "No such mailbox" }],
      unknown: [],
    });
    expect(sent[0]?.body.get("UserName2")).toBe("ghost");
  });

  it("purchasePopBundle, renewPopBundle (always UseCreditCard=no), deletePopPak, deleteAllPopPaks", async () => {
    const replies: Record<string, string> = {
      PurchasePOPBundle: "<OrderID>42</OrderID><BundleID>5200</BundleID><BundleCount>1</BundleCount>",
      RenewPOPBundle:
        "<OrderID>43</OrderID><BundleID>5134</BundleID><ExpDate>11/25/2027</ExpDate><OrderAmount>29.95</OrderAmount>",
      DeletePOPPak:
        "<PakDeleted>5134</PakDeleted><AccountsDeleted>3</AccountsDeleted><Success>True</Success>",
      DeleteAllPOPPaks:
        "<PaksDeleted>2</PaksDeleted><AccountsDeleted>4</AccountsDeleted><Success>True</Success>",
    };
    const { fetch, sent } = fakeFetch((request) => {
      const command = request.body.get("command") ?? "";
      return enomXml(command, replies[command] ?? "");
    });
    const client = testClient(fetch);
    const domain = "resellerdocs.com";
    expect(await client.purchasePopBundle({ domain, quantity: 1 })).toMatchObject({
      orderId: 42,
      bundleId: 5200,
      bundleCount: 1,
    });
    expect(await client.renewPopBundle({ domain, pakId: 5134, years: 2 })).toMatchObject({
      orderId: 43,
      bundleId: 5134,
      expires: { iso: "2027-11-25" },
      orderAmount: { cents: 2995, currency: "USD" },
    });
    expect(await client.deletePopPak({ domain, bundleId: 5134 })).toMatchObject({
      bundleId: 5134,
      accountsDeleted: 3,
    });
    expect(await client.deleteAllPopPaks({ domain })).toMatchObject({ paksDeleted: 2, accountsDeleted: 4 });
    const renew = sent.find((r) => r.body.get("command") === "RenewPOPBundle");
    expect(Object.fromEntries(renew?.body ?? [])).toMatchObject({
      PakID: "5134",
      Quantity: "2",
      UseCreditCard: "no",
    });
  });

  it("getPopExpirations, getCatchAll/setCatchAll, getPopForwarding/setPopForwarding, getBalance", async () => {
    const replies: Record<string, string> = {
      GetPOPExpirations: `<PopExpirations><Pak><DomainName>resellerdocs.com</DomainName><BundleId>5134</BundleId><ExpDate>11/25/2015</ExpDate><AutoRenew>1</AutoRenew><QtyPurchased>10</QtyPurchased><QtyAvailable>9</QtyAvailable><Quota>1024</Quota><ProdType>17</ProdType><BillingPeriod>year</BillingPeriod></Pak></PopExpirations><PakCount>1</PakCount>`,
      GetCatchAll: "<CatchAll/><Success>True</Success>",
      SetCatchAll: "<CatchAll>james</CatchAll><Success>True</Success>",
      GetPOPForwarding:
        "<UserName>james</UserName><ForwardTo>j@example.org</ForwardTo><Success>True</Success>",
      SetPOPForwarding: "<UserName>james</UserName><ForwardTo/><Success>True</Success>",
      GetBalance: "<Balance>1,250.00</Balance><AvailableBalance>1200.5</AvailableBalance>",
    };
    const { fetch, sent } = fakeFetch((request) => {
      const command = request.body.get("command") ?? "";
      return enomXml(command, replies[command] ?? "");
    });
    const client = testClient(fetch);
    const domain = "resellerdocs.com";
    expect((await client.getPopExpirations()).paks).toEqual([
      {
        domainName: "resellerdocs.com",
        bundleId: 5134,
        expires: { iso: "2015-11-25" },
        autoRenew: true,
        qtyPurchased: 10,
        qtyAvailable: 9,
        quotaMb: 1024,
        capacityGb: 1,
        prodType: 17,
        billingPeriod: "year",
      },
    ]);
    expect(await client.getCatchAll({ domain })).toMatchObject({ catchAll: null });
    expect(await client.setCatchAll({ domain, catchAll: "james" })).toMatchObject({ catchAll: "james" });
    expect(await client.getPopForwarding({ domain, userName: "james" })).toMatchObject({
      userName: "james",
      forwardTo: "j@example.org",
    });
    expect(await client.setPopForwarding({ domain, userName: "james", forwardTo: null })).toMatchObject({
      forwardTo: null,
    });
    expect(await client.getBalance()).toMatchObject({
      balance: { cents: 125000, currency: "USD" },
      availableBalance: { cents: 120050, currency: "USD" },
    });
    expect(sent.find((r) => r.body.get("command") === "SetPOPForwarding")?.body.get("ForwardTo")).toBe("");
  });

  it("getDomains follows NextStart, and stops at maxPages", async () => {
    const page = (start: number, next: number) =>
      enomXml(
        "GetDomains",
        `<Domains>${[0, 1]
          .map(
            (i) =>
              `<Domain><DomainNameID>${start + i}</DomainNameID><SLD>d${start + i}</SLD><TLD>com</TLD><ExpDate>3/1/2027</ExpDate><AutoRenew>1</AutoRenew><Status>${i ? "TransferPending" : "Registered"}</Status></Domain>`,
          )
          .join(
            "",
          )}</Domains><DomainCount>2</DomainCount><TotalDomainCount>6</TotalDomainCount><Start>${start}</Start><NextStart>${next}</NextStart>`,
      );
    const { fetch, sent } = fakeFetch((request) => {
      const start = Number(request.body.get("Start"));
      return page(start, start >= 5 ? 0 : start + 2);
    });
    const all = await testClient(fetch).getDomains({ pageSize: 2 });
    expect(all.domains.map((d) => d.name)).toEqual([
      "d1.com",
      "d2.com",
      "d3.com",
      "d4.com",
      "d5.com",
      "d6.com",
    ]);
    expect(all).toMatchObject({ totalDomainCount: 6, truncated: false });
    expect(all.domains[0]).toMatchObject({
      status: "Registered",
      emailAvailable: true,
      expires: { iso: "2027-03-01" },
    });
    expect(all.domains[1]).toMatchObject({ status: "TransferPending", emailAvailable: false });
    expect(sent.map((r) => r.body.get("Start"))).toEqual(["1", "3", "5"]);

    const bounded = await testClient(fetch).getDomains({ pageSize: 2, maxPages: 2 });
    expect(bounded).toMatchObject({ truncated: true });
    expect(bounded.domains).toHaveLength(4);
  });

  it("getDomains refuses a NextStart that does not advance (it would loop forever)", async () => {
    const xml = enomXml("GetDomains", "<Domains/><NextStart>1</NextStart>");
    await expect(testClient(fakeFetch(xml).fetch).getDomains()).rejects.toMatchObject({
      name: "EnomUnavailable",
      reason: "unparseable",
    });
  });

  it("a reply to another command is not trusted", async () => {
    const xml = enomXml("GetBalance", "<Balance>1.00</Balance>");
    await expect(
      testClient(fakeFetch(xml).fetch).getPop3({ domain: "resellerdocs.com" }),
    ).rejects.toBeInstanceOf(EnomUnavailable);
  });
});

const ip = "10.0.0.1";

describe("requests", () => {
  it("go by POST form body, credentials never in the URL, always ResponseType=XML", async () => {
    const { fetch, sent } = fakeFetch(enomXml("GetPOP3", "<Paks/>"));
    await testClient(fetch).getPop3({ domain: "resellerdocs.com" });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe("POST");
    expect(sent[0]?.url).toBe("https://resellertest.enom.com/interface.asp");
    expect(sent[0]?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(sent[0]?.body.get("ResponseType")).toBe("XML");
    expect(sent[0]?.body.get("pw")).toBe(TEST_PW);
  });

  it("send indexed lists: UserName1..N, Password1..N, IsAdmin1..N, DisplayName1..N, ForwardTo1..N", async () => {
    const { fetch, sent } = fakeFetch(
      enomXml("SetUpPOP3User", "<AccountsCreated>2</AccountsCreated><AccountsFailed>0</AccountsFailed>"),
    );
    await testClient(fetch).setUpPop3Users({
      domain: { sld: "resellerdocs", tld: "com" },
      bundleId: 5134,
      users: [
        {
          userName: "james",
          password: "Resell9pw",
          displayName: "James Doe",
          forwardTo: "james@example.org",
        },
        { userName: "ann", password: "Annpass22", isAdmin: true },
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
      Password1: "Resell9pw",
      IsAdmin1: "0",
      DisplayName1: "James Doe",
      ForwardTo1: "james@example.org",
      UserName2: "ann",
      Password2: "Annpass22",
      IsAdmin2: "1",
      ResponseType: "XML",
    });
  });

  it.each([
    [
      { kind: "pop", domain: "a.com", quantity: 2, endUserIp: ip },
      { ProductType: "POP", Quantity: "2", EndUserIP: ip },
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
        endUserIp: "10.0.0.1",
      },
      {
        ProductType: "Mailbox",
        ActionType: "Create",
        Quantity: "5",
        TimeUnit: "Month",
        TimeQuantity: "6",
        Capacity: "5",
        EndUserIP: "10.0.0.1",
      },
    ],
    [
      { kind: "mailbox", action: "renew", domain: "a.com", productId: 77, quantity: 1, endUserIp: ip },
      {
        ProductType: "Mailbox",
        ActionType: "Renew",
        ProductID: "77",
        TimeUnit: "Year",
        TimeQuantity: "1",
        Capacity: "1",
      },
    ],
  ] as const)("purchaseServices %o sends %o", async (input, expected) => {
    const { fetch, sent } = fakeFetch(enomXml("PurchaseServices", "<orderid>1</orderid>"));
    await testClient(fetch).purchaseServices(input);
    expect(Object.fromEntries(sent[0]?.body ?? [])).toMatchObject({ SLD: "a", TLD: "com", ...expected });
  });

  it("split a full domain name at its first dot", async () => {
    const { fetch, sent } = fakeFetch(enomXml("GetPOP3", ""));
    await testClient(fetch).getPop3({ domain: "Example.CO.UK." });
    expect(sent[0]?.body.get("SLD")).toBe("example");
    expect(sent[0]?.body.get("TLD")).toBe("co.uk");
  });
});

describe("invalid input is an EnomValidationError, and nothing is sent", () => {
  const cases: Array<[string, (client: ReturnType<typeof testClient>) => Promise<unknown>, string]> = [
    ["a domain without a dot", (c) => c.getPop3({ domain: "localhost" }), "domain"],
    ["a domain with a bad label", (c) => c.getPop3({ domain: "-bad-.com" }), "domain"],
    [
      "a weak mailbox password",
      (c) =>
        c.setUpPop3Users({
          domain: "a.com",
          bundleId: 1,
          users: [{ userName: "ann", password: "resellpw" }],
        }),
      "users.0.password",
    ],
    [
      "the password equal to the name",
      (c) =>
        c.setUpPop3Users({
          domain: "a.com",
          bundleId: 1,
          users: [{ userName: "Ann123x", password: "ann123X" }],
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
      (c) => c.modifyPop3Users({ domain: "a.com", bundleId: 1, users: [{ userName: "ann" }] }),
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
      "a bad EndUserIP",
      (c) => c.purchasePopBundle({ domain: "a.com", quantity: 1, endUserIp: "999.1.1.1" }),
      "endUserIp",
    ],
    [
      "a bad forwarding address",
      (c) => c.setPopForwarding({ domain: "a.com", userName: "ann", forwardTo: "not an address" }),
      "forwardTo",
    ],
    ["a zero timeout", (c) => c.getBalance({ timeoutMs: 0 }), "timeoutMs"],
  ];

  it.each(cases)("%s", async (_, run, path) => {
    const { fetch, sent } = fakeFetch(enomXml("X", ""));
    const error = await run(testClient(fetch)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnomValidationError);
    expect((error as EnomValidationError).issues.map((i) => i.path)).toContain(path);
    expect(sent).toHaveLength(0);
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
