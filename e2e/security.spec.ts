import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Page, Request as PageRequest } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";
import { callsSince, lastCallSeq, popExpirationsText, truth } from "./sim";

/**
 * The panel's defences, seen from outside: security headers on pages and API routes, a Content
 * Security Policy whose nonce every script carries and that no page breaks, server actions that
 * refuse a POST from another site, a browser bundle free of secrets, logs free of passwords, and
 * metrics only for the holder of the token.
 *
 * Works on a domain of its own (the simulator is shared and never reset) with names no other run uses.
 */

const ROOT = path.resolve(__dirname, "..");
const PANEL_PORT = Number(process.env.E2E_PANEL_PORT ?? 3100);
const DATA_DIR = path.join(ROOT, `data/e2e-${PANEL_PORT}`);
const ENOM_PASSWORD = "resellpw";
const readSecret = async (name: string) => (await readFile(path.join(DATA_DIR, name), "utf8")).trim();

const mailboxOf = async (domain: string, userName: string) =>
  (await truth(domain)).mailboxes.find((mailbox) => mailbox.userName === userName);

/**
 * This spec's domain: among the seeded domains with exactly one active pak with room for a few
 * more mailboxes, by name, the seventh (the first four belong to the demo customer; the mailboxes
 * spec takes its own from the other end).
 */
async function ownDomain(): Promise<string> {
  const body = await popExpirationsText();
  const paks = new Map<string, number>();
  for (const match of body.matchAll(/^domain\d+=(.+?)\r?$/gim)) {
    const name = (match[1] ?? "").toLowerCase();
    paks.set(name, (paks.get(name) ?? 0) + 1);
  }
  const onePak = [...paks].filter(([, count]) => count === 1).map(([name]) => name);
  const usable: string[] = [];
  for (const name of onePak.sort()) {
    const pak = (await truth(name)).paks[0];
    if (pak && !pak.expired && pak.qtyAvailable >= 4) usable.push(name);
    if (usable.length === 7) return name;
  }
  throw new Error("The seeded world has fewer than 7 domains with one active pak with room.");
}

const stamp = Date.now().toString(36).slice(-6);

function rowOf(page: Page, domain: string, address: string) {
  return page
    .getByRole("table", { name: `Mailboxes of ${domain}` })
    .getByRole("row")
    .filter({ has: page.getByText(address, { exact: true }) });
}
const results = (page: Page) => page.getByRole("region", { name: "Changes sent and their results" });

async function openDomain(page: Page, domain: string) {
  await page.goto(`/domains/${domain}`);
  await expect(page.getByRole("heading", { level: 1, name: domain })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Mailboxes", exact: true })).toBeVisible();
}

/** Creates mailboxes through the dialog, each with the password given. */
async function createMailboxes(page: Page, domain: string, boxes: { userName: string; password: string }[]) {
  await page.getByRole("button", { name: "Add mailboxes" }).click();
  const adding = page.getByRole("dialog", { name: "Add mailboxes" });
  for (const [index, box] of boxes.entries()) {
    if (index > 0) await adding.getByRole("button", { name: "Add another mailbox" }).click();
    const group = adding.getByRole("group", { name: `Mailbox ${index + 1}` });
    await group.getByLabel("User name").fill(box.userName);
    await group.getByLabel("Password", { exact: true }).fill(box.password);
    await expect(group.getByText("Meets the password rules.")).toBeVisible();
  }
  const label = boxes.length === 1 ? "Create mailbox" : `Create ${boxes.length} mailboxes`;
  await adding.getByRole("button", { name: label }).click();
  await expect(adding).toBeHidden();
  for (const box of boxes) {
    await expect(rowOf(page, domain, `${box.userName}@${domain}`)).toBeVisible();
    await expect(rowOf(page, domain, `${box.userName}@${domain}`)).not.toContainText("Creating…");
  }
}

/** Server action POSTs the page sends, as they went over the wire (headers, body, response id). */
function recordServerActions(page: Page) {
  const sent: { request: PageRequest; headers: Record<string, string>; body: Buffer | null }[] = [];
  page.on("request", async (request) => {
    if (request.method() !== "POST") return;
    const headers = await request.allHeaders();
    if (headers["next-action"]) sent.push({ request, headers, body: request.postDataBuffer() });
  });
  return sent;
}

/**
 * Watches a page for Content Security Policy violations: the browser's own reports, collected in
 * the page, and its console. `visit` opens a page and checks that the nonce'd theme script ran,
 * React hydrated and nothing was blocked.
 */
async function watchPolicy(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      ),
    );
  });
  const consoleProblems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text()))
      consoleProblems.push(message.text());
  });
  return {
    async visit(route: string) {
      await page.goto(route);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expect(page.locator("html")).toHaveClass(/\b(light|dark)\b/);
      await expect
        .poll(
          () => page.evaluate(() => Object.keys(document).some((key) => key.startsWith("__reactContainer"))),
          { message: `React hydrated ${route}` },
        )
        .toBe(true);
      expect(
        await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
        `violations on ${route}`,
      ).toEqual([]);
    },
    expectNoConsoleProblems() {
      expect(consoleProblems).toEqual([]);
    },
  };
}

