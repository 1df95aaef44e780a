import { randomBytes, randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";
import { callsSince, lastCallSeq, sim } from "./sim";

/**
 * Two panel instances that share only a PostgreSQL database and a Redis server (started by the
 * config's scale-out web servers, as docs/deploy.md runs replicas behind a load balancer): a
 * session made on one is good on the other, failed sign-ins counted on both lock the account on
 * both, and a purchase sent to both with one idempotency key is bought once.
 */

const PANEL_PORT = Number(process.env.E2E_PANEL_PORT ?? 3100);
const A = `http://127.0.0.1:${PANEL_PORT + 1}`;
const B = `http://127.0.0.1:${PANEL_PORT + 2}`;

const INCORRECT = "The email or password is incorrect.";
const LOCKED = /Too many failed attempts\. Sign-in is paused for this account; try again in \d+ minutes\./;

async function signInOn(page: Page, origin: string, email: string, password: string) {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const formAlert = (page: Page) => page.locator("form").getByRole("alert");

/**
 * The domain this spec buys email for: registered, without a pak in the seed, and used by no other
 * spec (the purchase spec buys for silverline-auto.org). New paks of 2 mailboxes keep it out of the
 * specs that pick one-pak domains by size and room.
 */
const PURCHASE_DOMAIN = "lark-pottery.biz";

/** What the wizard's "Buy now" sent: the server action's id, its headers and its one argument. */
interface CapturedSubmit {
  headers: Record<string, string>;
  input: { idempotencyKey: string; request: Record<string, unknown>; confirmation?: string };
}

interface AttemptView {
  key: string;
  status: string;
  domain: string;
  orderId: string | null;
  replayed: boolean;
  /** The earlier order that stopped this one, with the confirmation to buy again on purpose. */
  earlier?: { reason: string; confirmation: string | null } | null;
}
type ActionResult = { ok: true; data: AttemptView } | { ok: false; message: string };

/**
 * Sends the wizard's server action call again, to any instance, as the browser would (React's
 * reply encoding of one plain argument); returns the action's result.
 */
async function submitPurchase(
  request: APIRequestContext,
  origin: string,
  captured: CapturedSubmit,
  input: CapturedSubmit["input"] = captured.input,
): Promise<ActionResult> {
  const headers = Object.fromEntries(
    Object.entries(captured.headers).filter(
      ([name]) =>
        !["cookie", "host", "content-length", "origin", "referer"].includes(name) && !name.startsWith(":"),
    ),
  );
  const response = await request.post(`${origin}/purchase`, {
    headers: { ...headers, origin, referer: `${origin}/purchase` },
    data: JSON.stringify([input]),
  });
  expect(response.status(), `POST ${origin}/purchase`).toBe(200);
  // The reply is React's flight format: one `id:json` row per value; the action's result is the
  // row that holds an ActionResult.
  for (const line of (await response.text()).split("\n")) {
    const row = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!row?.[1]) continue;
    const value = JSON.parse(row[1]) as Record<string, unknown>;
    if (typeof value.ok === "boolean") return value as unknown as ActionResult;
  }
  throw new Error(`No action result in the reply from ${origin}`);
}

test.describe("two panel instances on one database and one Redis", () => {
  test.describe.configure({ mode: "serial" });
  test.skip(
    process.env.E2E_SCALE_OUT === "0" && !process.env.CI,
    "E2E_SCALE_OUT=0: no PostgreSQL and Redis for the scale-out instances on this machine",
  );

  test("a session made on one instance is good on the other, and only there", async ({ page }) => {
    await signInOn(page, A, DEMO_USERS.admin, DEMO_PASSWORD);
    await page.waitForURL(`${A}/`);

    // Cookies belong to the host, not the port: the browser sends A's session cookie to B.
    await page.goto(`${B}/users`);
    expect(new URL(page.url()).origin).toBe(B);
    expect(new URL(page.url()).pathname).toBe("/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    const session = await (await page.request.get(`${B}/api/auth/session`)).json();
    expect(session).toMatchObject({ user: { email: DEMO_USERS.admin, role: "admin" } });

    // The test's main panel has its own AUTH_SECRET: the same cookie means nothing to it. (A
    // plain fetch, so its reply cannot clear the browser's cookie.)
    const cookie = (await page.context().cookies(A)).map(({ name, value }) => `${name}=${value}`).join("; ");
    const elsewhere = await fetch(`http://127.0.0.1:${PANEL_PORT}/api/auth/session`, { headers: { cookie } });
    expect(await elsewhere.json()).toEqual({});
  });

  test("failed sign-ins counted on both instances lock the account on both", async ({ page, browser }) => {
    // An admin on A adds a staff user to lock; B sees the user through the shared database.
    await signInOn(page, A, DEMO_USERS.admin, DEMO_PASSWORD);
    await page.waitForURL(`${A}/`);
    await page.goto(`${A}/users`);
    const email = `locked-${randomBytes(4).toString("hex")}@scale-out.example`;
    await page.getByRole("button", { name: "Add a staff user" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a staff user" });
    await dialog.getByLabel("Name").fill("Lee Lockout");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Role").selectOption("staff");
    await dialog.getByRole("button", { name: "Add user" }).click();
    await expect(dialog.getByRole("status")).toContainText(`${email} can now sign in`);
    const password = await dialog.getByLabel("Temporary password").inputValue();
    expect(password.length).toBeGreaterThanOrEqual(12);

    // A visitor of their own (per-client limits are kept by address; this run's address is new).
    const address = `2001:db8:${randomBytes(2).toString("hex")}::${randomBytes(2).toString("hex")}`;
    const visitor = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
    const guest = await visitor.newPage();

    // Four failures, two on each instance: neither has seen five, and neither locks on its own.
    for (const origin of [A, B, A, B]) {
      await signInOn(guest, origin, email, "not-the-password");
      await expect(formAlert(guest)).toHaveText(INCORRECT);
    }
    // The fifth, on A, is the fifth for the account: locked.
    await signInOn(guest, A, email, "not-the-password");
    await expect(formAlert(guest)).toHaveText(LOCKED);
    // The right password is now refused by both instances.
    for (const origin of [B, A]) {
      await signInOn(guest, origin, email, password);
      await expect(formAlert(guest)).toHaveText(LOCKED);
      expect(new URL(guest.url()).pathname).toBe("/sign-in");
    }
    await visitor.close();
  });

  test("a purchase sent to both instances, from another tab, or again on purpose, is bought once each time", async ({
    page,
  }) => {
    const state = await sim<{ status: string; paks: unknown[] }>(`/_sim/state/domain/${PURCHASE_DOMAIN}`);
    expect(state).toMatchObject({ status: "Registered", paks: [] });
    const [sld] = PURCHASE_DOMAIN.split(".");
    const purchasesSince = async (seq: number) =>
      (await callsSince(seq)).filter(
        (call) =>
          call.command.toUpperCase() === "PURCHASESERVICES" &&
          Object.values(call.params).some((value) => [sld, PURCHASE_DOMAIN].includes(value.toLowerCase())),
      );
    const seq = await lastCallSeq();

    // The wizard on A: domain, 2 single mailboxes of 1 GB for a year, review, buy; its submit is
    // captured on the way out.
    await signInOn(page, A, DEMO_USERS.admin, DEMO_PASSWORD);
    await page.waitForURL(`${A}/`);
    await page.goto(`${A}/purchase`);
    await page.getByLabel("Search domains").fill(sld ?? PURCHASE_DOMAIN);
    await page.getByRole("radio", { name: new RegExp(PURCHASE_DOMAIN.replace(".", "\\.")) }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("radio", { name: /Single mailboxes/ }).check();
    await page.getByLabel("Number of mailboxes").fill("2");
    await page.getByRole("radio", { name: /^1 GB/ }).check();
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Review the price" })).toBeVisible();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Confirm the purchase" })).toBeVisible();
    const submitted = page.waitForRequest(
      (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
    );
    await page.getByRole("button", { name: "Buy now" }).click();
    const submit = await submitted;
    await expect(page).toHaveURL(/\/purchases\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 2, name: "Done" })).toBeVisible();
    const key = page.url().split("/").at(-1);
    const [input] = JSON.parse(submit.postData() ?? "[]") as CapturedSubmit["input"][];
    if (!input) throw new Error("The wizard's submit carried no input");
    expect(input).toMatchObject({
      idempotencyKey: key,
      request: { kind: "purchase", domain: PURCHASE_DOMAIN },
    });
    const captured: CapturedSubmit = { headers: await submit.allHeaders(), input };
    expect(await purchasesSince(seq)).toHaveLength(1);

    // The browser's retry of that submit reaches B (the balancer chose the other replica): B
    // answers with A's result, and eNom is not asked again.
    const retry = await submitPurchase(page.request, B, captured);
    expect(retry, JSON.stringify(retry)).toMatchObject({
      ok: true,
      data: { key, domain: PURCHASE_DOMAIN, status: "ok", replayed: true },
    });
    expect(await purchasesSince(seq)).toHaveLength(1);

    // The same choices with a new key (another tab, another device) on both instances at once:
    // both are shown the first order, and eNom is not asked again.
    const seqBoth = await lastCallSeq();
    const otherTab = { ...input, idempotencyKey: randomUUID() };
    const answers = await Promise.all([
      submitPurchase(page.request, A, captured, otherTab),
      submitPurchase(page.request, B, captured, otherTab),
    ]);
    for (const answer of answers)
      expect(answer, JSON.stringify(answer)).toMatchObject({
        ok: true,
        data: { key, earlier: { reason: "same-order" } },
      });
    expect(await purchasesSince(seqBoth)).toHaveLength(0);

    // Buying again on purpose, with the server's confirmation, sent to both instances at the same
    // moment: exactly one more order.
    const first = answers[0];
    const confirmation = first?.ok ? first.data.earlier?.confirmation : undefined;
    if (!confirmation) throw new Error("The earlier order came back without a confirmation to buy again");
    const again = { ...input, idempotencyKey: randomUUID(), confirmation };
    const repeats = await Promise.all([
      submitPurchase(page.request, A, captured, again),
      submitPurchase(page.request, B, captured, again),
    ]);
    for (const answer of repeats)
      expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true, data: { key: again.idempotencyKey } });
    expect(repeats.filter((answer) => answer.ok && answer.data.replayed)).toHaveLength(1);
    expect(await purchasesSince(seqBoth)).toHaveLength(1);
  });
});
