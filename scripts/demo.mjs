#!/usr/bin/env node
// `npm run demo`: the eNom simulator and the production panel with demo data, stopped by Ctrl-C.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureDependencies, log, root } from "./lib/ensure.mjs";
import { simulatorPanelEnv } from "./lib/panel-env.mjs";
import { startProcess, stopProcess, waitForUrl } from "./lib/processes.mjs";

const args = new Set(process.argv.slice(2));
const simPort = Number(process.env.ENOM_SIM_PORT ?? 4000);
const panelPort = Number(process.env.PORT ?? 3000);
const dataDir = "data/demo";
const bin = (name) => path.join(root, "node_modules/.bin", name);

ensureDependencies();

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
    },
    { group: true },
  ),
);

try {
  await waitForUrl(`http://127.0.0.1:${simPort}/_sim/health`, { timeoutMs: 60_000, okOnly: true });
  log(`Starting the panel on port ${panelPort}…`);
  const env = simulatorPanelEnv({ simPort, panelPort, dataDir, demo: true });
  children.push(
    startProcess("The panel", bin("next"), ["start", "-p", String(panelPort)], env, { group: true }),
  );
  await waitForUrl(`http://127.0.0.1:${panelPort}/api/health`, { timeoutMs: 90_000 });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
}

if (!stopping) {
  const { demoLogins } = await import("./lib/demo-logins.mjs");
  console.log(`
  Mailpak is running:  http://localhost:${panelPort}
  eNom simulator:      http://127.0.0.1:${simPort}/interface.asp  (account resellid / resellpw)
${demoLogins.length ? `\n  Demo sign-ins (password for all: demo-password):\n${demoLogins.map((l) => `    ${l.email.padEnd(22)} ${l.role}`).join("\n")}\n` : ""}
  Press Ctrl-C to stop.
`);
}
