import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { settingsFrom } from "./cli-settings";
import { errorsOf, items, parseXmlReply, repeatedItems, text } from "./testing";

/**
 * The CLI as `npm run sim` runs it, in a child process: one line at start, clean stop on
 * SIGTERM, and a state file that survives kill -9 — even in the middle of a burst of writes.
 */
const REPO = join(__dirname, "..", "..");

interface Started {
  child: ChildProcess;
  url: string;
  line: string;
}

function runCli(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "lib/enom-sim/cli.ts", ...args], {
    cwd: REPO,
    env: { ...process.env, ENOM_SIM_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function startCli(args: string[], env: Record<string, string>): Promise<Started> {
  const child = runCli(args, env);
  return new Promise((resolve, reject) => {
    let output = "";
    let errors = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n")[0] ?? "";
      const url = /(http:\/\/\S+\/interface\.asp)/.exec(line)?.[1];
      if (output.includes("\n") && url) resolve({ child, url, line });
    });
    child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`the simulator exited (${code}): ${errors}`)));
  });
}

function exited(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stderr })));
}

/** A GET on its own connection; resolves with the body or null when the connection died. */
function get(url: string): Promise<string | null> {
  return new Promise((resolve) => {
    const outgoing = request(url, { agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve(body));
      response.on("error", () => resolve(null));
    });
    outgoing.on("error", () => resolve(null));
    outgoing.end();
  });
}

let folder: string;
let statePath: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "enom-sim-cli-"));
  statePath = join(folder, "enom-sim.json");
});
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(folder, { recursive: true, force: true });
});

async function start(args: string[] = [], env: Record<string, string> = {}): Promise<Started> {
  const started = await startCli(args, { ENOM_SIM_STATE: statePath, ...env });
  children.push(started.child);
  return started;
}

const query = (url: string, params: Record<string, string | number>) =>
  `${url}?${new URLSearchParams({ uid: "resellid", pw: "resellpw", responsetype: "xml", ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) }).toString()}`;

