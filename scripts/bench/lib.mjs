// What every panel benchmark needs: a simulator, a production panel on a fresh database, a
// signed-in session, the panel's memory, and percentiles. Loopback only; ports from the caller.
import { stopEmbeddedPostgres } from "../lib/embedded-postgres.mjs";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { root } from "../lib/ensure.mjs";
import { simulatorPanelEnv } from "../lib/panel-env.mjs";
import { startProcess, stopProcess, waitForUrl } from "../lib/processes.mjs";

export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";
export const PASSWORD = "demo-password";
const bin = (name) => path.join(root, "node_modules/.bin", name);

/** The newest modification time under the folders a build is made from. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "public"])
    if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ["next.config.js", "proxy.ts", "instrumentation.ts", "package-lock.json"])
    if (existsSync(path.join(root, file))) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  return newest;
}

/** Builds the panel into DIST_DIR unless a build newer than every source is there (or skipBuild). */
export function ensureBuild({ skipBuild = false, log }) {
  const buildId = path.join(root, DIST_DIR, "BUILD_ID");
  if (existsSync(buildId) && (skipBuild || statSync(buildId).mtimeMs > newestSource())) {
    log(`Using the production build in ${DIST_DIR}.`);
    return;
  }
  if (skipBuild) throw new Error(`--skip-build, but there is no build in ${DIST_DIR}.`);
  log(`Building the panel into ${DIST_DIR} (next build; waits for other builds on this machine)…`);
  // One build at a time on a shared machine; flock(1) where it exists.
  const useFlock = existsSync("/usr/bin/flock");
  const [command, args] = useFlock
    ? ["flock", ["/tmp/mailpak-build.lock", bin("next"), "build"]]
    : [bin("next"), ["build"]];
  execFileSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR },
  });
}

/** Starts the simulator (in memory, fresh) and waits for it. */
export async function startSimulator({ port, latencyMs = 0, domains }) {
  const args = ["lib/enom-sim/cli.ts", "--port", String(port), "--memory", "--reset"];
  if (domains) args.push("--domains", String(domains));
  const child = startProcess(
    "The eNom simulator",
    bin("tsx"),
    args,
    { ENOM_SIM_LATENCY_MS: String(latencyMs) },
    {
      quiet: true,
      group: true,
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitForUrl(`${origin}/_sim/health`, { timeoutMs: 60_000, okOnly: true });
  return { child, origin, url: `${origin}/interface.asp`, stop: () => stopProcess(child) };
}

/** The PostgreSQL server the benchmarks may use (the tests' server), or null when none answers. */
export const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ??
  process.env.TEST_POSTGRES_URL ??
  "postgres://postgres@127.0.0.1:5432/postgres";

export async function postgresAvailable() {
  try {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** A new, empty database on the PostgreSQL server, named after the port; its URL. */
async function dropPostgres(port) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`drop database if exists mailpak_bench_${port} with (force)`);
  } finally {
    await client.end();
  }
}

async function freshPostgres(port) {
  const { default: pg } = await import("pg");
  const name = `mailpak_bench_${port}`;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts the production panel with the demo data on a fresh database — the embedded PostgreSQL
 * (the default) or, with `database: "postgres"`, a new database on the PostgreSQL server — and waits.
 */
export async function startPanel({ port, simPort, env = {}, database = "embedded" }) {
  const dataDir = `data/bench-${port}`;
  await stopEmbeddedPostgres(path.join(root, dataDir, "postgres"));
  rmSync(path.join(root, dataDir, "postgres"), { recursive: true, force: true });
  const panelEnv = {
    ...simulatorPanelEnv({ simPort, panelPort: port, dataDir, demo: true }),
    NEXT_DIST_DIR: DIST_DIR,
    LOG_LEVEL: "warn",
    // As `npm start` runs the panel (scripts/start.mjs): the heap capped at 384 MB.
    NODE_OPTIONS: "--max-old-space-size=384",
    DATABASE_URL: database === "postgres" ? await freshPostgres(port) : "",
    ...env,
  };
  const child = startProcess("The panel", bin("next"), ["start", "-p", String(port)], panelEnv, {
    quiet: true,
    group: true,
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForUrl(`${origin}/api/health`, { timeoutMs: 120_000 });
  return {
    child,
    origin,
    stop: () => stopProcess(child),
    cleanup: database === "postgres" ? () => dropPostgres(port).catch(() => undefined) : undefined,
  };
}

/** Every process in the tree under `pid` (next start runs the server in a child). */
export function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i += 1) {
    try {
      const children = readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, "utf8").trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    } catch {
      // gone
    }
  }
  return pids;
}

/** Resident memory (MB) of a process tree, now: the sum of VmRSS. */
export function rssMb(pid) {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (match) kb += Number(match[1]);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

/** CPU time (ms, user + system) used so far by a process tree, from /proc. */
export function cpuMs(pid) {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // gone
    }
  }
  return total;
}

/** Samples the tree's RSS every `everyMs` until stopped; `peak`, `samples`. */
export function watchMemory(pid, everyMs = 250) {
  const samples = [];
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    const mb = rssMb(pid);
    samples.push({ at: Date.now(), mb });
    peak = Math.max(peak, mb);
  }, everyMs);
  return {
    get peak() {
      return peak;
    },
    samples,
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Signs in through next-auth's credentials flow; returns the Cookie header for later requests. */
export async function signIn(origin, email, password = PASSWORD) {
  const jar = new Map();
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfResponse = await fetch(`${origin}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = await csrfResponse.json();
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: origin }),
    redirect: "manual",
  });
  keep(response);
  const session = [...jar.keys()].find((name) => name.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`Could not sign in as ${email} (HTTP ${response.status}).`);
  return cookie();
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function median(values) {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Simulator call counters (per command, upper case). */
export async function simCounters(simOrigin) {
  const response = await fetch(`${simOrigin}/_sim/counters`);
  return response.json();
}

/** A domain of the simulator with a pak that has room for `free` more mailboxes and is not expired. */
export async function domainWithFreePak(simUrl, free = 1, exclude = new Set()) {
  const params = new URLSearchParams({
    command: "GetPOPExpirations",
    uid: "resellid",
    pw: "resellpw",
    responsetype: "xml",
  });
  const xml = await (await fetch(`${simUrl}?${params}`)).text();
  const today = new Date().toISOString().slice(0, 10);
  const paks = [...xml.matchAll(/<Pak>([\s\S]*?)<\/Pak>/g)].map(([, inner]) => {
    const field = (name) => new RegExp(`<${name}>([^<]*)</${name}>`, "i").exec(inner)?.[1]?.trim() ?? "";
    const [m, d, y] = field("ExpDate").split("/");
    return {
      domain: field("DomainName").toLowerCase(),
      bundleId: Number(field("BundleId") || field("BundleID")),
      available: Number(field("QtyAvailable")),
      expires: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    };
  });
  return paks
    .filter((pak) => pak.available >= free && pak.expires > today && !exclude.has(pak.domain))
    .sort((a, b) => b.available - a.available)[0];
}

export { sleep, root };

/** Stops what was started, in reverse order, and waits a moment for the ports to free. */
export async function stopAll(...things) {
  for (const thing of things.reverse()) thing?.stop();
  await sleep(500);
  for (const thing of things) await thing?.cleanup?.();
}
