#!/usr/bin/env node
// `npm run demo`: the eNom simulator and the production panel with demo data, stopped by Ctrl-C.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { stopEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { ensureDependencies, log, root } from "./lib/ensure.mjs";
import { simulatorPanelEnv } from "./lib/panel-env.mjs";
import { startProcess, stopProcess, waitForUrl } from "./lib/processes.mjs";

const args = new Set(process.argv.slice(2));
const simPort = Number(process.env.ENOM_SIM_PORT ?? 4000);
const simDnsPort = Number(process.env.ENOM_SIM_DNS_PORT ?? 5354);
const panelPort = Number(process.env.PORT ?? 3000);
const dataDir = "data/demo";
// Loopback unless asked: the demo's passwords are published in the README.
const host = process.env.DEMO_HOST || "127.0.0.1";
const panelLog = path.join(dataDir, "panel.log");
const simLog = path.join(dataDir, "enom-sim.log");
const bin = (name) => path.join(root, "node_modules/.bin", name);

ensureDependencies();

/** Whether the simulator's state file was written by this checkout's seed generator and state format. */
function simStateIsCurrent(file) {
  const constant = (source, name) => Number(new RegExp(`const ${name} = (\\d+);`).exec(source)?.[1]);
  try {
    const state = JSON.parse(readFileSync(file, "utf8"));
    const generator = constant(
      readFileSync(path.join(root, "lib/enom-sim/seed.ts"), "utf8"),
      "SEED_GENERATOR",
    );
    const version = constant(readFileSync(path.join(root, "lib/enom-sim/store.ts"), "utf8"), "STATE_VERSION");
    return state.generator === generator && state.version === version;
  } catch {
    return false;
  }
}

if (!args.has("--skip-build")) {
  log("Building the panel (next build)…");
  const build = spawnSync(bin("next"), ["build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("The build failed; see the output above.");
    process.exit(1);
  }
}

const children = [];
let stopping = false;
function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  log("Stopping the panel and the simulator…");
  for (const child of children) stopProcess(child);
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

// Demo data saved by an older simulator (another seed generator or state format) cannot be
// replayed: start the whole demo over rather than fail, since the panel's data refers to it.
const simStatePath = path.join(root, dataDir, "enom-sim.json");
// The panel's database mirrors the simulator's account, so `--reset` starts both over.
const outdated = existsSync(simStatePath) && !simStateIsCurrent(simStatePath);
if (outdated || args.has("--reset")) {
  if (outdated)
    log("The saved demo data was made by an older version of the simulator; starting the demo over…");
  await stopEmbeddedPostgres(path.join(root, dataDir, "postgres"));
  rmSync(path.join(root, dataDir), { recursive: true, force: true });
}

log(`Starting the eNom simulator on port ${simPort}…`);
const simArgs = ["lib/enom-sim/cli.ts", "--port", String(simPort)];
if (args.has("--reset")) simArgs.push("--reset");
children.push(
  startProcess(
    "The eNom simulator",
    bin("tsx"),
    simArgs,
    {
      ENOM_SIM_STATE: path.join(dataDir, "enom-sim.json"),
      ENOM_SIM_LATENCY_MS: process.env.ENOM_SIM_LATENCY_MS ?? "150",
      // The domains' host records over DNS, for the mail-health checks (127.0.0.1, UDP and TCP).
      ENOM_SIM_DNS_PORT: String(simDnsPort),
    },
    // Its log goes to a file: the terminal keeps the short summary below.
    { group: true, quiet: true, logFile: path.join(root, simLog) },
  ),
);

try {
  await waitForUrl(`http://127.0.0.1:${simPort}/_sim/health`, { timeoutMs: 60_000, okOnly: true });
  log(`Starting the panel on port ${panelPort}…`);
  const env = simulatorPanelEnv({ simPort, simDnsPort, panelPort, dataDir, demo: true });
  children.push(
    startProcess("The panel", bin("next"), ["start", "-p", String(panelPort), "-H", host], env, {
      group: true,
      quiet: true,
      logFile: path.join(root, panelLog),
    }),
  );
  await waitForUrl(`http://127.0.0.1:${panelPort}/api/health`, { timeoutMs: 90_000 });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(`What the panel and the simulator said is in ${panelLog} and ${simLog}.`);
  stopAll(1);
}

if (!stopping) {
  const { demoLogins } = await import("./lib/demo-logins.mjs");
  const shown = ["127.0.0.1", "0.0.0.0", "::"].includes(host) ? "localhost" : host;
  console.log(`
  Mailpak is running:  http://${shown}:${panelPort}${host === "127.0.0.1" ? "  (this machine only; DEMO_HOST=0.0.0.0 opens it to the network)" : ""}
  eNom simulator:      http://127.0.0.1:${simPort}/interface.asp  (account resellid / resellpw)
${demoLogins.length ? `\n  Demo sign-ins (password for all: demo-password):\n${demoLogins.map((l) => `    ${l.email.padEnd(22)} ${l.role}`).join("\n")}\n` : ""}
  Emails are not sent: read them under "Demo emails" (staff) or in ${dataDir}/mail/.
  Logs: ${panelLog} (the panel), ${simLog} (the simulator).

  Press Ctrl-C to stop.
`);
}
