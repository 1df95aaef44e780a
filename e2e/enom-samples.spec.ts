import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page, Response } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";
import { stopEmbeddedPostgres } from "../scripts/lib/embedded-postgres.mjs";
import { startStandInEnom, type StandInEnom } from "./stand-in-enom";

/**
 * The built panel pointed at a stand-in eNom that answers with the sample replies printed on
 * eNom's own pages, verbatim (e2e/stand-in-enom.ts). A reseller sees exactly what those replies
 * hold: the mailboxes dell and hp (hp an administrator), pak 26770 with 10 mailboxes of which 8
 * are free, the account's two expiring paks, the forward Jane.Doe → jane@example.net and the
 * catch-all info@resellerdocs.com. And the password GetPOP3 sends in clear ("78910") is found in
 * no response, page or log line of that panel.
 *
 * This panel is started here, beside the config's (ports: the main panel + 3, after scale-out's
 * + 1 and + 2), with its own embedded database and the demo's logins.
 */

const ROOT = path.resolve(__dirname, "..");
const MAIN_PORT = Number(process.env.E2E_PANEL_PORT ?? 3100);
const PORT = MAIN_PORT + 3;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DATA_DIR = path.join(ROOT, `data/e2e-${MAIN_PORT}/stand-in`);
const LOG_FILE = path.join(DATA_DIR, "panel.log");
const METRICS_TOKEN = randomBytes(24).toString("hex");
/** Both mailboxes' password in enom-samples/getpop3-online.xml. */
const SAMPLE_PASSWORD = "78910";
const DOMAIN = "resellerdocs.com";

let standIn: StandInEnom;
let panel: ChildProcess;
/** Every body the browser and the spec got from this panel, for the password scan. */
const bodies: { url: string; body: string }[] = [];

async function waitForPanel(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (panel.exitCode !== null)
      throw new Error(`The stand-in's panel exited (${panel.exitCode}); see ${LOG_FILE}`);
    try {
      if ((await fetch(`${ORIGIN}/api/health`, { signal: AbortSignal.timeout(2_000) })).status > 0) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The stand-in's panel did not answer at ${ORIGIN}; see ${LOG_FILE}`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  standIn = await startStandInEnom();
  await stopEmbeddedPostgres(path.join(DATA_DIR, "postgres"));
  rmSync(DATA_DIR, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true });
  const log = createWriteStream(LOG_FILE);
  panel = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT)], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      PUBLIC_URL: ORIGIN,
      TRUSTED_PROXIES: "",
      ENOM_BASE_URL: standIn.url,
      ENOM_UID: "resellid",
      ENOM_PW: "resellpw",
      ENOM_READ_CACHE_MS: "0",
      MIRROR_FRESH_MS: "0",
      // Its own embedded database: nothing shared with the other panels.
      DATABASE_URL: "",
      REDIS_URL: "",
      EMBEDDED_POSTGRES_DIR: path.join(DATA_DIR, "postgres"),
      AUTH_SECRET: randomBytes(32).toString("base64"),
      MAILPAK_DEMO: "1",
      MAIL_CAPTURE_DIR: path.join(DATA_DIR, "mail"),
      SMTP_URL: "",
      METRICS_TOKEN,
      // Every line the panel can write is scanned.
      LOG_LEVEL: "debug",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  panel.stdout?.pipe(log, { end: false });
  panel.stderr?.pipe(log, { end: false });
  await waitForPanel(Date.now() + 150_000);
});

test.afterAll(async () => {
  if (panel && panel.exitCode === null) {
    const exited = new Promise((resolve) => panel.once("exit", resolve));
    panel.kill("SIGTERM");
    await exited;
  }
  await standIn?.close();
});

/** Keeps every response body of this panel the page receives. */
function recordBodies(page: Page): void {
  page.on("response", (response: Response) => {
    if (!response.url().startsWith(ORIGIN)) return;
    response
      .text()
      .then((body) => bodies.push({ url: response.url(), body }))
      .catch(() => undefined); // redirects and aborted requests have no body
  });
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${ORIGIN}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.origin === ORIGIN && !url.pathname.startsWith("/sign-in"));
}

/** The administrator flag as the mailbox grid shows it: a switch for staff who manage mailboxes, else a badge. */
async function shownAsAdministrator(page: Page, address: string): Promise<boolean> {
  const row = page.getByRole("row").filter({ hasText: address });
  await expect(row).toHaveCount(1);
  const toggle = row.getByRole("switch");
  if ((await toggle.count()) > 0) return (await toggle.getAttribute("aria-checked")) === "true";
  return (await row.getByText("Administrator", { exact: true }).count()) > 0;
}

