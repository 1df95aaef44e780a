import { describe, expect, it } from "vitest";
import { enomXml, fakeFetch, fixture, testClient } from "../__fixtures__/harness";
import { checkReplyShape } from "../check";
import { EnomUnavailable, EnomValidationError } from "../errors";

/**
 * GetHosts, SetHosts, GetMailHosts and GetDNS: the samples printed on their pages
 * (__fixtures__/pages/get-hosts.*, set-hosts.page.xml, get-mail-hosts.*, get-dns.*), verbatim, and
 * replies built with enomXml in the pages' shapes for what the samples do not show.
 */
const DOCS = "resellerdocs.com";

function answering(body: string) {
  const { fetch, sent } = fakeFetch(body);
  return { client: testClient(fetch, { readRetries: 0 }), sent };
}
const sentParams = (sent: ReturnType<typeof fakeFetch>["sent"]) => Object.fromEntries(sent[0]?.body ?? []);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a failure"),
    (e: unknown) => e,
  );

describe("GetHosts", () => {
  it("reads the page's XML sample: five records, MXPref only where eNom sent it", async () => {
    const { client, sent } = answering(fixture("pages/get-hosts.page.xml"));
    expect(await client.getHosts({ domain: DOCS })).toEqual({
      records: [
        { name: "@", type: "A", address: "66.150.5.189", mxPref: null, hostId: 18149735 },
        { name: "photos", type: "CNAME", address: "photos.msn.com.", mxPref: null, hostId: 18487894 },
        { name: "yahoo", type: "URL", address: "204.71.200.72", mxPref: null, hostId: 18487895 },
        { name: "msn", type: "FRAME", address: "http://www.msn.com", mxPref: null, hostId: 18487896 },
        { name: "mail", type: "MXE", address: "209.19.56.20", mxPref: 10, hostId: 18492166 },
      ],
      trackingKey: null,
    });
    expect(sentParams(sent)).toMatchObject({ command: "GetHosts", SLD: "resellerdocs", TLD: "com" });
  });

  it("reads the page's Text and HTML samples (HostName1, RecordType1 … HostCount 5)", async () => {
    for (const body of [fixture("pages/get-hosts.page.txt"), fixture("pages/get-hosts.page.html.txt")]) {
      const { records } = await answering(body).client.getHosts({ domain: DOCS });
      expect(records.map((r) => [r.name, r.type, r.mxPref, r.hostId])).toEqual([
        ["@", "A", 10, 19920062],
        ["photos", "CNAME", 10, 19987522],
        ["msn", "FRAME", 10, 19995603],
        ["mail", "MXE", 10, 20019927],
        ["yahoo", "URL", 10, 19987523],
      ]);
    }
  });

  it("a domain without records: DomainServices and no <host> is an empty list", async () => {
    const body = enomXml(
      "GetHosts",
      "<DomainServices><EmailForwarding>True</EmailForwarding><HostRecords>True</HostRecords></DomainServices>",
    );
    expect((await answering(body).client.getHosts({ domain: DOCS })).records).toEqual([]);
  });

  it.each([
    ["nothing of GetHosts' shape (never read as 'no records')", "<Result>1</Result>"],
    [
      "a <hosts> container",
      "<hosts><host><name>@</name><type>A</type><address>1.2.3.4</address></host></hosts>",
    ],
    [
      "HostCount above the records listed",
      "<host><name>@</name><type>A</type><address>1.2.3.4</address></host><HostCount>2</HostCount>",
    ],
    ["a record without an address", "<host><name>@</name><type>A</type></host><DomainServices/>"],
  ])("refuses %s as a form Mailpak does not understand", async (_, fields) => {
    const error = await failure(answering(enomXml("GetHosts", fields)).client.getHosts({ domain: DOCS }));
    expect(error).toBeInstanceOf(EnomUnavailable);
    expect(error).toMatchObject({ reason: "unrecognised", outcome: "unknown" });
  });

  it("keeps record types SetHosts cannot write, as eNom wrote them (upper-cased)", async () => {
    const body = enomXml(
      "GetHosts",
      "<host><name>_sip._tcp</name><type>srv</type><address>sip.example.net.</address></host><DomainServices/>",
    );
    expect((await answering(body).client.getHosts({ domain: DOCS })).records[0]?.type).toBe("SRV");
  });
});