test.describe("security", () => {
  test("pages and API routes send the security headers, and each request gets an id", async ({
    page,
    request,
  }) => {
    const response = await page.goto("/sign-in");
    const headers = response?.headers() ?? {};
    const policy = headers["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    for (const directive of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "connect-src 'self'",
      "img-src 'self' data: blob:",
    ])
      expect(policy).toContain(directive);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["permissions-policy"]).toContain("microphone=()");
    expect(headers["permissions-policy"]).toContain("geolocation=()");
    // Served over plain http here: HSTS is for https deployments (PUBLIC_URL https://…) only.
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

    // Each page view gets its own nonce.
    const again = (await (await request.get("/sign-in")).headersArray()).find(
      (header) => header.name.toLowerCase() === "content-security-policy",
    );
    expect(again?.value).toMatch(/'nonce-/);
    expect(again?.value).not.toBe(policy);

    const api = await request.get("/api/health");
    expect(api.status()).toBe(200);
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    expect(api.headers()["x-frame-options"]).toBe("DENY");
    expect(api.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(api.headers()["permissions-policy"]).toContain("camera=()");
    expect(api.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

    // A load balancer's id is kept; anything that could inject a header or a log line is replaced.
    const traced = await request.get("/api/health", { headers: { "x-request-id": "lb-trace.0001:abc" } });
    expect(traced.headers()["x-request-id"]).toBe("lb-trace.0001:abc");
    const forged = await request.get("/api/health", {
      headers: { "x-request-id": "<script>alert(1)</script>" },
    });
    expect(forged.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("every script carries the page's nonce, and no page breaks the policy for staff or customers", async ({
    page,
    browser,
    signInAs,
  }) => {
    const signInPage = await page.goto("/sign-in");
    const nonce = /'nonce-([^']+)'/.exec(signInPage?.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const html = (await signInPage?.text()) ?? "";
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);

    const staff = await watchPolicy(page);
    await signInAs("admin");
    // The session cookie: out of reach of scripts, not sent on cross-site requests (Secure too
    // when PUBLIC_URL is https; this panel is served over http).
    const session = (await page.context().cookies()).find((cookie) =>
      cookie.name.endsWith("next-auth.session-token"),
    );
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
    const domain = await ownDomain();
    for (const route of [
      "/",
      "/domains",
      `/domains/${domain}`,
      "/expirations",
      "/purchase",
      "/renew",
      "/customers",
      "/users",
      "/audit",
      "/settings",
      "/account",
    ])
      await staff.visit(route);
    staff.expectNoConsoleProblems();

    const customerContext = await browser.newContext();
    const customerPage = await customerContext.newPage();
    const customer = await watchPolicy(customerPage);
    await customerPage.goto("/sign-in");
    await customerPage.getByLabel("Email").fill(DEMO_USERS.customer);
    await customerPage.getByLabel("Password").fill(DEMO_PASSWORD);
    await customerPage.getByRole("button", { name: "Sign in" }).click();
    await customerPage.waitForURL((url) => url.pathname.startsWith("/portal"));
    await customer.visit("/portal");
    customer.expectNoConsoleProblems();
    await customerContext.close();
  });

  test("a server action refuses a POST from another site and changes nothing", async ({ page, signInAs }) => {
    const domain = await ownDomain();
    const userName = `xo${stamp}`;
    const address = `${userName}@${domain}`;
    await signInAs("staff");
    await openDomain(page, domain);
    await createMailboxes(page, domain, [{ userName, password: `Qz${stamp}-Pass7` }]);

    // The real request the switch sends, captured on its way to the panel.
    const sent = recordServerActions(page);
    const adminSwitch = page
      .getByRole("table", { name: `Mailboxes of ${domain}` })
      .getByRole("switch", { name: `Administrator: ${address}` });
    await adminSwitch.click();
    await expect(results(page).getByText(`${address} is now an administrator.`)).toBeVisible();
    const makeAdmin = sent.at(-1);
    expect(makeAdmin?.headers["next-action"]).toMatch(/^[0-9a-f]{40,}$/);
    // Back to an ordinary mailbox through the panel, so a replay that got through would show.
    await adminSwitch.click();
    await expect(adminSwitch).toHaveAttribute("aria-checked", "false");
    await expect.poll(async () => (await mailboxOf(domain, userName))?.isAdmin).toBe(false);

    const replay = (origin: string) => {
      const headers = Object.fromEntries(
        Object.entries(makeAdmin?.headers ?? {}).filter(
          ([name]) =>
            !["cookie", "host", "content-length", "origin", "referer"].includes(name) &&
            !name.startsWith(":"),
        ),
      );
      return page.request.post(makeAdmin?.request.url() ?? "", {
        headers: { ...headers, origin, referer: `${origin}/` },
        data: makeAdmin?.body ?? "",
        failOnStatusCode: false,
      });
    };

    const seq = await lastCallSeq();
    const evil = await replay("https://evil.example");
    expect(evil.status(), await evil.text()).toBeGreaterThanOrEqual(400);
    // Nothing was written (the open page's reads of the domain, behind it, may go on).
    expect((await callsSince(seq)).filter((call) => !call.command.startsWith("GET"))).toEqual([]);
    expect((await mailboxOf(domain, userName))?.isAdmin).toBe(false);

    // The same request from the panel's own origin goes through: the origin alone made the difference.
    const own = await replay(new URL(page.url()).origin);
    expect(own.status()).toBe(200);
    expect((await callsSince(seq)).map((call) => call.command)).toContain("MODIFYPOP3");
    expect((await mailboxOf(domain, userName))?.isAdmin).toBe(true);
  });

  test("the browser bundle holds neither the eNom password nor the session secret", async () => {
    const staticDir = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "static");
    const files = (await readdir(staticDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
    expect(files.filter((file) => file.endsWith(".js")).length).toBeGreaterThan(5);
    const secrets = [ENOM_PASSWORD, await readSecret("auth-secret"), await readSecret("metrics-token")];
    for (const file of files) {
      const text = await readFile(file, "latin1");
      for (const secret of secrets)
        expect(text.includes(secret), `${secret.slice(0, 3)}… in ${file}`).toBe(false);
    }
  });

  test("after mailboxes are made and a password reset, no log line holds a password, and each is JSON with its request id", async ({
    page,
    signInAs,
  }) => {
    // Mailboxes are made and reset through the grid, then every log line is read: give it time.
    test.setTimeout(150_000);
    const domain = await ownDomain();
    const boxes = [
      { userName: `lg${stamp}a`, password: `Lg${stamp}-Secret1` },
      { userName: `lg${stamp}b`, password: `Lg${stamp}-Secret2` },
    ];
    const resetTo = `Rs${stamp}-Secret3`;
    const [first] = boxes;
    if (!first) throw new Error("no mailbox");
    const actionIds: string[] = [];
    page.on("response", async (response) => {
      if ((await response.request().headerValue("next-action")) && response.request().method() === "POST")
        actionIds.push((await response.headerValue("x-request-id")) ?? "");
    });

    await signInAs("staff");
    await openDomain(page, domain);
    await createMailboxes(page, domain, boxes);
    await rowOf(page, domain, `${first.userName}@${domain}`)
      .getByRole("button", { name: `New password for ${first.userName}@${domain}` })
      .click();
    const reset = page.getByRole("dialog", { name: `New password for ${first.userName}@${domain}` });
    await reset.getByLabel("New password").fill(resetTo);
    await reset.getByRole("button", { name: "Set new password" }).click();
    await expect(reset.getByText(resetTo, { exact: true })).toBeVisible();
    await reset.getByRole("button", { name: "Done" }).click();
    expect(actionIds.length).toBeGreaterThanOrEqual(2);
    const resetRequestId = actionIds.at(-1) ?? "";
    expect(resetRequestId).toMatch(/^[0-9a-f-]{36}$/);

    // The panel's output is written to the file as it comes; wait for the reset's line.
    const logFile = path.join(DATA_DIR, "panel.log");
    const linesOf = async () => (await readFile(logFile, "utf8")).split("\n").filter((line) => line.trim());
    await expect
      .poll(async () =>
        (await linesOf()).some(
          (line) => line.includes(resetRequestId) && line.includes("mailbox.password-reset"),
        ),
      )
      .toBe(true);
    const lines = await linesOf();

    const secrets = [
      ENOM_PASSWORD,
      ...boxes.map((box) => box.password),
      resetTo,
      await readSecret("auth-secret"),
      await readSecret("metrics-token"),
    ];
    for (const [index, line] of lines.entries())
      for (const secret of secrets)
        expect(line.includes(secret), `line ${index + 1} holds ${secret.slice(0, 4)}…`).toBe(false);

    // Next.js prints a plain-text banner while it starts; from the panel's first log line on,
    // every line is JSON (Next's and next-auth's own messages included).
    const firstJson = lines.findIndex((line) => line.startsWith("{"));
    expect(firstJson).toBeGreaterThan(0);
    expect(lines.slice(0, firstJson).join("\n")).toContain("Ready in");
    const records = lines.slice(firstJson).map((line, index) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`log line ${firstJson + index + 1} is not JSON: ${line.slice(0, 200)}`);
      }
    });
    for (const record of records) expect(record).toMatchObject({ app: "mailpak", level: expect.any(Number) });
    // Lines written while serving an action carry its request id, the eNom client's included.
    for (const record of records.filter((entry) => typeof entry.action === "string"))
      expect(record.requestId, JSON.stringify(record)).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
    const resetLines = records.filter((record) => record.requestId === resetRequestId);
    expect(resetLines.some((record) => record.action === "mailbox.password-reset")).toBe(true);
    expect(resetLines.some((record) => record.module === "enom")).toBe(true);
  });

  test("metrics answer only to the token's holder, with eNom latency per command", async ({
    page,
    request,
    signInAs,
  }) => {
    // Some traffic: a sign-in and a domain page read from eNom.
    await signInAs("staff");
    await openDomain(page, await ownDomain());

    expect((await request.get("/api/metrics")).status()).toBe(401);
    expect(
      (
        await request.get("/api/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })
      ).status(),
    ).toBe(401);
    const scrape = await request.get("/api/metrics", {
      headers: { authorization: `Bearer ${await readSecret("metrics-token")}` },
    });
    expect(scrape.status()).toBe(200);
    expect(scrape.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scrape.text();
    expect(text).toContain("# TYPE mailpak_enom_request_duration_seconds histogram");
    expect(text).toMatch(
      /mailpak_enom_request_duration_seconds_bucket\{le="[^"]+",command="GetPOP3",outcome="ok"\} [1-9]/i,
    );
    expect(text).toContain("# TYPE mailpak_enom_errors_total counter");
    expect(text).toMatch(
      /mailpak_http_request_duration_seconds_count\{route="\/api\/auth\/\[\.\.\.nextauth\]",method="POST",status="200"\} [1-9]/,
    );
    expect(text).toContain("mailpak_process_cpu_seconds_total");
    expect(text).not.toContain(ENOM_PASSWORD);

    // A panel without METRICS_TOKEN (the scale-out instances) has no metrics endpoint at all.
    if (process.env.E2E_SCALE_OUT === "0" && !process.env.CI) return;
    const unconfigured = await request.get(`http://127.0.0.1:${PANEL_PORT + 1}/api/metrics`, {
      headers: { authorization: `Bearer ${await readSecret("metrics-token")}` },
    });
    expect(unconfigured.status()).toBe(404);
  });
});
