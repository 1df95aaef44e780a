import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enomErrors } from "../errors";
import { RESELLER_API_TOKEN, RETAIL } from "../seed";
import {
  errorsOf,
  parseTextReply,
  parseXmlReply,
  repeatedItems,
  responsesOf,
  seededWorld,
  startTestSimulator,
  text,
  type TestSimulator,
  type XmlObject,
} from "../testing";

const world = seededWorld();
const reseller = [...world.domains.values()].filter((domain) => domain.account === "resellid");
const registered = reseller.filter((domain) => domain.status === "Registered");
const hosted = reseller.filter((domain) => domain.status === "DNSHosted");

let sim: TestSimulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(() => sim.close());

function getDomainsOf(reply: XmlObject): { list: XmlObject; domains: XmlObject[]; totals: XmlObject } {
  const container = reply.GetDomains;
  if (typeof container !== "object" || Array.isArray(container)) throw new Error("no GetDomains element");
  const list = container["domain-list"];
  if (typeof list !== "object" || Array.isArray(list)) throw new Error("no domain-list");
  return { list, domains: repeatedItems(list.domain), totals: container };
}

describe("GetDomains", () => {
  it("answers 25 registered domains by default, in GetDomains/domain-list/domain, with the totals", async () => {
    const { list, domains, totals } = getDomainsOf(await sim.ok("GetDomains"));
    expect(list["@type"]).toBe("Registered");
    expect(domains).toHaveLength(25);
    expect(domains[0]).toEqual({
      DomainNameID: expect.stringMatching(/^\d+$/) as unknown,
      sld: expect.any(String) as unknown,
      tld: expect.any(String) as unknown,
      "ns-status": expect.stringMatching(/^(YES|NO|NA)$/) as unknown,
      "expiration-date": expect.stringMatching(/^\d{1,2}\/\d{1,2}\/\d{4}$/) as unknown,
      "auto-renew": expect.stringMatching(/^(Yes|No)$/) as unknown,
      wppsstatus: "disabled",
      wppsexpdate: expect.stringMatching(/ [AP]M$/) as unknown,
      RRProcessor: "E",
    });
    expect(totals).toMatchObject({
      EndPosition: "25",
      PreviousRecords: "0",
      NextRecords: "26",
      StartPosition: "1",
      DomainCount: String(registered.length),
      TotalDomainCount: String(registered.length),
      Result: "True",
    });
    const names = domains.map((domain) => `${text(domain.sld)}.${text(domain.tld)}`);
    expect([...names].sort()).toEqual(names);
  });

  it("pages with Start and Display up to 100, NextRecords 0 on the last page", async () => {
    const second = getDomainsOf(await sim.ok("GetDomains", { Start: 26, Display: 25 }));
    expect(second.domains).toHaveLength(registered.length - 25);
    expect(second.totals).toMatchObject({ StartPosition: "26", PreviousRecords: "1", NextRecords: "0" });
    expect(getDomainsOf(await sim.ok("GetDomains", { Display: 100 })).domains).toHaveLength(
      registered.length,
    );
    expect(getDomainsOf(await sim.ok("GetDomains", { Display: 0 })).domains).toHaveLength(0);
    expect(await sim.refused("GetDomains", { Display: 101 })).toEqual([
      enomErrors.notWholeNumber("Display", 0, 100),
    ]);
    expect(await sim.refused("GetDomains", { Start: 10_001 })).toEqual([enomErrors.tooLong("Start", 4)]);
  });

  it("lists DNS-hosted domains with Tab=IHost, and only those", async () => {
    const { list, domains, totals } = getDomainsOf(
      await sim.ok("GetDomains", { Tab: "IHost", Display: 100 }),
    );
    expect(list["@type"]).toBe("Hosted");
    expect(domains.map((domain) => text(domain.sld)).sort()).toEqual(
      hosted.map((domain) => domain.sld).sort(),
    );
    expect(totals).toMatchObject({ tab: "IHost", TotalDomainCount: String(hosted.length) });
    expect(await sim.refused("GetDomains", { Tab: "WatchList" })).toEqual([
      enomErrors.notSimulated("GetDomains Tab=WatchList"),
    ]);
  });

  it("writes Text as its page's sample: sld1, ns-status1, count, no Result", async () => {
    const reply = parseTextReply(
      await (await sim.get("command=GetDomains&uid=resellid&pw=resellpw&Display=3")).text(),
    );
    expect(reply.get("count")).toBe("3");
    expect(reply.get("sld3")).toBeDefined();
    expect(reply.get("auto-renew1")).toMatch(/^(Yes|No)$/);
    expect(reply.has("Result")).toBe(false);
  });

  it("shows a retail account only its own domains", async () => {
    const { domains } = getDomainsOf(await sim.ok("GetDomains", { uid: RETAIL.uid, pw: RETAIL.pw }));
    expect(domains.map((domain) => text(domain.sld))).toEqual(["hilltop-pottery", "quiet-cove-books"]);
  });
});