describe("SetHosts", () => {
  const records = [
    { name: "@", type: "A", address: "66.150.5.189" },
    { name: "@", type: "MX", address: "mx.resellerdocs.com.cust.a.hostedemail.com.", mxPref: 10 },
    { name: "@", type: "TXT", address: "v=spf1 include:_spf.emfwd.name-services.com ~all" },
    { name: "k1._domainkey", type: "cname", address: "k1.resellerdocs.com.dkim.hostedemail.link." },
    { name: "_dmarc", type: "TXT", address: "v=DMARC1; p=none" },
  ];

  it("sends the whole list indexed from 1, MXPref only with MX; reads the page's sample reply", async () => {
    const { client, sent } = answering(fixture("pages/set-hosts.page.xml"));
    expect(await client.setHosts({ domain: DOCS, records })).toEqual({ trackingKey: null });
    expect(sentParams(sent)).toEqual(
      expect.objectContaining({
        command: "SetHosts",
        SLD: "resellerdocs",
        TLD: "com",
        HostName1: "@",
        RecordType1: "A",
        Address1: "66.150.5.189",
        RecordType2: "MX",
        MXPref2: "10",
        Address3: "v=spf1 include:_spf.emfwd.name-services.com ~all",
        HostName4: "k1._domainkey",
        RecordType4: "CNAME",
        HostName5: "_dmarc",
        Address5: "v=DMARC1; p=none",
      }),
    );
    expect(sent[0]?.body.has("MXPref1")).toBe(false);
    expect(sent[0]?.body.has("HostName6")).toBe(false);
  });

  it.each([
    ["an empty list (SetHosts would erase every record)", []],
    [
      "51 records (at most 50)",
      Array.from({ length: 51 }, (_, i) => ({ name: `h${i}`, type: "A", address: "10.0.0.1" })),
    ],
    ["a type SetHosts does not take", [{ name: "_sip._tcp", type: "SRV", address: "sip.example.net." }]],
    ["an A record without an IP address", [{ name: "@", type: "A", address: "example.com." }]],
    ["a TXT with a line break", [{ name: "@", type: "TXT", address: "v=spf1\n-all" }]],
    ["a host name with a space", [{ name: "my host", type: "A", address: "10.0.0.1" }]],
  ])("refuses %s before sending anything", async (_, list) => {
    const { client, sent } = answering(fixture("pages/set-hosts.page.xml"));
    expect(await failure(client.setHosts({ domain: DOCS, records: list }))).toBeInstanceOf(
      EnomValidationError,
    );
    expect(sent).toHaveLength(0);
  });

  it("takes exactly 50", async () => {
    const { client, sent } = answering(fixture("pages/set-hosts.page.xml"));
    const fifty = Array.from({ length: 50 }, (_, i) => ({ name: `h${i}`, type: "A", address: "10.0.0.1" }));
    await client.setHosts({ domain: DOCS, records: fifty });
    expect(sent[0]?.body.get("HostName50")).toBe("h49");
  });
});

describe("GetMailHosts", () => {
  it("the XML sample's empty ServiceSelect is 'not said'; its EmailForwarding False is read", async () => {
    expect(
      await answering(fixture("pages/get-mail-hosts.page.xml")).client.getMailHosts({ domain: DOCS }),
    ).toEqual({ serviceSelect: null, emailService: null, emailForwarding: false, trackingKey: null });
  });

  it("the HTML sample's ServiceSelect 1048 is no email", async () => {
    expect(
      await answering(fixture("pages/get-mail-hosts.page.html.txt")).client.getMailHosts({ domain: DOCS }),
    ).toEqual({
      serviceSelect: 1048,
      emailService: "no-email",
      emailForwarding: null,
      trackingKey: "129ba2a1-15df-4ce7-a8d8-79eed0b1822c",
    });
  });

  it("1114 is POP mail; a number the page does not list, or no ServiceSelect at all, is refused", async () => {
    const pop = answering(enomXml("GetMailHosts", "<ServiceSelect>1114</ServiceSelect>"));
    expect((await pop.client.getMailHosts({ domain: DOCS })).emailService).toBe("pop-mail");
    for (const fields of ["<ServiceSelect>2000</ServiceSelect>", "<ParkingEnabled>False</ParkingEnabled>"])
      expect(
        await failure(answering(enomXml("GetMailHosts", fields)).client.getMailHosts({ domain: DOCS })),
      ).toMatchObject({ reason: "unrecognised" });
  });
});

describe("GetDNS", () => {
  it("reads the page's XML and Text samples: eNom's five name servers, UseDNS, HostsNumLimit", async () => {
    for (const body of [fixture("pages/get-dns.page.xml"), fixture("pages/get-dns.page.txt")]) {
      expect(await answering(body).client.getDns({ domain: DOCS })).toMatchObject({
        nameServers: [1, 2, 3, 4, 5].map((n) => `dns${n}.name-services.com`),
        usesEnomNameServers: true,
        useDns: "default",
        hostsNumLimit: 15,
      });
    }
  });

  it("name servers elsewhere are not eNom's; a mix is not known", async () => {
    const elsewhere = enomXml("GetDNS", "<dns>NS1.Example.NET.</dns><dns>ns2.example.net</dns><UseDNS/>");
    expect(await answering(elsewhere).client.getDns({ domain: DOCS })).toMatchObject({
      nameServers: ["ns1.example.net", "ns2.example.net"],
      usesEnomNameServers: false,
      useDns: null,
    });
    const mixed = enomXml("GetDNS", "<dns>dns1.name-services.com</dns><dns>ns2.example.net</dns>");
    expect((await answering(mixed).client.getDns({ domain: DOCS })).usesEnomNameServers).toBeNull();
  });

  it("refuses a reply with neither <dns> nor UseDNS, and a Text reply whose NSCount disagrees", async () => {
    expect(
      await failure(
        answering(enomXml("GetDNS", "<RRPCodeGDNS>200</RRPCodeGDNS>")).client.getDns({ domain: DOCS }),
      ),
    ).toMatchObject({ reason: "unrecognised" });
    const text = fixture("pages/get-dns.page.txt").replace("NSCount=5", "NSCount=6");
    expect(await failure(answering(text).client.getDns({ domain: DOCS }))).toMatchObject({
      reason: "unrecognised",
    });
  });
});

describe("checkReplyShape", () => {
  it("says each page's XML sample matches its command", () => {
    const domain = DOCS;
    const records = [{ name: "@", type: "A", address: "66.150.5.189" }];
    for (const [command, file, input] of [
      ["GetHosts", "get-hosts.page.xml", { domain }],
      ["SetHosts", "set-hosts.page.xml", { domain, records }],
      ["GetMailHosts", "get-mail-hosts.page.xml", { domain }],
      ["GetDNS", "get-dns.page.xml", { domain }],
    ] as const)
      expect(checkReplyShape(command, fixture(`pages/${file}`), input), file).toMatchObject({
        outcome: "matches",
      });
  });
});
