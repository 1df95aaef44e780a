#!/usr/bin/env node
// Started by Playwright: a fresh database, then the built panel against the test simulator.
import { rmSync } from "node:fs";
import path from "node:path";
import { root } from "./lib/ensure.mjs";
import { stopEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { localSecret } from "./lib/local-secret.mjs";
import { simulatorPanelEnv } from "./lib/panel-env.mjs";
import { startProcess, stopProcess } from "./lib/processes.mjs";

const simPort = Number(process.env.E2E_SIM_PORT ?? 4100);
const panelPort = Number(process.env.E2E_PANEL_PORT ?? 3100);
// The simulator's DNS port, as e2e/playwright.config.ts starts it.
const simDnsPort = simPort + 1000;
const dataDir = `data/e2e-${panelPort}`;
// A fresh embedded database each run; a server an earlier run left behind is stopped first.
await stopEmbeddedPostgres(path.join(root, dataDir, "postgres"));
rmSync(path.join(root, dataDir, "postgres"), { recursive: true, force: true });
rmSync(path.join(root, dataDir, "postgres.password"), { force: true });
// …and a fresh mail folder: the emails a run's database led to, and no other run's.
rmSync(path.join(root, dataDir, "mail"), { recursive: true, force: true });

const env = {
  ...simulatorPanelEnv({ simPort, simDnsPort, panelPort, dataDir, demo: true }),
  // The specs change the simulator behind the panel's back (faults, direct calls): no read cache.
  ENOM_READ_CACHE_MS: "0",
  // A view reads eNom again behind the page whenever it shows a domain: the specs change eNom directly.
  MIRROR_FRESH_MS: "0",
  // e2e/storage-alerts.spec.ts waits for the alert pass's email: every minute, not every 15.
  STORAGE_ALERT_SCHEDULE: "* * * * *",
  // e2e/webhooks.spec.ts: a failing receiver's retries come after 0.2 s, 0.8 s, 4 s (not 30 s, 2 min, 10 min).
  // Loopback receivers are allowed because the panel runs against the simulator (lib/webhooks/settings.ts).
  WEBHOOK_RETRY_BASE_MS: "200",
  // e2e/security.spec.ts scrapes /api/metrics with it.
  METRICS_TOKEN: localSecret(path.join(root, dataDir), "metrics-token"),
};
const panel = startProcess(
  "The panel",
  path.join(root, "node_modules/.bin/next"),
  ["start", "-p", String(panelPort)],
  env,
  // Every line the panel writes, for the spec that checks no secret ever reaches the logs.
  { logFile: path.join(root, dataDir, "panel.log") },
);
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    stopProcess(panel);
    process.exit(0);
  });
panel.on("exit", (code) => process.exit(code ?? 0));
