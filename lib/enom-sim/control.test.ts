import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isLoopback } from "./http-io";
import { startTestSimulator, type TestSimulator } from "./testing";

interface Call {
  seq: number;
  at: string;
  command: string;
  method: string;
  format: string;
  params: Record<string, string>;
  errCount: number;
}

let sim: TestSimulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(() => sim.close());

const calls = async (query = "") =>
  ((await sim.control(`/_sim/calls${query}`)).json as { calls: Call[] }).calls;

describe("/_sim/calls", () => {
  it("logs each call with its parameters, credentials and passwords redacted", async () => {
    await sim.call("SetUpPOP3User", {
      sld: "resellerdocs",
      tld: "com",
      BundleID: 5134,
      UserName1: "james",
      Password1: "Secret123",
      password: "x",
    });
    await sim.call("RenewPOPBundle", {
      sld: "resellerdocs",
      tld: "com",
      PakID: 5134,
      Quantity: 1,
      UseCreditCard: "yes",
      CreditCardNumber: "4111111111111111",
      CVV2: "123",
    });
    const [setup, renew] = await calls();
    expect(setup).toMatchObject({
      seq: 1,
      command: "SETUPPOP3USER",
      method: "GET",
      format: "xml",
      errCount: 0,
    });
    expect(setup?.params).toEqual({
      command: "SetUpPOP3User",
      uid: "[redacted]",
      pw: "[redacted]",
      responsetype: "xml",
      sld: "resellerdocs",
      tld: "com",
      BundleID: "5134",
      UserName1: "james",
      Password1: "[redacted]",
      password: "[redacted]",
    });
    expect(renew).toMatchObject({ command: "RENEWPOPBUNDLE", errCount: 1 });
    expect(renew?.params).toMatchObject({ CreditCardNumber: "[redacted]", CVV2: "[redacted]" });
    expect(JSON.stringify(await calls())).not.toMatch(/resellpw|Secret123|4111/);
  });

  it("filters by command (any casing) and by sequence number, and clears", async () => {
    await sim.call("GetBalance");
    await sim.call("GetPOP3", { sld: "resellerdocs", tld: "com" });
    await sim.call("GetBalance");
    expect((await calls("?command=getbalance")).map((call) => call.seq)).toEqual([1, 3]);
    expect((await calls("?since=1")).map((call) => call.command)).toEqual(["GETPOP3", "GETBALANCE"]);
    expect((await sim.control("/_sim/calls", { method: "DELETE" })).status).toBe(200);
    expect(await calls()).toEqual([]);
    await sim.call("GetBalance");
    expect((await calls()).map((call) => call.seq)).toEqual([4]);
  });

  it("logs POST calls with their body parameters", async () => {
    await fetch(sim.simulator.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "command=GetBalance&uid=resellid&pw=resellpw",
    });
    expect(await calls()).toMatchObject([
      { command: "GETBALANCE", method: "POST", format: "text", params: { uid: "[redacted]" } },
    ]);
  });
});

describe("/_sim/counters", () => {
  it("counts calls by command until cleared", async () => {
    await sim.call("GetBalance");
    await sim.call("GetBalance");
    await sim.call("GetPOP3", { sld: "resellerdocs", tld: "com" });
    expect((await sim.control("/_sim/counters")).json).toEqual({
      total: 3,
      byCommand: { GETBALANCE: 2, GETPOP3: 1 },
    });
    await sim.control("/_sim/counters", { method: "DELETE" });
    expect((await sim.control("/_sim/counters")).json).toEqual({ total: 0, byCommand: {} });
  });
});

describe("/_sim/reset", () => {
  it("brings back the seeded world with an empty log and no faults", async () => {
    await sim.ok("SetUpPOP3User", {
      sld: "resellerdocs",
      tld: "com",
      BundleID: 5134,
      UserName1: "james",
      Password1: "Secret123",
    });
    await sim.control("/_sim/faults", {
      method: "POST",
      body: { command: "*", mode: "latency", latencyMs: 1 },
    });
    const { json } = await sim.control("/_sim/reset", { method: "POST" });
    expect(json).toMatchObject({ ok: true, domains: 44 });
    expect(await calls()).toEqual([]);
    expect((await sim.control("/_sim/faults")).json).toEqual({ faults: [] });
    expect((await sim.control("/_sim/counters")).json).toEqual({ total: 0, byCommand: {} });
    expect(await sim.ok("GetPOP3", { sld: "resellerdocs", tld: "com" })).toMatchObject({ EmailCount: "0" });
  });

  it("can reseed with another number of generated domains", async () => {
    expect(
      (await sim.control("/_sim/reset", { method: "POST", body: { domainCount: 5 } })).json,
    ).toMatchObject({ domains: 9 });
    expect(await sim.ok("GetDomains")).toMatchObject({ TotalDomainCount: "7" });
    expect((await sim.control("/_sim/reset", { method: "POST", body: { domainCount: -1 } })).status).toBe(
      400,
    );
  });
});

describe("/_sim/balance, /_sim/state, /_sim/health", () => {
  it("sets and reads the balance", async () => {
    expect((await sim.control("/_sim/balance", { method: "POST", body: { balance: 12.5 } })).json).toEqual({
      uid: "resellid",
      balance: "12.50",
    });
    expect(await sim.ok("GetBalance")).toMatchObject({ Balance: "12.50" });
    expect((await sim.control("/_sim/balance?uid=retailid")).json).toEqual({
      uid: "retailid",
      balance: "100.00",
    });
    expect((await sim.control("/_sim/balance", { method: "POST", body: { balance: -1 } })).status).toBe(400);
    expect(
      (await sim.control("/_sim/balance", { method: "POST", body: { balance: 1, uid: "nobody" } })).status,
    ).toBe(404);
  });

  it("tells the truth about one domain, without any password", async () => {
    await sim.ok("SetUpPOP3User", {
      sld: "resellerdocs",
      tld: "com",
      BundleID: 5134,
      UserName1: "james",
      Password1: "Secret123",
      IsAdmin1: 1,
    });
    const { status, json } = await sim.control("/_sim/state/domain/ResellerDocs.com");
    expect(status).toBe(200);
    expect(json).toMatchObject({
      domain: "resellerdocs.com",
      status: "Registered",
      catchAll: "",
      paks: [
        {
          bundleId: 5134,
          qtyPurchased: 10,
          qtyAvailable: 9,
          quotaMb: 1024,
          expDate: "2026-04-11",
          expired: false,
          autoRenew: true,
        },
      ],
      mailboxes: [{ userName: "james", isAdmin: true, bundleId: 5134, forwardTo: "" }],
    });
    expect(JSON.stringify(json)).not.toContain("Secret123");
    expect((await sim.control("/_sim/state/domain/nowhere.com")).status).toBe(404);
  });

  it("answers health, and 404 or 400 for what it does not understand", async () => {
    expect((await sim.control("/_sim/health")).json).toMatchObject({
      ok: true,
      domains: 44,
      generatedDomains: 40,
    });
    expect((await sim.control("/_sim/nothing")).status).toBe(404);
    const badJson = await fetch(`${sim.simulator.origin}/_sim/faults`, { method: "POST", body: "{not json" });
    expect(badJson.status).toBe(400);
  });
});

describe("loopback only", () => {
  it("recognises loopback addresses", () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopback("10.0.0.5")).toBe(false);
    expect(isLoopback("::ffff:192.168.1.2")).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });
});
