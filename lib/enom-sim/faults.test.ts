import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_FAULT_MESSAGE, FaultBook, faultDelayMs } from "./faults";
import {
  errorsOf,
  items,
  parseXmlReply,
  repeatedItems,
  responsesOf,
  startTestSimulator,
  text,
  type TestSimulator,
} from "./testing";

/** A GET on a fresh connection, so a dropped socket is seen as such (no pooled retry). */
function rawGet(
  url: string,
  timeoutMs = 2_000,
): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const outgoing = request(url, { agent: false, timeout: timeoutMs }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", (error) =>
        resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }),
      );
    });
    outgoing.on("timeout", () =>
      outgoing.destroy(Object.assign(new Error("timed out"), { code: "TIMEOUT" })),
    );
    outgoing.on("error", (error) =>
      resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }),
    );
    outgoing.end();
  });
}

const SET_RENEW_OFF =
  "command=SetPakRenew&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&BundleID=5134&AutoPakRenew=0&responsetype=xml";

let sim: TestSimulator;
let folder: string;
beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "enom-sim-faults-"));
  sim = await startTestSimulator({ statePath: join(folder, "state.json") });
});
afterEach(async () => {
  await sim.close();
  rmSync(folder, { recursive: true, force: true });
});

const arm = async (fault: Record<string, unknown>) => {
  const { status, json } = await sim.control("/_sim/faults", { method: "POST", body: fault });
  expect(status).toBe(200);
  return (json as { id: string }).id;
};
const autoRenew = async () => {
  const reply = await sim.ok("GetPOP3", { sld: "resellerdocs", tld: "com" });
  return text(items(reply.Paks, "Pak").find((pak) => text(pak.BundleId) === "5134")?.AutoRenew);
};
const lastCall = async () => {
  const { json } = await sim.control("/_sim/calls");
  return (json as { calls: Array<{ command: string; fault?: string; errCount: number }> }).calls.at(-1);
};