describe("npm run sim", () => {
  it("prints one line with the URL and the account, and stops cleanly on SIGTERM", async () => {
    const { child, url, line } = await start(["--domains", "12"]);
    expect(line).toMatch(
      /^eNom simulator at http:\/\/127\.0\.0\.1:\d+\/interface\.asp — account resellid\/resellpw/,
    );
    expect(line).toContain("16 domains");
    expect(await get(query(url, { command: "GetBalance" }))).toContain("<Balance>5,000.00</Balance>");
    const done = exited(child);
    child.kill("SIGTERM");
    expect(await done).toMatchObject({ code: 0 });
  });

  it("keeps what it acknowledged across kill -9, even mid-burst, and restarts from a whole file", async () => {
    const first = await start();
    const purchase = parseXmlReply(
      (await get(
        query(first.url, {
          command: "PurchaseServices",
          service: "pop3",
          sld: "enom-email-example-123",
          tld: "com",
          quantity: 999,
          quantityunit: "boxes",
        }),
      )) ?? "",
    );
    expect(errorsOf(purchase)).toEqual([]);
    const bundleId = text(repeatedItems(purchase.Bundles)[0]?.BundleID);
    // A burst of writes, killed once 30 of them have been answered.
    let answered = 0;
    const writes = Array.from({ length: 300 }, (_, index) =>
      get(
        query(first.url, {
          command: "SetUpPOP3User",
          sld: "enom-email-example-123",
          tld: "com",
          BundleID: bundleId,
          UserName1: `user${index}`,
          Password1: "Secret-123x",
        }),
      ).then((body) => {
        if (body !== null) answered++;
        return body;
      }),
    );
    while (answered < 30) await new Promise((resolve) => setTimeout(resolve, 2));
    first.child.kill("SIGKILL");
    const replies = await Promise.all(writes);
    const acknowledged = replies.flatMap((body, index) =>
      body !== null && errorsOf(parseXmlReply(body)).length === 0 ? [`user${index}`] : [],
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
    expect(
      replies.some((body) => body === null),
      "some writes were cut off by the kill",
    ).toBe(true);

    expect(() => JSON.parse(readFileSync(statePath, "utf8")) as unknown).not.toThrow();
    const second = await start();
    const reply = parseXmlReply(
      (await get(query(second.url, { command: "GetPOP3", sld: "enom-email-example-123", tld: "com" }))) ?? "",
    );
    const present = new Set(repeatedItems(reply.pop).map((mailbox) => text(mailbox.username)));
    for (const userName of acknowledged) expect(present.has(userName), userName).toBe(true);
    expect(text(items(reply.Paks, "Pak")[0]?.BundleId)).toBe(bundleId);
  });

  it("refuses a corrupt state file with a clear message, and starts over with --reset", async () => {
    writeFileSync(statePath, "{ half a file");
    const refused = exited(runCli([], { ENOM_SIM_STATE: statePath }));
    const { code, stderr } = await refused;
    expect(code).toBe(1);
    expect(stderr).toContain(`The simulator's state file ${statePath} cannot be used: it is not valid JSON`);
    expect(stderr).toContain("--reset");
    await start(["--reset"]);
    expect(JSON.parse(readFileSync(statePath, "utf8"))).toMatchObject({ domains: {} });
  });

  it("writes no file with --memory, and rejects an unknown option", async () => {
    const { line } = await start(["--memory"]);
    expect(line).toContain("in memory");
    expect(existsSync(statePath)).toBe(false);
    const { code, stderr } = await exited(runCli(["--frobnicate"], {}));
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option --frobnicate");
  });
});

describe("settingsFrom", () => {
  it("reads the environment, then the flags", () => {
    expect(settingsFrom([], {})).toEqual({
      port: 4000,
      host: "127.0.0.1",
      statePath: "./data/enom-sim.json",
      domainCount: 40,
      latencyMs: 0,
      reset: false,
      legacyPasswords: false,
      allowedIps: null,
      dnsPort: null,
    });
    expect(
      settingsFrom(["--port", "4100", "--domains", "10000", "--reset", "--memory", "--legacy-passwords"], {
        ENOM_SIM_DNS_PORT: "5354",
        ENOM_SIM_PORT: "4001",
        ENOM_SIM_HOST: "0.0.0.0",
        ENOM_SIM_STATE: "/tmp/x.json",
        ENOM_SIM_DOMAINS: "5",
        ENOM_SIM_LATENCY_MS: "150",
        ENOM_SIM_ALLOWED_IPS: "203.0.113.9, 198.51.100.2",
      }),
    ).toEqual({
      port: 4100,
      host: "0.0.0.0",
      statePath: null,
      domainCount: 10_000,
      latencyMs: 150,
      reset: true,
      legacyPasswords: true,
      allowedIps: ["203.0.113.9", "198.51.100.2"],
      dnsPort: 5354,
    });
    expect(settingsFrom(["--dns-port", "0"], {}).dnsPort).toBe(0);
    expect(settingsFrom([], { ENOM_SIM_LEGACY_PASSWORDS: "1" }).legacyPasswords).toBe(true);
  });

  it("explains a bad value", () => {
    expect(() => settingsFrom(["--port", "http"], {})).toThrow(
      '--port must be a whole number from 0 to 65535 (got "http")',
    );
    expect(() => settingsFrom([], { ENOM_SIM_DOMAINS: "200000" })).toThrow(/ENOM_SIM_DOMAINS/);
    expect(() => settingsFrom(["--domains"], {})).toThrow("--domains needs a value");
    expect(() => settingsFrom([], { ENOM_SIM_LEGACY_PASSWORDS: "yes" })).toThrow(/ENOM_SIM_LEGACY_PASSWORDS/);
  });
});
