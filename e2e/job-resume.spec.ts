import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { stopEmbeddedPostgres } from "../scripts/lib/embedded-postgres.mjs";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";

/**
 * The panel is killed outright (SIGKILL to its whole process group, its embedded PostgreSQL
 * included) while a 250-mailbox import job has a batch of 99 at eNom, whose write takes 6 s and
 * is made although nobody is left to hear the answer. Started again, the panel takes the job up
 * where it stopped: the batch in flight is read back, never sent again, and the rest is sent once.
 *
 * This spec runs its own simulator and panel (ports: the main ones + 4), so that the slow write
 * and the kill touch no other spec.
 */

const ROOT = path.resolve(__dirname, "..");
const MAIN_PORT = Number(process.env.E2E_PANEL_PORT ?? 3100);
const PORT = MAIN_PORT + 4;
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4100) + 4;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SIM = `http://127.0.0.1:${SIM_PORT}`;
const DATA_DIR = path.join(ROOT, `data/e2e-${MAIN_PORT}/job-resume`);
const PG_DIR = path.join(DATA_DIR, "postgres");
const COUNT = 250;
const AUTH_SECRET = randomBytes(32).toString("base64");

let simulator: ChildProcess;
/** The domain and the pak with room for the import, bought before the panel first reads the account. */
let target = "";
let bundleId = "";
let panel: ChildProcess;

async function waitFor(url: string, deadline: number, child: () => ChildProcess): Promise<void> {
  while (Date.now() < deadline) {
    if (child().exitCode !== null) throw new Error(`${url}: the process exited (${child().exitCode})`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).status > 0) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer`);
}

function startPanel(): ChildProcess {
  const log = createWriteStream(path.join(DATA_DIR, "panel.log"), { flags: "a" });
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT)], {
    cwd: ROOT,
    // Its own process group, so the kill takes the whole panel, as a crash or `kill -9` of a container would.
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      PUBLIC_URL: ORIGIN,
      TRUSTED_PROXIES: "",
      ENOM_BASE_URL: `${SIM}/interface.asp`,
      ENOM_UID: "resellid",
      ENOM_PW: "resellpw",
      ENOM_READ_CACHE_MS: "0",
      MIRROR_FRESH_MS: "0",
      DATABASE_URL: "",
      REDIS_URL: "",
      EMBEDDED_POSTGRES_DIR: PG_DIR,
      AUTH_SECRET,
      MAILPAK_DEMO: "1",
      MAIL_CAPTURE_DIR: path.join(DATA_DIR, "mail"),
      SMTP_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  return child;
}

async function simText(params: Record<string, string>): Promise<string> {
  const body = new URLSearchParams({ uid: "resellid", pw: "resellpw", responsetype: "text", ...params });
  const text = await (await fetch(`${SIM}/interface.asp`, { method: "POST", body })).text();
  if (!/ErrCount=0/i.test(text)) throw new Error(`${params.command}: ${text.slice(0, 300)}`);
  return text;
}

/** The panel's own database, read beside it (the embedded server's port and password are in its folder). */
async function panelQuery<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const lines = readFileSync(path.join(PG_DIR, "postmaster.pid"), "utf8").split("\n");
  const password = readFileSync(`${PG_DIR}.password`, "utf8").trim();
  const client = new Client({
    connectionString: `postgres://mailpak:${encodeURIComponent(password)}@127.0.0.1:${Number(lines[3])}/mailpak`,
  });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await stopEmbeddedPostgres(PG_DIR);
  rmSync(DATA_DIR, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true });
  // A simulator of its own, fresh; one still answering on the port (an earlier run's) would be used instead.
  const leftOver = await fetch(`${SIM}/_sim/health`).then(
    () => true,
    () => false,
  );
  if (leftOver) throw new Error(`Something already answers at ${SIM}; stop it first.`);
  simulator = spawn(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["lib/enom-sim/cli.ts", "--memory", "--reset", "--port", String(SIM_PORT)],
    // Its own process group: tsx runs the simulator in a child, and the group stops both.
    { cwd: ROOT, stdio: "ignore", detached: true },
  );
  await waitFor(`${SIM}/_sim/health`, Date.now() + 60_000, () => simulator);
  // A pak with room for 250 on a domain of the account, bought straight at the simulator.
  const expirations = await simText({ command: "GetPOPExpirations" });
  const domain = /^domain\d+=(.+)$/im.exec(expirations)?.[1]?.trim().toLowerCase();
  if (!domain) throw new Error("the simulator lists no domain with email");
  const [sld, ...tld] = domain.split(".");
  const bought = await simText({
    command: "PurchaseServices",
    service: "pop3",
    SLD: sld ?? "",
    TLD: tld.join("."),
    Quantity: String(COUNT + 10),
    QuantityUnit: "boxes",
    Capacity: "1",
    BillingPeriod: "year",
  });
  bundleId = /BundleID1?=(\d+)/i.exec(bought)?.[1] ?? "";
  target = domain;
  panel = startPanel();
  await waitFor(`${ORIGIN}/api/health`, Date.now() + 150_000, () => panel);
});

