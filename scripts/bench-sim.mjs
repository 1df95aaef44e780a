#!/usr/bin/env node
/**
 * Benchmark of the eNom simulator (docs/benchmarks.md, "eNom simulator").
 *
 *   node scripts/bench-sim.mjs [--seconds 10] [--concurrency 16] [--domains 40]
 *
 * Bounded: each phase runs for --seconds (and at most 2,000,000 requests), on loopback, against
 * a simulator started in its own process on an ephemeral port (never 3000 or 4000), so the
 * simulator has one core to itself (Node runs its JavaScript on one thread) and this load
 * generator the other.
 *   1. GetPOP3 (XML) at 0 ms latency, keep-alive, N concurrent: requests per second, latency.
 *   2. Writes (SetPakRenew on and off, each saved with fsync before the reply) with a state file
 *      on disk: writes per second and latency.
 *   3. Start-up at 10,000 domains: seeding from scratch and reloading a saved state.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const MAX_REQUESTS = 2_000_000;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const SECONDS = option("seconds", 10);
const CONCURRENCY = option("concurrency", 16);
const DOMAINS = option("domains", 40);

/** Starts the CLI in its own process and waits for its one line. */
function startSimulator(args, env = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "lib/enom-sim/cli.ts", ...args], {
    cwd: REPO,
    env: { ...process.env, ENOM_SIM_PORT: "0", ENOM_SIM_LATENCY_MS: "0", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk.toString();
      const line = output.split("\n")[0];
      const url = /(http:\/\/\S+\/interface\.asp)/.exec(line)?.[1];
      if (output.includes("\n") && url) {
        const readyMs = Number(/ready in (\d+) ms/.exec(line)?.[1] ?? NaN);
        resolve({ child, url, line, wallMs: performance.now() - started, readyMs });
      }
    });
    child.on("exit", (code) => reject(new Error(`simulator exited with ${code}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", resolve);
    child.kill("SIGTERM");
  });
}

/** CPU seconds the process has used so far (Linux /proc), or null elsewhere. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function get(agent, url) {
  return new Promise((resolve) => {
    const outgoing = request(url, { agent }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () =>
        resolve({ ok: response.statusCode === 200 && body.includes("<ErrCount>0</ErrCount>"), body }),
      );
    });
    outgoing.on("error", () => resolve({ ok: false, body: "" }));
    outgoing.end();
  });
}

/** N workers sending back-to-back requests for `seconds`. */
async function load(urlFor, { seconds, concurrency, pid }) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let failures = 0;
  let sent = 0;
  const deadline = performance.now() + seconds * 1000;
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline && sent < MAX_REQUESTS) {
      const index = sent++;
      const at = performance.now();
      const { ok } = await get(agent, urlFor(index));
      latencies.push(performance.now() - at);
      if (!ok) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds(pid);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const percentile = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return {
    requests: latencies.length,
    failures,
    perSecond: Math.round(latencies.length / elapsed),
    p50Ms: Number(percentile(0.5).toFixed(2)),
    p99Ms: Number(percentile(0.99).toFixed(2)),
    serverCpuPercent:
      cpuBefore === null || cpuAfter === null ? null : Math.round(((cpuAfter - cpuBefore) / elapsed) * 100),
  };
}

function query(url, params) {
  return `${url}?${new URLSearchParams({ uid: "resellid", pw: "resellpw", responsetype: "xml", ...params }).toString()}`;
}

/** Every registered domain, 100 a page with AdvancedDomainSearch (GetDomains' Start stops at 9,999). */
async function domainsOf(url) {
  const agent = new Agent({ keepAlive: false });
  const domains = [];
  for (let start = 1; ;) {
    const { body } = await get(
      agent,
      query(url, { command: "AdvancedDomainSearch", StartPosition: String(start) }),
    );
    domains.push(
      ...[...body.matchAll(/<SLD>([^<]+)<\/SLD>\s*<TLD>([^<]+)<\/TLD>/g)].map((match) => ({
        sld: match[1],
        tld: match[2],
      })),
    );
    const next = Number(/<NextPosition>(\d+)<\/NextPosition>/.exec(body)?.[1] ?? "1");
    if (next <= start) return domains;
    start = next;
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), "enom-sim-bench-"));
  const results = {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model,
  };
  try {
    // 1. Reads.
    const reader = await startSimulator(["--memory", "--domains", String(DOMAINS)]);
    const domains = await domainsOf(reader.url);
    const urls = domains.map((domain) => query(reader.url, { command: "GetPOP3", ...domain }));
    await load((index) => urls[index % urls.length], {
      seconds: 1,
      concurrency: CONCURRENCY,
      pid: reader.child.pid,
    });
    results.getPop3 = {
      domains: domains.length,
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      ...(await load((index) => urls[index % urls.length], {
        seconds: SECONDS,
        concurrency: CONCURRENCY,
        pid: reader.child.pid,
      })),
    };
    await stop(reader.child);

    // 2. Writes, saved to disk before each reply.
    const writer = await startSimulator(["--reset", "--domains", String(DOMAINS)], {
      ENOM_SIM_STATE: join(folder, "writes.json"),
    });
    const toggle = (index) =>
      query(writer.url, {
        command: "SetPakRenew",
        sld: "resellerdocs",
        tld: "com",
        BundleID: "5134",
        AutoPakRenew: String(index % 2),
      });
    results.writes = {
      concurrency: 8,
      seconds: SECONDS,
      ...(await load(toggle, { seconds: SECONDS, concurrency: 8, pid: writer.child.pid })),
    };
    await stop(writer.child);

    // 3. Start-up at 10,000 domains: from the seed, then reloading a state file that has changes.
    const statePath = join(folder, "ten-thousand.json");
    const fresh = [];
    for (let run = 0; run < 3; run++) {
      const started = await startSimulator(["--reset", "--domains", "10000"], { ENOM_SIM_STATE: statePath });
      fresh.push(started);
      if (run === 2) {
        const agent = new Agent({ keepAlive: false });
        for (const domain of (await domainsOf(started.url)).slice(0, 500))
          await get(
            agent,
            query(started.url, { command: "SetCatchAll", ...domain, ForwardTo: "postmaster@example.org" }),
          );
      }
      await stop(started.child);
    }
    const reloads = [];
    for (let run = 0; run < 3; run++) {
      const started = await startSimulator([], { ENOM_SIM_STATE: statePath });
      reloads.push(started);
      await stop(started.child);
    }
    results.startup10k = {
      seedWorldMs: median(fresh.map((run) => run.readyMs)),
      processToReadyMs: Math.round(median(fresh.map((run) => run.wallMs))),
      reloadWorldMs: median(reloads.map((run) => run.readyMs)),
      reloadProcessToReadyMs: Math.round(median(reloads.map((run) => run.wallMs))),
      reloadedChangedDomains: Object.keys(JSON.parse(readFileSync(statePath, "utf8")).domains).length,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
