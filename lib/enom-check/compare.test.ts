import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { XML_SAMPLES } from "@/lib/enom-sim/page-samples";
import { compareReply, type Difference } from "./compare";
import { DOCUMENTED } from "./documented";
import { scrubReply } from "./secrets";
import { readXml } from "./xml";

const kinds = (differences: readonly Difference[]) => differences.map((d) => `${d.kind} ${d.path}`);

/** The pages' XML samples that are not in ../shared/enom-samples, as printed (hazzakins/go-enomapi docs/). */
const PAGE_SAMPLES = {
  // docs/modify-pop-3.md
  ModifyPOP3: `<interface-response>
 <Success>True</Success>
 <AccountsModified>2</AccountsModified>
 <AccountsFailed>0</AccountsFailed>
 <Command>MODIFYPOP3</Command>
 <APIType>API.NET</APIType>
 <Language>eng</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <MinPeriod>1</MinPeriod>
 <MaxPeriod>10</MaxPeriod>
 <Server>sjl0vwresell_t1</Server>
 <Site>eNom</Site>
 <IsLockable/>
 <IsRealTimeTLD/>
 <TimeDifference>+0.00</TimeDifference>
 <ExecTime>0.016</ExecTime>
 <Done>true</Done>
 <TrackingKey>1a9002ec-ad7b-449d-ab41-a53a4788a80c</TrackingKey>
 <RequestDateTime>2/11/2015 5:25:11 PM</RequestDateTime>
 <debug/>
</interface-response>`,
  // docs/set-pop-forwarding.md, with eNom's unclosed CDATA
  SetPOPForwarding: `<?xml version="1.0" ?>
<interface-response>
 <DomainRRP>E</DomainRRP>
 <success>1</success>
 <Command>SETPOPFORWARDING</Command>
 <Language>en</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <MinPeriod>1</MinPeriod>
 <MaxPeriod>10</MaxPeriod>
 <Server>RESELLERTEST</Server>
 <Site>enom</Site>
 <IsLockable>True</IsLockable>
 <IsRealTimeTLD>True</IsRealTimeTLD>
 <TimeDifference>+03.00</TimeDifference>
 <ExecTime>0.1328125</ExecTime>
 <Done>true</Done>
 <debug>
 <![CDATA[ ] ]>
 </debug>
</interface-response>`,
  // docs/delete-pop-3.md
  DeletePOP3: `<interface-response>
 <AccountsDeleted>1</AccountsDeleted>
 <success>True</success>
 <Command>DELETEPOP3</Command>
 <Language>eng</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <Done>true</Done>
 <debug/>
 <TrackingKey>ef0e27fe-c956-4f45-a1f9-da8b6b8adea5</TrackingKey>
 <RequestDateTime>12/12/2011 3:17:09 AM</RequestDateTime>
</interface-response>`,
  // docs/set-pak-renew.md
  SetPakRenew: `<interface-response>
 <PakUpdated>5105</PakUpdated>
 <AutoPakRenew>1</AutoPakRenew>
 <Command>SETPAKRENEW</Command>
 <Language>eng</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <Done>true</Done>
 <RequestDateTime>12/11/2011 11:33:42 PM</RequestDateTime>
 <debug></debug>
</interface-response>`,
  // docs/delete-pop-pak.md
  DeletePOPPak: `<interface-response>
 <Command>DELETEPOPPAK</Command>
 <Language>eng</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <Done>true</Done>
 <debug/>
 <TrackingKey>31063cc4-7994-4d96-b8bd-1ff3665d6039</TrackingKey>
 <RequestDateTime>12/12/2011 3:25:01 AM</RequestDateTime>
</interface-response>`,
  // seeds/001 (XML)
  SetUpPOP3User: `<interface-response>
 <Success>True</Success>
 <AccountsCreated>1</AccountsCreated>
 <AccountsFailed>0</AccountsFailed>
 <Command>SETUPPOP3USER</Command>
 <Language>eng</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <Done>true</Done>
 <debug/>
 <TrackingKey>37bb5652-5250-4483-a877-368f2eb7674f</TrackingKey>
 <RequestDateTime>12/12/2011 12:57:20 AM</RequestDateTime>
</interface-response>`,
  // docs/set-catch-all.md (the page's address is Cloudflare-mangled; an address stands in)
  SetCatchAll: `<interface-response>
 <CatchAll>info@resellerdocs.com</CatchAll>
 <Command>SETCATCHALL</Command>
 <Language>eng</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <Done>true</Done>
 <RequestDateTime>12/11/2011 10:39:46 PM</RequestDateTime>
 <debug></debug>
</interface-response>`,
  // seeds/002 Step 1, less the PDF's typesetting (`<Done>>true`)
  PurchaseServices: `<interface-response>
  <Version>3</Version>
  <orderid>161786106</orderid>
  <OrderAmount>15</OrderAmount>
  <Success>True</Success>
  <Bundles>
    <ActionType>Create</ActionType>
    <BundleID>1004279</BundleID>
    <VasItemID>1004279</VasItemID>
    <DomainName>enom-email-example-123.com</DomainName>
    <Capacity>1</Capacity>
    <Period>1</Period>
    <BillingPeriod>year</BillingPeriod>
    <ExpDate>11/25/2015</ExpDate>
    <Quantity>15</Quantity>
    <TotalQuantity>15</TotalQuantity>
  </Bundles>
  <BundleCount>1</BundleCount>
  <Command>PURCHASESERVICES</Command>
  <APIType>API</APIType>
  <Language>eng</Language>
  <ErrCount>0</ErrCount>
  <ResponseCount>0</ResponseCount>
  <Done>true</Done>
  <RequestDateTime>11/25/2014 12:47:29 PM</RequestDateTime>
</interface-response>`,
  // seeds/002 Step 1: a pak without mailboxes, its ExpDate in CDATA
  "GetPOP3 (seeds/002)": `<interface-response>
  <EmailCount>0</EmailCount>
  <Paks>
    <Pak>
      <BundleId>1004279</BundleId>
      <QtyPurchased>15</QtyPurchased>
      <QtyAvailable>15</QtyAvailable>
      <ExpDate>
        <![CDATA[ 11/25/2015 ]]>
      </ExpDate>
      <AutoRenew>1</AutoRenew>
      <Quota>1024</Quota>
      <ProdType>2011</ProdType>
      <Version>3</Version>
    </Pak>
  </Paks>
  <Count>1</Count>
  <AdditionalHostAcctLogin/>
  <Successful>True</Successful>
  <Success>True</Success>
  <Command>GETPOP3</Command>
  <APIType>API.NET</APIType>
  <Language>eng</Language>
  <ErrCount>0</ErrCount>
  <ResponseCount>0</ResponseCount>
  <Done>true</Done>
  <RequestDateTime>11/25/2014 12:51:57 PM</RequestDateTime>
</interface-response>`,
  // docs/get-pop-forwarding.md: one empty record and Count 0
  "GetPOPForwarding (page)": `<interface-response>
 <popforwarding>
 <domainname>resellerdocs.com</domainname>
 <domainnameid>152533676</domainnameid>
 <username>Jane.Doe</username>
 <forwardto/>
 <active/>
 </popforwarding>
 <Count>0</Count>
 <Command>GETPOPFORWARDING</Command>
 <Language>eng</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <Done>true</Done>
 <debug/>
</interface-response>`,
};