test.afterAll(async () => {
  if (panel?.pid && panel.exitCode === null) {
    const exited = new Promise((resolve) => panel.once("exit", resolve));
    process.kill(-panel.pid, "SIGTERM");
    await exited;
  }
  await stopEmbeddedPostgres(PG_DIR);
  if (simulator?.pid && simulator.exitCode === null) process.kill(-simulator.pid, "SIGTERM");
});

test("a job resumes after the panel is killed mid-way, and no mailbox is sent twice", async ({ page }) => {
  test.setTimeout(300_000);
  // The first batch's write takes 6 s at eNom; the kill falls inside it.
  const slow = await fetch(`${SIM}/_sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ command: "SetUpPOP3User", mode: "latency", latencyMs: 6_000, times: 1 }),
  });
  expect(slow.ok).toBe(true);

  await page.goto(`${ORIGIN}/sign-in`);
  await page.getByLabel("Email").fill(DEMO_USERS.admin);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${ORIGIN}/`);
  const domain = target;
  await page.goto(`${ORIGIN}/domains/${domain}`);
  await page.getByRole("button", { name: "Import CSV" }).click();
  const importing = page.getByRole("dialog", { name: "Import mailboxes from a CSV file" });
  const names = Array.from({ length: COUNT }, (_, index) => `resume${index}`);
  const csv = [
    "user name,display name,password,administrator,forward to",
    ...names.map((name) => `${name},,,no,`),
  ].join("\r\n");
  await importing
    .getByLabel("CSV file")
    .setInputFiles({ name: "resume.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const pakChoice = importing.getByLabel("Pak");
  await expect(pakChoice.locator(`option[value="${bundleId}"]`)).toHaveCount(1);
  await pakChoice.selectOption(bundleId);
  await importing.getByRole("button", { name: `Create ${COUNT} mailboxes` }).click();

  // Killed as soon as the first batch is marked sent, while eNom is still making it.
  await expect
    .poll(
      async () =>
        (
          await panelQuery<{ n: number }>(
            "select count(*)::int as n from job_items where sent_at is not null",
          )
        )[0]?.n ?? 0,
      { timeout: 60_000, intervals: [100] },
    )
    .toBeGreaterThan(0);
  // Marked sent just before the call: a moment more and the batch is at eNom, which takes 6 s over it.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const pid = panel.pid;
  expect(pid).toBeTruthy();
  const killed = new Promise((resolve) => panel.once("exit", resolve));
  process.kill(-(pid ?? 0), "SIGKILL");
  await killed;

  // eNom finishes the batch the dead panel sent.
  await expect
    .poll(
      async () =>
        ((await (await fetch(`${SIM}/_sim/calls?command=SETUPPOP3USER`)).json()) as { calls: unknown[] })
          .calls.length,
      {
        timeout: 30_000,
      },
    )
    .toBe(1);

  panel = startPanel();
  await waitFor(`${ORIGIN}/api/health`, Date.now() + 150_000, () => panel);
  await expect
    .poll(
      async () =>
        (
          await panelQuery<{ status: string }>("select status from job_runs where kind = 'mailboxes.create'")
        )[0]?.status,
      { timeout: 180_000, intervals: [1_000] },
    )
    .toBe("done");

  const items = await panelQuery<{ status: string; n: number }>(
    "select i.status, count(*)::int as n from job_items i join job_runs r on r.id = i.job_id where r.kind = 'mailboxes.create' group by i.status",
  );
  expect(items).toEqual([{ status: "ok", n: COUNT }]);
  // Every name went to eNom in exactly one call.
  const calls = (
    (await (await fetch(`${SIM}/_sim/calls?command=SETUPPOP3USER`)).json()) as {
      calls: { params: Record<string, string> }[];
    }
  ).calls;
  const sent = calls.flatMap((call) =>
    Object.entries(call.params)
      .filter(([key]) => /^username\d+$/i.test(key))
      .map(([, value]) => value.toLowerCase()),
  );
  expect(sent).toHaveLength(COUNT);
  expect(new Set(sent).size).toBe(COUNT);
  const truth = (await (await fetch(`${SIM}/_sim/state/domain/${domain}`)).json()) as {
    mailboxes: { userName: string }[];
  };
  const made = new Set(truth.mailboxes.map((mailbox) => mailbox.userName.toLowerCase()));
  expect(names.every((name) => made.has(name))).toBe(true);
});