describe("faults", () => {
  it("latency: answers normally after the delay, other commands untouched", async () => {
    await arm({ command: "GETBALANCE", mode: "latency", latencyMs: 250 });
    let started = performance.now();
    expect(await sim.ok("GetBalance")).toMatchObject({ Balance: "5,000.00" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    started = performance.now();
    await sim.ok("GetPOP3", { sld: "resellerdocs", tld: "com" });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("latency past the client's patience: the client times out, and the change is still made", async () => {
    await arm({ command: "SetPakRenew", mode: "latency", latencyMs: 400, times: 1 });
    expect(await rawGet(`${sim.simulator.url}?${SET_RENEW_OFF}`, 100)).toEqual({ error: "TIMEOUT" });
    // The work goes on without the client, as on eNom's servers; its call is logged when done.
    while (!(await lastCall())?.command.startsWith("SETPAKRENEW"))
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await lastCall()).toMatchObject({ command: "SETPAKRENEW", fault: "latency", errCount: 0 });
    expect(await autoRenew()).toBe("0");
  });

  it("hang: never answers, and the change is not made", async () => {
    await arm({ command: "SetPakRenew", mode: "hang" });
    expect(await rawGet(`${sim.simulator.url}?${SET_RENEW_OFF}`, 300)).toEqual({ error: "TIMEOUT" });
    expect(await lastCall()).toMatchObject({ command: "SETPAKRENEW", fault: "hang" });
    await sim.control("/_sim/faults", { method: "DELETE" });
    expect(await autoRenew()).toBe("1");
  });

  it("http500: IIS's error page with status 500, nothing changes", async () => {
    await arm({ command: "SETPAKRENEW", mode: "http500" });
    const result = await rawGet(`${sim.simulator.url}?${SET_RENEW_OFF}`);
    expect(result).toMatchObject({ status: 500 });
    expect("body" in result && result.body).toContain("500 - Internal server error.");
    expect(await autoRenew()).toBe("1");
  });

  it("reset: the connection is dropped without a reply, nothing changes", async () => {
    await arm({ command: "SETPAKRENEW", mode: "reset" });
    expect(await rawGet(`${sim.simulator.url}?${SET_RENEW_OFF}`)).toEqual({ error: "ECONNRESET" });
    expect(await autoRenew()).toBe("1");
  });

  it("malformed: HTTP 200 with XML cut short, without Done, nothing changes", async () => {
    await arm({ command: "SETPAKRENEW", mode: "malformed" });
    const result = await rawGet(`${sim.simulator.url}?${SET_RENEW_OFF}`);
    expect(result).toMatchObject({ status: 200 });
    const body = "body" in result ? result.body : "";
    expect(body.startsWith("<?xml")).toBe(true);
    expect(XMLValidator.validate(body)).not.toBe(true);
    expect(body).not.toContain("<Done>");
    expect(await autoRenew()).toBe("1");
  });

  it("error: eNom's error form with the given (or a default) message, nothing changes", async () => {
    await arm({ command: "SETPAKRENEW", mode: "error", message: "Domain is locked", times: 1 });
    expect(errorsOf(parseXmlReply(await (await sim.get(SET_RENEW_OFF)).text()))).toEqual([
      "Domain is locked",
    ]);
    await arm({ command: "SETPAKRENEW", mode: "error", times: 1 });
    expect(errorsOf(parseXmlReply(await (await sim.get(SET_RENEW_OFF)).text()))).toEqual([
      DEFAULT_FAULT_MESSAGE,
    ]);
    expect(await lastCall()).toMatchObject({ errCount: 1, fault: "error" });
    expect(await autoRenew()).toBe("1");
  });

  it("partial: a batch's first user succeeds and the rest fail, counted as eNom counts them, no names", async () => {
    await arm({ command: "SETUPPOP3USER", mode: "partial" });
    const reply = await sim.call("SetUpPOP3User", {
      sld: "resellerdocs",
      tld: "com",
      BundleID: 5134,
      UserName1: "first",
      Password1: "Harbor-1Lantern",
      UserName2: "second",
      Password2: "Harbor-2Lantern",
      UserName3: "third",
      Password3: "Harbor-3Lantern",
    });
    expect(reply).toMatchObject({
      Success: "True",
      AccountsCreated: "1",
      AccountsFailed: "2",
      ErrCount: "2",
    });
    expect(errorsOf(reply)).toEqual([DEFAULT_FAULT_MESSAGE, DEFAULT_FAULT_MESSAGE]);
    expect(reply.FailedAccounts).toBeUndefined();
    expect(JSON.stringify(reply)).not.toMatch(/second|third/);
    const mailboxes = repeatedItems((await sim.ok("GetPOP3", { sld: "resellerdocs", tld: "com" })).pop);
    expect(mailboxes.map((mailbox) => text(mailbox.username))).toEqual(["john", "jane", "Jane.Doe", "first"]);
    await arm({ command: "GETBALANCE", mode: "partial", message: "Partial outage" });
    expect(await sim.refused("GetBalance")).toEqual(["Partial outage"]);
  });

  it.each([
    ["try-again-later", "Try again later", "20"],
    ["provisioning-lock", "Failed to obtain provisioning lock", "25"],
  ])("%s: eNom's transient email error %s (%s), nothing changes", async (mode, message, number) => {
    await arm({ command: "SETPAKRENEW", mode, times: 1 });
    const reply = parseXmlReply(await (await sim.get(SET_RENEW_OFF)).text());
    expect(errorsOf(reply)).toEqual([message]);
    expect(responsesOf(reply)).toEqual([{ ResponseNumber: number, ResponseString: message }]);
    expect(await lastCall()).toMatchObject({ fault: mode, errCount: 1 });
    expect(await autoRenew()).toBe("1");
  });

  it("commit-then-drop: the purchase is made and saved, the client only sees the connection die", async () => {
    await arm({ command: "PURCHASESERVICES", mode: "commit-then-drop", times: 1 });
    const purchase =
      "command=PurchaseServices&uid=resellid&pw=resellpw&service=pop3&sld=enom-email-example-123&tld=com&quantity=15&quantityunit=boxes";
    expect(await rawGet(`${sim.simulator.url}?${purchase}`)).toEqual({ error: "ECONNRESET" });
    expect(await lastCall()).toMatchObject({
      command: "PURCHASESERVICES",
      errCount: 0,
      fault: "commit-then-drop",
    });
    await sim.close();
    // A new simulator on the same state file: the dropped purchase is there, paid for.
    sim = await startTestSimulator({ statePath: join(folder, "state.json") });
    const paks = items((await sim.ok("GetPOP3", { sld: "enom-email-example-123", tld: "com" })).Paks, "Pak");
    expect(paks.map((pak) => text(pak.BundleId))).toEqual(["1004279"]);
    expect(await sim.ok("GetBalance")).toMatchObject({ Balance: "4,985.00" });
  });

  it("applies to the next N calls only, a named command before '*', and can be removed by id", async () => {
    const everything = await arm({ command: "*", mode: "error", message: "everything" });
    await arm({ command: "GETBALANCE", mode: "error", message: "balance only", times: 1 });
    expect(await sim.refused("GetBalance")).toEqual(["balance only"]);
    expect(await sim.refused("GetBalance")).toEqual(["everything"]);
    expect(await sim.refused("GetDomains")).toEqual(["everything"]);
    const listed = (await sim.control("/_sim/faults")).json as { faults: Array<{ id: string }> };
    expect(listed.faults.map((fault) => fault.id)).toEqual([everything]);
    expect((await sim.control(`/_sim/faults/${everything}`, { method: "DELETE" })).status).toBe(200);
    expect((await sim.control(`/_sim/faults/${everything}`, { method: "DELETE" })).status).toBe(404);
    await sim.ok("GetBalance");
  });

  it("refuses a fault it does not know", async () => {
    expect(
      (await sim.control("/_sim/faults", { method: "POST", body: { command: "GETPOP3", mode: "explode" } }))
        .status,
    ).toBe(400);
    expect(
      (await sim.control("/_sim/faults", { method: "POST", body: { command: "GETPOPP3", mode: "error" } }))
        .status,
    ).toBe(400);
    expect(
      (
        await sim.control("/_sim/faults", {
          method: "POST",
          body: { command: "getpop3", mode: "error", times: 0 },
        })
      ).status,
    ).toBe(400);
  });
});

describe("FaultBook", () => {
  it("spreads latency within ± jitter and never below zero", () => {
    const fault = new FaultBook().add({ command: "*", mode: "latency", latencyMs: 100, jitterMs: 50 });
    expect(faultDelayMs(fault, () => 0)).toBe(50);
    expect(faultDelayMs(fault, () => 1)).toBe(150);
    expect(faultDelayMs({ ...fault, latencyMs: 10 }, () => 0)).toBe(0);
  });
});

describe("eNom's IP allow-list (713254)", () => {
  it("refuses a caller whose address is not allowed, after the login, and lets it in once allowed", async () => {
    const closed = await startTestSimulator({ allowedIps: ["203.0.113.9"] });
    try {
      const reply = await closed.call("GetBalance");
      expect(errorsOf(reply)).toEqual(["User not permitted from this IP address - 127.0.0.1"]);
      expect(responsesOf(reply)).toEqual([
        { ResponseNumber: "713254", ResponseString: "Policy error; unauthorized; user(s)" },
      ]);
      // A bad login is still a bad login.
      expect(errorsOf(await closed.call("GetBalance", { pw: "wrong" }))).toEqual([
        "Bad User name or Password",
      ]);
      const opened = await closed.control("/_sim/allowed-ips", {
        method: "POST",
        body: { ips: ["127.0.0.1"] },
      });
      expect(opened).toEqual({ status: 200, json: { ips: ["127.0.0.1"] } });
      await closed.ok("GetBalance");
      await closed.control("/_sim/allowed-ips", { method: "POST", body: { ips: [] } });
      expect(errorsOf(await closed.call("GetBalance"))).toHaveLength(1);
      await closed.control("/_sim/allowed-ips", { method: "POST", body: { ips: null } });
      await closed.ok("GetBalance");
    } finally {
      await closed.close();
    }
  });
});

describe("baseline latency (ENOM_SIM_LATENCY_MS)", () => {
  it("is added to every call", async () => {
    const slow = await startTestSimulator({ latencyMs: 150 });
    try {
      const started = performance.now();
      await slow.ok("GetBalance");
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await slow.close();
    }
  });
});