const pageSample = (name: string) =>
  readFileSync(path.resolve(__dirname, `../enom/__fixtures__/pages/${name}.page.xml`), "utf8");

/** A GetPOP3 reply with passwords already removed, as lib/enom hands it over. */
const getPop3 = (mailboxes: string, counts = "<EmailCount>1</EmailCount>") => `<interface-response>
 ${mailboxes}
 ${counts}
 <Paks><Pak><BundleId>26770</BundleId><QtyPurchased>10</QtyPurchased><QtyAvailable>9</QtyAvailable><ExpDate>5/3/2010</ExpDate><AutoRenew>0</AutoRenew><Quota>1024</Quota><ProdType>38</ProdType></Pak></Paks>
 <Count>1</Count>
 <Command>GETPOP3</Command><ErrCount>0</ErrCount><Done>true</Done>
</interface-response>`;
const DELL = `<pop><username>dell</username><password></password><quota>1024</quota><expdate>5/3/2010 2:14:59 AM</expdate><BundleId>26770</BundleId><AutoRenew>0</AutoRenew><admin>0</admin><quotaused>12.5</quotaused></pop>`;

describe("eNom's own samples match the shapes written down from them", () => {
  const shared: [string, keyof typeof DOCUMENTED][] = [
    ["getpop3-online", "GetPOP3"],
    ["getpopexpirations-online", "GetPOPExpirations"],
    ["getpopforwarding-online", "GetPOPForwarding"],
    ["getbalance-online", "GetBalance"],
    ["getcatchall-online", "GetCatchAll"],
    ["purchasepopbundle-online", "PurchasePOPBundle"],
    ["renewpopbundle-online", "RenewPOPBundle"],
    ["deleteallpoppaks-online", "DeleteAllPOPPaks"],
  ];
  it.each(shared)("enom-samples/%s.xml matches %s (its passwords aside)", (name, command) => {
    const { differences } = compareReply(DOCUMENTED[command], XML_SAMPLES[name as keyof typeof XML_SAMPLES]);
    // The GetPOP3 sample carries passwords in clear, as eNom sends them: the check flags them.
    expect(differences.filter((d) => d.kind !== "secret")).toEqual([]);
  });

  it.each(Object.entries(PAGE_SAMPLES))("the printed %s sample matches", (name, body) => {
    const command = name.split(" ")[0] as keyof typeof DOCUMENTED;
    expect(compareReply(DOCUMENTED[command], body).differences).toEqual([]);
  });

  // The host-record and alias pages' XML samples, verbatim in lib/enom/__fixtures__/pages/.
  it.each([
    ["get-hosts", "GetHosts"],
    ["get-mail-hosts", "GetMailHosts"],
    ["get-dns", "GetDNS"],
    ["get-forwarding", "GetForwarding"],
  ] as const)("pages/%s.page.xml matches %s", (name, command) => {
    expect(compareReply(DOCUMENTED[command], pageSample(name)).differences).toEqual([]);
  });

  it("eNom's error samples match as refusals of their commands", () => {
    const notFound = compareReply(DOCUMENTED.GetPOP3, XML_SAMPLES["error-with-responses"]);
    expect(notFound).toMatchObject({ refused: true, differences: [] });
    const ip = compareReply(DOCUMENTED.GetBalance, XML_SAMPLES["error-ip"]);
    expect(ip).toMatchObject({ refused: true, differences: [] });
  });

  it("the GetDomains sample, elided with '. . .' on its page, lists 2 names where EndPosition says 25", () => {
    const { differences } = compareReply(DOCUMENTED.GetDomains, XML_SAMPLES["getdomains-online"]);
    expect(kinds(differences)).toEqual(["count GetDomains/domain-list/domain"]);
    expect(differences[0]?.message).toContain(
      "StartPosition 1 to EndPosition 25 is 25, but the reply lists 2",
    );
  });
});

