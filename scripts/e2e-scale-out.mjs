#!/usr/bin/env node
// Started by Playwright, once per instance (`a`, then `b`): two panels that share nothing but one
// PostgreSQL database and one Redis server, for e2e/scale-out.spec.ts. Instance a makes the
// database afresh; b starts once a answers, so the demo seed runs once.
import path from "node:path";
import pg from "pg";
import { root } from "./lib/ensure.mjs";
import { localSecret } from "./lib/local-secret.mjs";
import { simulatorPanelEnv } from "./lib/panel-env.mjs";
import { startProcess, stopProcess } from "./lib/processes.mjs";

const instance = process.argv[2];
if (instance !== "a" && instance !== "b") throw new Error("Usage: e2e-scale-out.mjs a|b");
const simPort = Number(process.env.E2E_SIM_PORT ?? 4100);
const panelPort = Number(process.env.E2E_PANEL_PORT ?? 3100);
const port = panelPort + (instance === "a" ? 1 : 2);

const serverUrl = new URL(process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test");
const database = `mailpak_e2e_${panelPort}`;
const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${database}`;

if (instance === "a") {
  const admin = new pg.Client({ connectionString: serverUrl.href });
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.query(`create database ${database}`);
  await admin.end();
}

// What the replicas of one deployment share (docs/deploy.md); each keeps its own data folder.
const shared = path.join(root, `data/e2e-${panelPort}/scale-out`);
const dataDir = `data/e2e-${panelPort}/scale-out-${instance}`;
const env = {
  ...simulatorPanelEnv({ simPort, simDnsPort: simPort + 1000, panelPort: port, dataDir, demo: true }),
  DATABASE_URL: databaseUrl.href,
  REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
  AUTH_SECRET: localSecret(shared, "auth-secret"),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: localSecret(shared, "server-actions-key"),
  ENOM_READ_CACHE_MS: "0",
  // A view reads eNom again behind the page whenever it shows a domain: the specs change eNom directly.
  MIRROR_FRESH_MS: "0",
  // Replicas behind a load balancer: here the test runner on loopback plays it, so that each
  // spec can be a visitor with an address of its own (X-Forwarded-For) for the per-address limits.
  TRUSTED_PROXIES: "127.0.0.1, ::1",
};
const panel = startProcess(
  "A scale-out panel",
  path.join(root, "node_modules/.bin/next"),
  ["start", "-p", String(port)],
  env,
  {
    logFile: path.join(root, dataDir, "panel.log"),
  },
);
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    stopProcess(panel);
    process.exit(0);
  });
panel.on("exit", (code) => process.exit(code ?? 0));
