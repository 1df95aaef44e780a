import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enomErrors } from "../errors";
import { ENOM_SPF, enomDkim, enomMx } from "../seed-hosts";
import {
  findDomain,
  parseTextReply,
  repeatedItems,
  seededWorld,
  startTestSimulator,
  text,
  texts,
  xmlLeaves,
  type TestSimulator,
} from "../testing";

/** eNom's page samples, kept with the client's fixtures (lib/enom/__fixtures__/pages). */
const pageSample = (file: string) =>
  readFileSync(new URL(`../../enom/__fixtures__/pages/${file}`, import.meta.url), "utf8");
/** A reply's own element paths (before `Command`), each once, in order. */
function ownPaths(body: string): string[] {
  const leaves = xmlLeaves(body);
  const at = leaves.findIndex(([path]) => path === "Command");
  return [...new Set(leaves.slice(0, at).map(([path]) => path))];
}

const DOCS = { sld: "resellerdocs", tld: "com" };
const world = seededWorld();
const GREEN = { sld: "bluebird-plumbing", tld: "net" };
const NOT_ON_ENOM = findDomain(
  world,
  (d) => d.nsStatus === "NO" && d.paks.length > 0,
  "email with DNS elsewhere",
);

let sim: TestSimulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(() => sim.close());

const hostsOf = async (domain: Record<string, string>) =>
  repeatedItems((await sim.ok("GetHosts", domain)).host).map((host) => ({
    name: text(host.name),
    type: text(host.type),
    address: text(host.address),
  }));

describe("GetHosts", () => {
  it("answers resellerdocs.com with GetHosts' sample records, in the sample's elements", async () => {
    const body = await (
      await sim.get("command=GetHosts&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&responsetype=xml")
    ).text();
    expect(ownPaths(body)).toEqual(ownPaths(pageSample("get-hosts.page.xml")));
    expect(xmlLeaves(body).slice(0, 4)).toEqual([
      ["host/name", "@"],
      ["host/type", "A"],
      ["host/address", "66.150.5.189"],
      ["host/hostid", "18149735"],
    ]);
  });

  it("answers Text with the sample's keys: HostName1 … MXPref1 … HostCount", async () => {
    const reply = parseTextReply(
      await (await sim.get("command=GetHosts&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com")).text(),
    );
    expect(reply.get("HostName5")).toBe("mail");
    expect(reply.get("RecordType5")).toBe("MXE");
    expect(reply.get("MXPref1")).toBe("10");
    expect(reply.get("hostid1")).toBe("18149735");
    expect(reply.get("HostCount")).toBe("5");
  });

  it("seeds eNom's mail records on an all-green domain, beside a website and an unrelated TXT", async () => {
    const domain = "bluebird-plumbing.net";
    expect(await hostsOf(GREEN)).toEqual([
      { name: "@", type: "A", address: expect.stringMatching(/^203\.0\.113\.\d+$/) as unknown },
      { name: "www", type: "CNAME", address: `${domain}.` },
      { name: "@", type: "TXT", address: expect.stringMatching(/^site-verification=/) as unknown },
      { name: "@", type: "MX", address: enomMx(domain) },
      { name: "@", type: "TXT", address: ENOM_SPF },
      { name: "k1._domainkey", type: "CNAME", address: enomDkim(domain, "k1") },
      { name: "k2._domainkey", type: "CNAME", address: enomDkim(domain, "k2") },
      { name: "_dmarc", type: "TXT", address: expect.stringMatching(/^v=DMARC1; /) as unknown },
    ]);
  });

  it("seeds every mail-health state: missing DKIM, no DMARC, MX elsewhere", async () => {
    const names = async (sld: string, tld: string) => (await hostsOf({ sld, tld })).map((h) => h.name);
    expect(await names("birch-brewing", "biz")).not.toContain("k1._domainkey");
    expect(await names("birch-brewing", "biz")).toContain("_dmarc");
    expect(await names("brightwater-tutoring", "co")).not.toContain("_dmarc");
    expect(await names("brightwater-tutoring", "co")).toContain("k2._domainkey");
    const mx = (await hostsOf({ sld: "bramble-builders", tld: "org" })).filter((h) => h.type === "MX");
    expect(mx.map((h) => h.address)).toEqual(["mx1.example.net.", "mx2.example.net."]);
  });

  it("refuses a domain whose DNS is not at eNom (the page's constraint)", async () => {
    expect(await sim.refused("GetHosts", { sld: NOT_ON_ENOM.sld, tld: NOT_ON_ENOM.tld })).toEqual([
      enomErrors.notOnEnomDns,
    ]);
  });
});