test("the domain page shows eNom's sample mailboxes, pak and catch-all", async ({ page }) => {
  recordBodies(page);
  await signIn(page, DEMO_USERS.admin);
  await page.goto(`${ORIGIN}/domains/${DOMAIN}`);
  await expect(page.getByRole("heading", { level: 1, name: DOMAIN })).toBeVisible();

  // GetPOP3's <pop> elements: dell and hp, hp the administrator (admin 1).
  await expect(page.getByText(`dell@${DOMAIN}`, { exact: true })).toBeVisible();
  await expect(page.getByText(`hp@${DOMAIN}`, { exact: true })).toBeVisible();
  expect(await shownAsAdministrator(page, `hp@${DOMAIN}`)).toBe(true);
  expect(await shownAsAdministrator(page, `dell@${DOMAIN}`)).toBe(false);

  // Its Paks/Pak: 26770, QtyPurchased 10, QtyAvailable 8, ExpDate 5/3/2010.
  const pak = page.getByRole("article", { name: "Pak 26770" });
  await expect(pak).toContainText("2 used · 8 available · 10 mailboxes purchased");
  await expect(pak).toContainText("May 3, 2010");
  // Its ProdType 38: a classic 10-pak, to which mailboxes cannot be added (the growth quote refuses).
  await expect(pak.getByRole("link", { name: "Add mailboxes to pak 26770" })).toHaveCount(0);
  await expect(pak).toContainText("This is a classic pak: mailboxes cannot be added to it.");

  // GetCatchAll's <CatchAll>.
  await expect(page.getByText("info@resellerdocs.com").first()).toBeVisible();

  const asked = standIn.calls
    .filter((call) => call.sld?.toLowerCase() === "resellerdocs")
    .map((call) => call.command.toLowerCase());
  expect(asked).toEqual(expect.arrayContaining(["getpop3", "getcatchall"]));
  bodies.push({ url: page.url(), body: await page.content() });
});

test("the domain page shows the sample's forward, Jane.Doe to jane@example.net", async ({ page }) => {
  recordBodies(page);
  await signIn(page, DEMO_USERS.admin);
  // GetPOPForwarding's <popforwarding> reaches the panel…
  const forwarding = await page.request.get(`${ORIGIN}/api/domains/${DOMAIN}/forwarding`);
  expect(await forwarding.json()).toMatchObject({
    ok: true,
    data: { forwards: [{ userName: "Jane.Doe", forwardTo: "jane@example.net", active: true }] },
  });
  // …and the reseller sees it (Jane.Doe is a forward without a mailbox of the GetPOP3 sample).
  await page.goto(`${ORIGIN}/domains/${DOMAIN}`);
  await expect(page.getByText(`hp@${DOMAIN}`, { exact: true })).toBeVisible();
  await expect(page.getByText("jane@example.net").first()).toBeVisible();
  await expect(page.getByText("Jane.Doe").first()).toBeVisible();
  // Beside the mailbox grid, as a forwarding address: GetPOP3's sample has no mailbox Jane.Doe.
  const forward = page
    .getByRole("region", { name: "Forwarding addresses" })
    .getByRole("row")
    .filter({ hasText: `Jane.Doe@${DOMAIN}` });
  await expect(forward).toContainText("jane@example.net");
  await expect(forward).toContainText("Active");
  bodies.push({ url: page.url(), body: await page.content() });
});

test("the expirations page lists the sample's paks with their dates", async ({ page }) => {
  recordBodies(page);
  await signIn(page, DEMO_USERS.admin);
  await page.goto(`${ORIGIN}/expirations`);
  await expect(page.getByRole("heading", { level: 1, name: "Expirations" })).toBeVisible();
  for (const bundleId of ["30631", "30630"]) {
    const row = page.getByRole("row").filter({ hasText: `Pak ${bundleId}` });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("1986anotherappz.us");
    await expect(row).toContainText("Oct 25, 2012");
  }
  bodies.push({ url: page.url(), body: await page.content() });
});

test("no password from the GetPOP3 sample appears in any response, page or log line", async ({ page }) => {
  recordBodies(page);
  await signIn(page, DEMO_USERS.admin);
  await page.goto(`${ORIGIN}/domains/${DOMAIN}`);
  await expect(page.getByText(`hp@${DOMAIN}`, { exact: true })).toBeVisible();
  bodies.push({ url: page.url(), body: await page.content() });

  // The reads the browser makes, asked directly too, and the operator's endpoints.
  for (const route of [
    `/api/domains/${DOMAIN}/email`,
    `/api/domains/${DOMAIN}/catch-all`,
    `/api/domains/${DOMAIN}/forwarding`,
    "/api/health",
  ]) {
    const response = await page.request.get(`${ORIGIN}${route}`);
    bodies.push({ url: route, body: await response.text() });
  }
  const email = (await (await page.request.get(`${ORIGIN}/api/domains/${DOMAIN}/email`)).json()) as unknown;
  expect(JSON.stringify(email)).toContain("hp@resellerdocs.com"); // the reply that held the password was read
  const metrics = await page.request.get(`${ORIGIN}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(metrics.ok()).toBe(true);
  bodies.push({ url: "/api/metrics", body: await metrics.text() });

  expect(
    standIn.calls.some((call) => call.command.toLowerCase() === "getpop3" && call.sld === "resellerdocs"),
  ).toBe(true);
  expect(bodies.length).toBeGreaterThan(5);
  const leaks = bodies.filter(({ body }) => body.includes(SAMPLE_PASSWORD)).map(({ url }) => url);
  expect(leaks, "responses and pages holding the sample's password").toEqual([]);

  const log = readFileSync(LOG_FILE, "utf8");
  expect(log, "the panel logged its eNom calls").toMatch(/GetPOP3/);
  const leakingLines = log.split("\n").filter((line) => line.includes(SAMPLE_PASSWORD));
  expect(leakingLines, "log lines holding the sample's password").toEqual([]);
});
