import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningSimulator, startEnomSimulator } from "@/lib/enom-sim/server";
import { formatStep, stepOk, type CheckReport } from "./report";
import { runEnomCheck, type CheckSettings } from "./run";
import { WriteRefused } from "./system";

/**
 * `npm run enom:check` against the simulator, read-only and with --write: every reply must match
 * eNom's documented shapes. And the check must notice a reply that does not, and refuse to write
 * to eNom's live system.
 */
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const WRITE_DOMAIN = "enom-email-example-123.com"; // seeds/002's domain: registered, no pak

let sim: RunningSimulator;
const outDirs: string[] = [];
const newOutDir = () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "enom-check-")), "out");
  outDirs.push(path.dirname(dir));
  return dir;
};

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
});
afterAll(async () => {
  await sim.close();
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

function settings(overrides: Partial<CheckSettings> = {}): CheckSettings & { lines: string[] } {
  const lines: string[] = [];
  return {
    baseUrl: sim.url,
    uid: "resellid",
    pw: "resellpw",
    domain: null,
    write: false,
    outDir: newOutDir(),
    endUserIp: "127.0.0.1",
    print: (line) => lines.push(line),
    lines,
    ...overrides,
  };
}

const failing = (report: CheckReport) => report.steps.filter((step) => !stepOk(step)).flatMap(formatStep);

/** No saved reply holds a password: no `<password>` value, no PasswordN line, not the eNom login. */
function expectNoPasswordsSaved(outDir: string) {
  const files = readdirSync(outDir);
  expect(files.filter((file) => file.endsWith(".xml")).length).toBeGreaterThan(0);
  for (const file of files) {
    const body = readFileSync(path.join(outDir, file), "utf8");
    expect(body, file).not.toMatch(/<password\d*>[^<]/i);
    expect(body, file).not.toMatch(/^\s*password\d*\s*[=:]\s*\S/im);
    expect(body, file).not.toContain("resellpw");
  }
}

describe("enom:check against the simulator", () => {
  it("read-only: every reply matches eNom's documented shape, and the unknowns say they need --write", async () => {
    const options = settings();
    const report = await runEnomCheck(options);

    expect(failing(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.steps.map((step) => step.command)).toEqual([
      "GetBalance",
      "GetDomains",
      "GetDomains",
      "GetPOPExpirations",
      "GetPOP3",
      "GetCatchAll",
      "GetPOPForwarding",
      "GetDNS",
      "GetMailHosts",
      "GetHosts",
      "GetForwarding",
      "GetPOP3", // a domain not in the account: eNom's error reply, 316153
    ]);
    expect(report.steps.at(-1)?.refusal).toEqual({ errors: ["Domain name not found"], numbers: [316153] });
    expect(options.lines).toContain(`All ${report.steps.length} replies match eNom's documented shapes.`);
    expect(options.lines.filter((line) => line.includes(": matches the documented shape ("))).toHaveLength(
      report.steps.length,
    );

    const byId = Object.fromEntries(report.unknowns.map((unknown) => [unknown.id, unknown]));
    expect(byId["token-length"]).toMatchObject({ status: "partly" });
    for (const id of [
      "partial-setup",
      "mailbox-grow",
      "growth-charge",
      "renew-mailbox-pak",
      "quantity-unit",
      "status-flags",
    ])
      expect(byId[id], id).toMatchObject({
        status: "open",
        answer: expect.stringContaining("Needs --write"),
      });

    expectNoPasswordsSaved(options.outDir);
    expect(JSON.parse(readFileSync(path.join(options.outDir, "report.json"), "utf8"))).toMatchObject({
      ok: true,
    });
  });

  it("--write: every write command matches, the unknowns are answered, and the test domain is left as it was", async () => {
    const options = settings({ write: true, domain: WRITE_DOMAIN });
    const report = await runEnomCheck(options);

    expect(failing(report)).toEqual([]);
    expect(report.ok).toBe(true);
    const commands = new Set(report.steps.map((step) => step.command));
    for (const command of [
      "PurchaseServices",
      "PurchasePOPBundle",
      "SetPakRenew",
      "SetUpPOP3User",
      "ModifyPOP3",
      "SetPOPForwarding",
      "GetPOPForwarding",
      "SetCatchAll",
      "RenewPOPBundle",
      "DeletePOP3",
      "DeletePOPPak",
      "DeleteAllPOPPaks",
    ])
      expect(commands, command).toContain(command);

    const statuses = Object.fromEntries(report.unknowns.map((unknown) => [unknown.id, unknown.status]));
    expect(statuses).toEqual({
      "partial-setup": "answered",
      "mailbox-grow": "answered",
      // The check's pak has whole years left: full years and proration cost the same on it.
      "growth-charge": "partly",
      "renew-mailbox-pak": "answered",
      "token-length": "partly",
      "quantity-unit": "partly",
      "status-flags": "partly",
    });

    const state = (await (await fetch(`${sim.origin}/_sim/state/domain/${WRITE_DOMAIN}`)).json()) as {
      paks: unknown[];
      mailboxes: unknown[];
    };
    expect(state.paks).toEqual([]);
    expect(state.mailboxes).toEqual([]);
    expectNoPasswordsSaved(options.outDir);
  });

  it("stops at a refused login and says what to fix, without saving the password", async () => {
    const options = settings({ pw: "Wrong-token-0123456789abcdef" });
    const report = await runEnomCheck(options);
    expect(report.ok).toBe(false);
    expect(report.steps.map((step) => step.command)).toEqual(["GetBalance"]);
    expect(report.steps[0]?.refusal?.numbers).toEqual([304155]);
    expect(report.notes).toEqual(["eNom refused the login: check ENOM_UID and ENOM_PW (or the API token)."]);
    expect(report.unknowns.find((unknown) => unknown.id === "token-length")?.answer).toContain(
      "refused the login with a 28-character ENOM_PW (304155)",
    );
    for (const file of readdirSync(options.outDir))
      expect(readFileSync(path.join(options.outDir, file), "utf8")).not.toContain("Wrong-token");
  });

  it("names a reply in another shape and fails the run (GetPOP3 as an <Emails> list)", async () => {
    const proxy = await rewritingProxy(sim.url, (command, body) =>
      command === "getpop3"
        ? body
            .replace(/<pop>/, "<Emails><Email>")
            .replace(/<\/pop>(?![\s\S]*<\/pop>)/, "</Email></Emails>")
            .replace(/<(\/?)pop>/g, "<$1Email>")
        : body,
    );
    try {
      const report = await runEnomCheck(settings({ baseUrl: proxy.url, domain: "resellerdocs.com" }));
      expect(report.ok).toBe(false);
      const getPop3 = report.steps.find((step) => step.command === "GetPOP3");
      expect(getPop3?.outcome).toBe("differs");
      expect(getPop3?.differences.map((d) => `${d.kind} ${d.path}`)).toEqual(["extra Emails", "count pop"]);
      // Mailpak's client does not read it as "no mailboxes": it says it cannot read it.
      expect(getPop3?.client).toMatch(/^could not read eNom's reply/);

      const cli = await runCli({ ENOM_BASE_URL: proxy.url }, ["--domain", "resellerdocs.com"]);
      expect(cli.code).toBe(1);
      expect(cli.stdout).toMatch(/GetPOP3 of resellerdocs\.com: DIFFERS from the documented shape/);
      expect(cli.stdout).toContain("extra: <Emails> is not in eNom's documents for this reply");
    } finally {
      await proxy.close();
    }
  });
});

describe("--write refuses eNom's live system", () => {
  it("before anything is sent or saved", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const options = settings({
      baseUrl: "https://reseller.enom.com/interface.asp",
      write: true,
      domain: "example.com",
    });
    await expect(runEnomCheck(options)).rejects.toThrow(WriteRefused);
    await expect(runEnomCheck(options)).rejects.toThrow(/eNom's LIVE system.*Nothing was sent/);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(existsSync(options.outDir)).toBe(false);
  });

  it("and says so from the command line, with exit code 2", async () => {
    const cli = await runCli({ ENOM_BASE_URL: "https://RESELLER.enom.com/interface.asp" }, [
      "--write",
      "--domain",
      "example.com",
    ]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(
      /^Refusing --write: ENOM_BASE_URL \(https:\/\/reseller\.enom\.com\) is eNom's LIVE system/,
    );
  });

  it("while eNom's test system and a simulator are allowed", async () => {
    const { assertWritable } = await import("./system");
    expect(() => assertWritable("https://resellertest.enom.com/interface.asp")).not.toThrow();
    expect(() => assertWritable("http://127.0.0.1:4000/interface.asp")).not.toThrow();
    expect(() => assertWritable("https://api.enom.com/interface.asp")).toThrow(WriteRefused);
  });
});

async function runCli(env: Record<string, string>, args: string[]) {
  const outDir = newOutDir();
  try {
    const { stdout, stderr } = await run(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/enom-check.ts", "--out", outDir, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ENOM_UID: "resellid", ENOM_PW: "resellpw", ...env },
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** An HTTP proxy to the simulator that rewrites replies, to stand in for an eNom that answers otherwise. */
async function rewritingProxy(target: string, rewrite: (command: string, body: string) => string) {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const form = Buffer.concat(chunks).toString("utf8");
      const command = new URLSearchParams(form).get("command")?.toLowerCase() ?? "";
      const upstream = await fetch(target, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form,
      });
      response.writeHead(upstream.status, { "content-type": "text/xml; charset=utf-8" });
      response.end(rewrite(command, await upstream.text()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/interface.asp`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