describe("AdvancedDomainSearch", () => {
  const search = async (params: Record<string, string | number>) => {
    const reply = await sim.ok("AdvancedDomainSearch", params);
    const container = reply.DomainSearch;
    if (typeof container !== "object" || Array.isArray(container)) throw new Error("no DomainSearch");
    const list = container.Domains;
    const domains = typeof list === "object" && !Array.isArray(list) ? repeatedItems(list.Domain) : [];
    return { container, domains };
  };

  it("pages a large account 100 at a time with StartPosition, TotalResults and NextPosition", async () => {
    const big = await startTestSimulator({ domainCount: 10_000 });
    try {
      const first = await big.ok("AdvancedDomainSearch", {});
      const container = first.DomainSearch as XmlObject;
      const total = Number(text(container.TotalResults));
      expect(total).toBeGreaterThan(9_000);
      expect(repeatedItems((container.Domains as XmlObject).Domain)).toHaveLength(100);
      expect(text(container.NextPosition)).toBe("101");
      const last = (await big.ok("AdvancedDomainSearch", { StartPosition: total - 1 }))
        .DomainSearch as XmlObject;
      expect(repeatedItems((last.Domains as XmlObject).Domain)).toHaveLength(2);
      expect(text(last.NextPosition)).toBe("1");
      expect(await big.refused("AdvancedDomainSearch", { RecordsToReturn: 101 })).toEqual([
        enomErrors.notWholeNumber("RecordsToReturn", 1, 100),
      ]);
    } finally {
      await big.close();
    }
  });

  it("filters by HasPOPMail, the domains that have email", async () => {
    const withEmail = await search({ HasPOPMail: 1 });
    const expected = registered.filter((domain) => domain.paks.length > 0).length;
    expect(text(withEmail.container.TotalResults)).toBe(String(expected));
    expect(
      text(
        withEmail.container.SearchParams && (withEmail.container.SearchParams as XmlObject)["SP-HasPOPMail"],
      ),
    ).toBe("1");
    const without = await search({ HasPOPMail: 0 });
    expect(Number(text(without.container.TotalResults)) + expected).toBe(registered.length);
  });

  it("runs its page's example: names starting with r, no digits or dashes, by expiry", async () => {
    const { container, domains } = await search({
      SearchCriteria: "Start",
      SLD: "r",
      ExcludeNumbers: 1,
      ExcludeDashes: 1,
      OrderBy: "ExpDate",
    });
    expect(domains.map((domain) => text(domain.SLD))).toEqual(["resellerdocs"]);
    expect(domains[0]).toMatchObject({
      TLD: "com",
      DomainRegistrationStatus: "Registered",
      LoginID: "resellid",
    });
    const params = container.SearchParams as XmlObject;
    expect(params).toMatchObject({ "SP-SLD": "r", "SP-ExcludeNumbers": "True", "SP-OrderBy": "ExpDate" });
  });

  it("lists DNS-hosted domains with RegistrationStatus=Hosted", async () => {
    expect(text((await search({ RegistrationStatus: "Hosted" })).container.TotalResults)).toBe(
      String(hosted.length),
    );
  });

  it("refuses filters it cannot simulate rather than ignore them", async () => {
    expect(await sim.refused("AdvancedDomainSearch", { NameServer: "dns1.name-services.com" })).toEqual([
      enomErrors.notSimulated("AdvancedDomainSearch NameServer"),
    ]);
  });
});

