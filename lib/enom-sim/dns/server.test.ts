import { promises as dns } from "node:dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENOM_SPF, enomDkim, enomMx } from "../seed-hosts";
import { findDomain, seededWorld, startTestSimulator, type TestSimulator } from "../testing";

/**
 * The simulator's DNS server, asked the way the panel's checker asks: Node's resolver pointed at
 * it. It serves the host records of domains on eNom's DNS as they are at that moment.
 */
let sim: TestSimulator;
let resolver: dns.Resolver;
beforeAll(async () => {
  sim = await startTestSimulator({ dnsPort: 0 });
  resolver = new dns.Resolver({ timeout: 2_000, tries: 1 });
  resolver.setServers([`127.0.0.1:${sim.simulator.dnsPort ?? 0}`]);
});
afterAll(() => sim.close());

const GREEN = "bluebird-plumbing.net";
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a failure"),
    (e: unknown) => e,
  );

describe("the simulator's DNS server", () => {
  it("answers MX, TXT (SPF, DMARC) and the DKIM CNAMEs as the store holds them", async () => {
    expect(await resolver.resolveMx(GREEN)).toEqual([{ exchange: enomMx(GREEN).slice(0, -1), priority: 10 }]);
    const txt = (await resolver.resolveTxt(GREEN)).map((parts) => parts.join(""));
    expect(txt).toContain(ENOM_SPF);
    expect(txt.some((record) => record.startsWith("site-verification="))).toBe(true);
    expect((await resolver.resolveTxt(`_dmarc.${GREEN}`))[0]?.join("")).toMatch(/^v=DMARC1; p=quarantine/);
    expect(await resolver.resolveCname(`k1._domainkey.${GREEN}`)).toEqual([
      enomDkim(GREEN, "k1").slice(0, -1),
    ]);
    expect(await resolver.resolveCname(`k2._domainkey.${GREEN}`)).toEqual([
      enomDkim(GREEN, "k2").slice(0, -1),
    ]);
    expect(await resolver.resolve4(GREEN)).toEqual([expect.stringMatching(/^203\.0\.113\.\d+$/)]);
    expect(await resolver.resolveCname(`www.${GREEN}`)).toEqual([GREEN]);
    expect(await resolver.resolveNs(GREEN)).toContain("dns1.name-services.com");
  });

  it("serves a record changed by SetHosts at once, keeping what was sent with it", async () => {
    await sim.ok("SetHosts", {
      sld: "brightwater-tutoring",
      tld: "co",
      HostName1: "@",
      RecordType1: "A",
      Address1: "192.0.2.44",
      HostName2: "_dmarc",
      RecordType2: "TXT",
      Address2: "v=DMARC1; p=none",
      HostName3: "@",
      RecordType3: "MX",
      Address3: "mail", // a host of this domain, not fully qualified (set-hosts.md)
      MXPref3: 20,
    });
    expect(await resolver.resolve4("brightwater-tutoring.co")).toEqual(["192.0.2.44"]);
    expect(await resolver.resolveTxt("_dmarc.brightwater-tutoring.co")).toEqual([["v=DMARC1; p=none"]]);
    expect(await resolver.resolveMx("brightwater-tutoring.co")).toEqual([
      { exchange: "mail.brightwater-tutoring.co", priority: 20 },
    ]);
  });

  it("answers no DKIM where a domain has none, and nothing for a domain whose DNS is elsewhere", async () => {
    expect(await failure(resolver.resolveCname("k1._domainkey.birch-brewing.biz"))).toMatchObject({
      code: "ENOTFOUND",
    });
    expect(await failure(resolver.resolveTxt("_dmarc.brightwater-tutoring.co.example"))).toMatchObject({
      code: "ENOTFOUND",
    });
    const elsewhere = findDomain(seededWorld(), (d) => d.nsStatus === "NO" && d.paks.length > 0);
    expect(await failure(resolver.resolveMx(`${elsewhere.sld}.${elsewhere.tld}`))).toMatchObject({
      code: "ENOTFOUND",
    });
    // A name that exists with other types only: no data, not "no such name".
    expect(await failure(resolver.resolveMx(`_dmarc.${GREEN}`))).toMatchObject({ code: "ENODATA" });
  });

  it("answers long TXT records over TCP when UDP truncates", async () => {
    const long = `v=spf1 ${Array.from({ length: 40 }, (_, i) => `ip4:198.51.100.${i}`).join(" ")} ~all`;
    const records: Record<string, string> = {};
    for (let i = 1; i <= 3; i++) {
      records[`HostName${i}`] = "@";
      records[`RecordType${i}`] = "TXT";
      records[`Address${i}`] = `${long} ${i}`;
    }
    await sim.ok("SetHosts", { sld: "kettle-yoga", tld: "net", ...records });
    const txt = (await resolver.resolveTxt("kettle-yoga.net")).map((parts) => parts.join(""));
    expect(txt.sort()).toEqual([1, 2, 3].map((i) => `${long} ${i}`));
  });

  it("follows the world through a reset", async () => {
    await sim.control("/_sim/reset", { method: "POST", body: {} });
    expect(await resolver.resolve4("brightwater-tutoring.co")).not.toEqual(["192.0.2.44"]);
  });
});
