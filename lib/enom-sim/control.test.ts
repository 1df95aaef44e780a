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
      Password1: "Secret-123x",
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
    expect(JSON.stringify(await calls())).not.toMatch(/resellpw|Secret-123x|4111/);
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
      Password1: "Secret-123x",
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
    expect(await sim.ok("GetPOP3", { sld: "resellerdocs", tld: "com" })).toMatchObject({ EmailCount: "3" });
  });

  it("can reseed with another number of generated domains", async () => {
    expect(
      (await sim.control("/_sim/reset", { method: "POST", body: { domainCount: 5 } })).json,
    ).toMatchObject({ domains: 9 });
    expect(await sim.ok("GetBalance")).toMatchObject({ DomainCount: "7" });
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
    await sim.control("/_sim/balance", { method: "POST", body: { balance: "12345.6" } });
    expect(await sim.ok("GetBalance")).toMatchObject({ Balance: "12,345.60" });
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
      Password1: "Secret-123x",
      IsAdmin1: 1,
      DisplayName1: "James Doe",
    });
    const { status, json } = await sim.control("/_sim/state/domain/ResellerDocs.com");
    expect(status).toBe(200);
    expect(json).toMatchObject({
      domain: "resellerdocs.com",
      status: "Registered",
      nsStatus: "YES",
      catchAll: "info@resellerdocs.com",
      forwards: [{ userName: "Jane.Doe", forwardTo: "jane@example.net", statusFlags: "" }],
    });
    const truth = json as { paks: unknown[]; mailboxes: Array<Record<string, unknown>> };
    expect(truth.paks[1]).toMatchObject({
      bundleId: 5134,
      qtyPurchased: 10,
      qtyAvailable: 9,
      quotaMb: 1024,
      expDate: "2026-04-11",
      expired: false,
      autoRenew: true,
    });
    expect(truth.mailboxes.at(-1)).toEqual({
      userName: "james",
      displayName: "James Doe",
      bundleId: 5134,
      isAdmin: true,
      forwardTo: "",
      passwordSetAt: "2025-06-15T10:00:00.000Z",
      createdOn: "2025-06-15",
      quotaUsedMb: 0,
    });
    expect(truth.mailboxes.find((mailbox) => mailbox.userName === "Jane.Doe")).toMatchObject({
      forwardTo: "jane@example.net",
    });
    // GetPOP3 shows every password in clear, as eNom's does; the control API none of them.
    const getPop3 = await (
      await sim.get("command=GetPOP3&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&responsetype=xml")
    ).text();
    const passwords = [...getPop3.matchAll(/<password>([^<]+)<\/password>/g)].map((match) => match[1] ?? "");
    expect(passwords).toHaveLength(4);
    for (const password of passwords) expect(JSON.stringify(json)).not.toContain(password);
    expect(JSON.stringify(json)).not.toMatch(/"password"/);
    expect((await sim.control("/_sim/state/domain/nowhere.com")).status).toBe(404);
  });

  it("sets and reads the IP allow-list, and a reset restores the one it started with", async () => {
    expect((await sim.control("/_sim/allowed-ips")).json).toEqual({ ips: null });
    expect(
      (await sim.control("/_sim/allowed-ips", { method: "POST", body: { ips: ["203.0.113.9"] } })).json,
    ).toEqual({
      ips: ["203.0.113.9"],
    });
    expect((await sim.refused("GetBalance"))[0]).toMatch(/^User not permitted from this IP address/);
    expect((await sim.control("/_sim/allowed-ips", { method: "POST", body: { ips: "all" } })).status).toBe(
      400,
    );
    await sim.control("/_sim/reset", { method: "POST" });
    expect((await sim.control("/_sim/allowed-ips")).json).toEqual({ ips: null });
    await sim.ok("GetBalance");
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