describe("GetBalance", () => {
  it("answers Reseller, the balance with thousands commas, and DomainCount", async () => {
    expect(await sim.ok("GetBalance")).toMatchObject({
      Reseller: "1",
      Balance: "5,000.00",
      AvailableBalance: "5,000.00",
      DomainCount: String(reseller.length),
    });
    expect(await sim.ok("GetBalance", { uid: RETAIL.uid, pw: RETAIL.pw })).toMatchObject({
      Reseller: "0",
      Balance: "100.00",
    });
  });
});

describe("login and the request itself", () => {
  it.each([[{ pw: "wrong" }], [{ uid: "nobody" }], [{ pw: "" }], [{ pw: "RESELLPW" }]])(
    "refuses the login %j with eNom's 304155",
    async (login) => {
      const reply = await sim.call("GetBalance", login);
      expect(errorsOf(reply)).toEqual([enomErrors.badLogin]);
      expect(responsesOf(reply)).toEqual([
        { ResponseNumber: "304155", ResponseString: "Validation error; invalid ; loginid" },
      ]);
    },
  );

  it("takes an API token in place of the password, of any sensible length", async () => {
    expect(RESELLER_API_TOKEN).toHaveLength(40);
    await sim.ok("GetBalance", { pw: RESELLER_API_TOKEN });
    expect(await sim.refused("GetBalance", { pw: RESELLER_API_TOKEN.toLowerCase() })).toEqual([
      enomErrors.badLogin,
    ]);
    expect(await sim.refused("GetBalance", { pw: "p".repeat(257) })).toEqual([enomErrors.tooLong("PW", 256)]);
    expect(await sim.refused("GetBalance", { uid: "u".repeat(21) })).toEqual([enomErrors.tooLong("UID", 20)]);
  });

  it("takes the login ID in any casing", async () => {
    await sim.ok("GetBalance", { uid: "ResellID" });
  });

  it("answers an unknown or missing command in eNom's form, HTTP 200, echoing the name in Command", async () => {
    const unknown = await sim.call("PurchaseDomain");
    expect(errorsOf(unknown)).toEqual([enomErrors.unknownCommand]);
    expect(text(unknown.Command)).toBe("PURCHASEDOMAIN");
    const response = await sim.get("uid=resellid&pw=resellpw&responsetype=xml");
    expect(response.status).toBe(200);
    expect(errorsOf(parseXmlReply(await response.text()))).toEqual([enomErrors.noCommand]);
  });

  it("answers an unknown ResponseType in Text with an error", async () => {
    const response = await sim.get("command=GetBalance&uid=resellid&pw=resellpw&responsetype=json");
    expect(response.headers.get("content-type")).toContain("text/plain");
    const reply = parseTextReply(await response.text());
    expect(reply.get("ErrCount")).toBe("1");
    expect(reply.get("Err1")).toBe(enomErrors.badResponseType);
  });

  it("defaults to Text, and names parameters and values in any casing", async () => {
    const body = await (await sim.get("COMMAND=getbalance&UID=resellid&Pw=resellpw")).text();
    expect(body.startsWith(";URL Interface\r\n")).toBe(true);
    expect(parseTextReply(body).get("Balance")).toBe("5,000.00");
    const xml = await sim.get("command=GetBalance&uid=resellid&pw=resellpw&ResponseType=Xml");
    expect(xml.headers.get("content-type")).toContain("text/xml");
  });

  it("reads a POST form body, which wins over the query string", async () => {
    const response = await fetch(`${sim.simulator.url}?command=GetPOP3&sld=no-such-domain`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        uid: "resellid",
        pw: "resellpw",
        sld: "resellerdocs",
        tld: "com",
        responsetype: "xml",
      }).toString(),
    });
    const reply = parseXmlReply(await response.text());
    expect(errorsOf(reply)).toEqual([]);
    expect(text(reply.Command)).toBe("GETPOP3");
  });

  it("answers other methods and paths as a web server would, not as eNom", async () => {
    expect((await fetch(sim.simulator.url, { method: "PUT" })).status).toBe(405);
    expect((await fetch(`${sim.simulator.origin}/nothing-here`)).status).toBe(404);
    expect(
      (await fetch(`${sim.simulator.origin}/Interface.ASP?command=GetBalance&uid=resellid&pw=resellpw`))
        .status,
    ).toBe(200);
  });
});
