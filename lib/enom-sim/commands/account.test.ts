import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enomErrors } from "../errors";
import { RETAIL } from "../seed";
import {
  errorsOf,
  items,
  parseTextReply,
  parseXmlReply,
  startTestSimulator,
  text,
  type TestSimulator,
} from "../testing";

let sim: TestSimulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(() => sim.close());

describe("GetDomains", () => {
  it("lists the account's domains by name with their status", async () => {
    const reply = await sim.ok("GetDomains");
    const domains = items(reply.Domains, "Domain");
    expect(reply).toMatchObject({ DomainCount: "42", TotalDomainCount: "42", Start: "1", NextStart: "0" });
    const names = domains.map((domain) => `${text(domain.SLD)}.${text(domain.TLD)}`);
    expect([...names].sort()).toEqual(names);
    expect(domains.find((domain) => text(domain.SLD) === "resellerdocs")).toMatchObject({
      DomainNameID: "152533676",
      Status: "Registered",
    });
    expect(new Set(domains.map((domain) => text(domain.Status)))).toEqual(
      new Set(["Registered", "DNSHosted", "TransferPending"]),
    );
  });

  it("pages with Start and Display, NextStart 0 on the last page", async () => {
    const first = await sim.ok("GetDomains", { Display: 25 });
    expect(first).toMatchObject({ DomainCount: "25", NextStart: "26" });
    const second = await sim.ok("GetDomains", { Start: 26, Display: 25 });
    expect(second).toMatchObject({ DomainCount: "17", Start: "26", NextStart: "0" });
    expect(await sim.refused("GetDomains", { Display: 25_001 })).toEqual([
      enomErrors.notWholeNumber("Display", 1, 25_000),
    ]);
  });

  it("shows a retail account only its own domains", async () => {
    const reply = await sim.ok("GetDomains", { uid: RETAIL.uid, pw: RETAIL.pw });
    expect(items(reply.Domains, "Domain").map((domain) => text(domain.SLD))).toEqual([
      "hilltop-pottery",
      "quiet-cove-books",
    ]);
  });
});

describe("GetBalance", () => {
  it("answers the balance with two decimals", async () => {
    expect(await sim.ok("GetBalance")).toMatchObject({ Balance: "5000.00", AvailableBalance: "5000.00" });
    expect(await sim.ok("GetBalance", { uid: RETAIL.uid, pw: RETAIL.pw })).toMatchObject({
      Balance: "100.00",
    });
  });
});

describe("login and the request itself", () => {
  it.each([
    [{ pw: "wrong" }, enomErrors.badLogin],
    [{ uid: "nobody" }, enomErrors.badLogin],
    [{ pw: "" }, enomErrors.badLogin],
    [{ pw: "RESELLPW" }, enomErrors.badLogin],
    [{ uid: "u".repeat(21) }, enomErrors.tooLong("UID", 20)],
    [{ pw: "p".repeat(21) }, enomErrors.tooLong("PW", 20)],
  ])("refuses the login %j", async (login, error) => {
    expect(await sim.refused("GetBalance", login)).toEqual([error]);
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
    expect(parseTextReply(body).get("Balance")).toBe("5000.00");
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
