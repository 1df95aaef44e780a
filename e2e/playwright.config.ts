import { defineConfig, devices } from "@playwright/test";

const simPort = Number(process.env.E2E_SIM_PORT ?? 4100);
const panelPort = Number(process.env.E2E_PANEL_PORT ?? 3100);
export const simOrigin = `http://127.0.0.1:${simPort}`;
const scaleOut = process.env.E2E_SCALE_OUT !== "0" || Boolean(process.env.CI);

export default defineConfig({
  testDir: ".",
  // Per panel port when one is given, so that runs side by side on one machine keep their own.
  outputDir: process.env.E2E_PANEL_PORT ? `../test-results/e2e-${panelPort}` : "../test-results/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["json"],
    [
      "html",
      {
        open: "never",
        outputFolder: process.env.E2E_PANEL_PORT
          ? `../playwright-report/port-${panelPort}`
          : "../playwright-report",
      },
    ],
  ],
  use: {
    baseURL: `http://127.0.0.1:${panelPort}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    // Debian's Chromium: Playwright's own browser download cannot reach the network here.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      // Its DNS server (host records) on the port scripts/e2e-server.mjs gives the panel as DNS_SERVERS.
      command: `node_modules/.bin/tsx lib/enom-sim/cli.ts --memory --reset --port ${simPort} --dns-port ${simPort + 1000}`,
      cwd: "..",
      url: `${simOrigin}/_sim/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node scripts/e2e-server.mjs",
      cwd: "..",
      url: `http://127.0.0.1:${panelPort}/api/health`,
      env: { E2E_SIM_PORT: String(simPort), E2E_PANEL_PORT: String(panelPort) },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    // scale-out.spec.ts: two more panels on one PostgreSQL database and one Redis (a, then b).
    // E2E_SCALE_OUT=0 leaves them out on a machine without PostgreSQL or Redis (never in CI).
    ...(scaleOut ? (["a", "b"] as const) : []).map((instance, index) => ({
      command: `node scripts/e2e-scale-out.mjs ${instance}`,
      cwd: "..",
      url: `http://127.0.0.1:${panelPort + index + 1}/api/health`,
      env: { E2E_SIM_PORT: String(simPort), E2E_PANEL_PORT: String(panelPort) },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    })),
  ],
});