describe("SetHosts", () => {
  it("replaces every record with the ones sent; a record sent again keeps its id", async () => {
    const before = repeatedItems((await sim.ok("GetHosts", DOCS)).host);
    const reply = await sim.ok("SetHosts", {
      ...DOCS,
      HostName1: "@",
      RecordType1: "A",
      Address1: "66.150.5.189",
      HostName2: "@",
      RecordType2: "mx",
      Address2: "mx.resellerdocs.com.cust.a.hostedemail.com.",
      MXPref2: 5,
      HostName3: "_dmarc",
      RecordType3: "TXT",
      Address3: "v=DMARC1; p=none",
    });
    expect(text(reply.DomainRRP)).toBe("E");
    const after = repeatedItems((await sim.ok("GetHosts", DOCS)).host);
    expect(after.map((h) => [text(h.name), text(h.type), text(h.address), text(h.mxpref)])).toEqual([
      ["@", "A", "66.150.5.189", ""],
      ["@", "MX", "mx.resellerdocs.com.cust.a.hostedemail.com.", "5"],
      ["_dmarc", "TXT", "v=DMARC1; p=none", ""],
    ]);
    expect(text(after[0]?.hostid)).toBe(text(before[0]?.hostid));
    expect(new Set(after.map((h) => text(h.hostid))).size).toBe(3);
  });

  it("takes 50 records and refuses 51, a gap in the numbering, a bad type or address; nothing changes", async () => {
    const many = (count: number) =>
      Object.fromEntries(
        Array.from({ length: count }, (_, i) => [
          [`HostName${i + 1}`, `h${i + 1}`],
          [`RecordType${i + 1}`, "A"],
          [`Address${i + 1}`, "192.0.2.1"],
        ]).flat(),
      ) as Record<string, string>;
    expect(await sim.refused("SetHosts", { ...DOCS, ...many(51) })).toEqual([enomErrors.tooManyHosts(50)]);
    expect(
      await sim.refused("SetHosts", { ...DOCS, HostName2: "www", RecordType2: "A", Address2: "192.0.2.1" }),
    ).toEqual([enomErrors.indexGap("HostName", 1)]);
    expect(
      await sim.refused("SetHosts", { ...DOCS, HostName1: "@", RecordType1: "SRV", Address1: "x." }),
    ).toEqual([
      enomErrors.notPermitted("RecordType1", ["A", "AAAA", "CNAME", "URL", "FRAME", "MX", "MXE", "TXT"]),
    ]);
    expect(
      await sim.refused("SetHosts", { ...DOCS, HostName1: "@", RecordType1: "A", Address1: "host." }),
    ).toEqual([enomErrors.badHostAddress("host.", "A")]);
    expect(await hostsOf(DOCS)).toHaveLength(5);
    await sim.ok("SetHosts", { ...DOCS, ...many(50) });
    expect(await hostsOf(DOCS)).toHaveLength(50);
  });

  it("works whatever the name servers (its page lists no such constraint), and is saved as changed", async () => {
    const domain = { sld: NOT_ON_ENOM.sld, tld: NOT_ON_ENOM.tld };
    await sim.ok("SetHosts", { ...domain, HostName1: "@", RecordType1: "A", Address1: "192.0.2.7" });
    const truth = await sim.control(`/_sim/state/domain/${NOT_ON_ENOM.sld}.${NOT_ON_ENOM.tld}`);
    expect(truth.json).toMatchObject({ hosts: [{ name: "@", type: "A", address: "192.0.2.7" }] });
  });
});

describe("GetMailHosts", () => {
  it("says POP mail (1114) for a domain with a pak, no email (1048) without, listing the MX records", async () => {
    const green = await sim.ok("GetMailHosts", GREEN);
    expect(text(green.ServiceSelect)).toBe("1114");
    expect(
      repeatedItems((green.mailhosts as Record<string, never>).host).map((h) => text(h.Address)),
    ).toEqual([enomMx("bluebird-plumbing.net")]);
    expect(
      text((await sim.ok("GetMailHosts", { sld: "enom-email-example-123", tld: "com" })).ServiceSelect),
    ).toBe("1048");
  });

  it("has the page's elements", async () => {
    const body = await (
      await sim.get(
        "command=GetMailHosts&uid=resellid&pw=resellpw&sld=bluebird-plumbing&tld=net&responsetype=xml",
      )
    ).text();
    expect(ownPaths(body)).toEqual(ownPaths(pageSample("get-mail-hosts.page.xml")));
  });
});

describe("GetDNS", () => {
  it("lists eNom's name servers for a domain on its DNS, others elsewhere, in the page's elements", async () => {
    const body = await (
      await sim.get("command=GetDNS&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&responsetype=xml")
    ).text();
    expect(ownPaths(body)).toEqual(ownPaths(pageSample("get-dns.page.xml")));
    expect(texts((await sim.ok("GetDNS", DOCS)).dns)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `dns${n}.name-services.com`),
    );
    const elsewhere = await sim.ok("GetDNS", { sld: NOT_ON_ENOM.sld, tld: NOT_ON_ENOM.tld });
    expect(texts(elsewhere.dns)).toEqual(["ns1.example-dns.net", "ns2.example-dns.net"]);
  });

  it("is for reseller accounts only (its page)", async () => {
    expect(
      await sim.refused("GetDNS", { uid: "retailid", pw: "retailpw", sld: "hilltop-pottery", tld: "com" }),
    ).toEqual([enomErrors.resellerOnly]);
  });
});
