#!/usr/bin/env node
// Started by Playwright: a fresh database, then the built panel against the test simulator.
import { rmSync } from "node:fs";
import path from "node:path";
import { root } from "./lib/ensure.mjs";
import { simulatorPanelEnv } from "./lib/panel-env.mjs";
import { startProcess, stopProcess } from "./lib/processes.mjs";

const simPort = Number(process.env.E2E_SIM_PORT ?? 4100);
const panelPort = Number(process.env.E2E_PANEL_PORT ?? 3100);
const dataDir = `data/e2e-${panelPort}`;
rmSync(path.join(root, dataDir, "pglite"), { recursive: true, force: true });

const env = simulatorPanelEnv({ simPort, panelPort, dataDir, demo: true });
const panel = startProcess(
  "The panel",
  path.join(root, "node_modules/.bin/next"),
  ["start", "-p", String(panelPort)],
  env,
);
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    stopProcess(panel);
    process.exit(0);
  });
panel.on("exit", (code) => process.exit(code ?? 0));