describe("a reply that differs from the documents is named exactly", () => {
  it("matches when the shape is the documented one", () => {
    expect(compareReply(DOCUMENTED.GetPOP3, getPop3(DELL)).differences).toEqual([]);
  });

  it("an <Emails><Email> list instead of repeated <pop> elements", () => {
    const emails = `<Emails><Email><UserName>dell</UserName><BundleID>26770</BundleID></Email></Emails>`;
    const { differences } = compareReply(DOCUMENTED.GetPOP3, getPop3(emails));
    expect(kinds(differences)).toEqual(["extra Emails", "count pop"]);
    expect(differences[1]?.message).toBe(
      "EmailCount is the number of <pop> mailboxes: EmailCount says 1, the reply has 0",
    );
  });

  it("another casing of an element name", () => {
    const { differences } = compareReply(
      DOCUMENTED.GetPOP3,
      getPop3(DELL.replace(/BundleId>/g, "BundleID>")),
    );
    expect(kinds(differences)).toEqual(["casing pop/BundleID"]);
    expect(differences[0]?.message).toContain("<BundleID> is documented as <BundleId>");
  });

  it("a missing element and a list that disagrees with its count", () => {
    const noQuotaUsed = DELL.replace(/<quotaused>.*<\/quotaused>/, "");
    const { differences } = compareReply(
      DOCUMENTED.GetPOP3,
      getPop3(`${noQuotaUsed}${DELL}`, "<EmailCount>3</EmailCount>"),
    );
    expect(kinds(differences)).toEqual(["missing pop/quotaused", "count pop"]);
  });

  it("a value of the wrong form, and an element documented once sent twice", () => {
    const body = getPop3(
      DELL.replace("<quota>1024</quota>", "<quota>1 GB</quota>"),
      "<EmailCount>1</EmailCount><EmailCount>1</EmailCount>",
    );
    expect(kinds(compareReply(DOCUMENTED.GetPOP3, body).differences)).toEqual([
      "value pop/quota",
      "repeated EmailCount",
    ]);
  });

  it("a list nested where the documents have it flat (GetPOPForwarding in a <forwards> wrapper)", () => {
    const body = XML_SAMPLES["getpopforwarding-online"]
      .replace(" <popforwarding>", " <forwards><popforwarding>")
      .replace(" </popforwarding>", " </popforwarding></forwards>");
    const { differences } = compareReply(DOCUMENTED.GetPOPForwarding, body);
    expect(kinds(differences)).toEqual(["extra forwards", "count popforwarding"]);
  });

  it("host records in a <hosts> container, and a HostCount or NSCount that disagrees with the list", () => {
    const hosts = pageSample("get-hosts");
    const wrapped = hosts
      .replace("<host>", "<hosts><host>")
      .replace("<DomainServices>", "</hosts><DomainServices>");
    expect(kinds(compareReply(DOCUMENTED.GetHosts, wrapped).differences)).toEqual(["extra hosts"]);
    const counted = (n: number) =>
      hosts.replace("<DomainServices>", `<HostCount>${n}</HostCount><DomainServices>`);
    expect(compareReply(DOCUMENTED.GetHosts, counted(5)).differences).toEqual([]);
    expect(kinds(compareReply(DOCUMENTED.GetHosts, counted(6)).differences)).toEqual(["count host"]);
    const dns = pageSample("get-dns").replace("<UseDNS>", "<NSCount>4</NSCount><UseDNS>");
    expect(kinds(compareReply(DOCUMENTED.GetDNS, dns).differences)).toEqual(["count dns"]);
  });

  it("GetForwarding's blank form rows are not counted in EmailCount, and a status is 0 or 1", () => {
    const forwarding = pageSample("get-forwarding");
    const blank = "<eforward><alias/><forward-to/><status/><rejectreason/><mailid/></eforward>";
    const withBlank = forwarding.replace("<EmailCount>", `${blank}<EmailCount>`);
    expect(compareReply(DOCUMENTED.GetForwarding, withBlank).differences).toEqual([]);
    const enabled = forwarding.replace("<status>0</status>", "<status>Enabled</status>");
    expect(kinds(compareReply(DOCUMENTED.GetForwarding, enabled).differences)).toEqual([
      "value eforward/status",
    ]);
  });

  it("errors that disagree with ErrCount, and a reply that is not eNom's", () => {
    const body = XML_SAMPLES["error-with-responses"].replace(
      "<ErrCount>1</ErrCount>",
      "<ErrCount>2</ErrCount>",
    );
    expect(kinds(compareReply(DOCUMENTED.GetPOP3, body).differences)).toEqual(["count errors"]);
    expect(
      kinds(compareReply(DOCUMENTED.GetPOP3, "<html><body>Service Unavailable</body></html>").differences),
    ).toEqual(["unreadable html"]);
    expect(kinds(compareReply(DOCUMENTED.GetPOP3, "Service Unavailable").differences)).toEqual([
      "unreadable ",
    ]);
  });

  it("a password left in a GetPOP3 reply", () => {
    const { differences } = compareReply(
      DOCUMENTED.GetPOP3,
      getPop3(DELL.replace("<password></password>", "<password>Qx7-secret1</password>")),
    );
    expect(kinds(differences)).toEqual(["secret pop/password"]);
  });
});

describe("nothing with a password is saved", () => {
  it("removes GetPOP3's passwords, Text and HTML password lines, and the secrets the check sent", () => {
    const xml = scrubReply(XML_SAMPLES["getpop3-online"], []);
    expect(xml.body).not.toContain("78910");
    expect(xml.found).toEqual(["<password>", "<password>"]);
    expect(readXml(xml.body).children.filter((c) => c.name === "pop")).toHaveLength(2);

    const text = scrubReply(
      "Username1=neil\r\nPassword1=Pass1w0rd\r\n<STRONG>Password2: </ STRONG>Other9-pw<br>\r\n",
      [],
    );
    expect(text.body).not.toMatch(/Pass1w0rd|Other9-pw/);

    const echoed = scrubReply("<Err1>Login resellid with Tok3n-secret refused</Err1>", ["Tok3n-secret"]);
    expect(echoed.body).toBe("<Err1>Login resellid with [redacted] refused</Err1>");
  });

  it("leaves a reply whose passwords are already gone as it is", () => {
    const body = getPop3(DELL);
    expect(scrubReply(body, ["resellpw"])).toEqual({ body, found: [] });
  });
});
