import type { Browser, Page } from "@playwright/test";
import { startTestReceiver, type ReceivedWebhook, type TestReceiver } from "../lib/webhooks/receiver.testing";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";
import { demoCustomerDomains, truth } from "./sim";

/**
 * The reseller's billing system hears what happens in the panel: an admin registers a receiver
 * (here a server on loopback, started by the spec) in Settings → Webhooks; a mailbox created in
 * the portal by the demo customer arrives signed, after the receiver failed three times, on the
 * fourth try and once; "Resend" sends it again with the same id; a pak bought through the API
 * arrives too. The panel runs with WEBHOOK_RETRY_BASE_MS (scripts/e2e-server.mjs), so the
 * retries come within seconds.
 */

const stamp = Date.now().toString(36).slice(-6);

function typeOf(request: ReceivedWebhook): string {
  return (JSON.parse(request.body) as { type: string }).type;
}

function dataOf(request: ReceivedWebhook): Record<string, unknown> {
  return (JSON.parse(request.body) as { data: Record<string, unknown> }).data;
}

const ofType = (receiver: TestReceiver, type: string) =>
  receiver.received.filter((request) => typeOf(request) === type);

async function signInOn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

async function domainWithRoom(domains: readonly string[]): Promise<string> {
  for (const name of domains) {
    const state = await truth(name);
    if (state.paks.some((pak) => !pak.expired && pak.qtyAvailable > 0)) return name;
  }
  throw new Error("None of the demo customer's domains has an active pak with room.");
}

/** The customer, in a browser of their own, creates one mailbox in the portal. */
async function createMailboxInPortal(browser: Browser, domain: string, userName: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signInOn(page, DEMO_USERS.customer);
    await page.goto(`/portal/domains/${domain}`);
    await page.getByRole("button", { name: "Add mailboxes" }).click();
    const adding = page.getByRole("dialog", { name: "Add mailboxes" });
    const first = adding.getByRole("group", { name: "Mailbox 1" });
    await first.getByLabel("User name").fill(userName);
    await expect(first.getByText("Meets the password rules.")).toBeVisible();
    await adding.getByRole("button", { name: "Create mailbox" }).click();
    await expect(adding).toBeHidden();
    await expect(page.getByText(`${userName}@${domain} is created.`)).toBeVisible();
  } finally {
    await context.close();
  }
}

test.describe("signed webhooks", () => {
  test.describe.configure({ timeout: 180_000 });
  let receiver: TestReceiver;
  // The first three tries of each mailbox.created event fail; everything else is received.
  const tries = new Map<string, number>();

  test.beforeAll(async () => {
    receiver = await startTestReceiver((_nth, body) => {
      const event = JSON.parse(body) as { id: string; type: string };
      if (event.type !== "mailbox.created") return 200;
      const count = (tries.get(event.id) ?? 0) + 1;
      tries.set(event.id, count);
      return count <= 3 ? 500 : 200;
    });
  });

  test.afterAll(async () => {
    await receiver?.close();
  });

  test("an admin's receiver hears of a mailbox made in the portal and a pak bought through the API", async ({
    page,
    browser,
    request,
    signInAs,
    expectAccessible,
  }) => {
    // The admin registers the receiver, for mailboxes created and paks bought.
    await signInAs("admin");
    await page.goto("/settings");
    await page
      .getByRole("navigation", { name: "Settings sections" })
      .getByRole("link", { name: "Webhooks" })
      .click();
    await expect(page).toHaveURL(/\/settings\/webhooks$/);
    await expect(page.getByText("No endpoints yet")).toBeVisible();
    await expectAccessible();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const adding = page.getByRole("dialog", { name: "Add a webhook endpoint" });
    await adding.getByLabel("Address (URL)").fill(receiver.url);
    await adding.getByLabel("Description (optional)").fill("Billing (e2e)");
    await adding.getByLabel("mailbox.created", { exact: true }).check();
    await adding.getByLabel("pak.purchased", { exact: true }).check();
    await adding.getByRole("button", { name: "Add endpoint" }).click();
    const secretField = adding.getByLabel("Signing secret");
    await expect(secretField).toHaveValue(/^whsec_/);
    receiver.secret = await secretField.inputValue();
    await expectAccessible();
    await adding.getByRole("button", { name: "Done" }).click();
    const endpoints = page.getByRole("table", { name: "Webhook endpoints" });
    await expect(endpoints.getByRole("link", { name: receiver.url })).toBeVisible();
    // The secret is shown once: nowhere on the page now.
    await expect(page.locator("body")).not.toContainText(receiver.secret.slice(6));

    // The demo customer creates a mailbox in the portal.
    const domain = await domainWithRoom(await demoCustomerDomains());
    const userName = `hooked${stamp}`;
    await createMailboxInPortal(browser, domain, userName);

    // Three failed tries, then the fourth is received: once, signed, with the same id throughout.
    await expect
      .poll(() => ofType(receiver, "mailbox.created").filter((got) => got.status === 200).length, {
        timeout: 60_000,
      })
      .toBe(1);
    await page.waitForTimeout(3_000);
    const created = ofType(receiver, "mailbox.created");
    expect(created.map((got) => got.status)).toEqual([500, 500, 500, 200]);
    expect(new Set(created.map((got) => got.headers["webhook-id"])).size).toBe(1);
    for (const got of created) expect(got.verification).toMatchObject({ ok: true });
    expect(dataOf(created[0] as ReceivedWebhook)).toMatchObject({
      domain,
      mailbox: `${userName}@${domain}`.toLowerCase(),
    });
    expect(dataOf(created[0] as ReceivedWebhook).customer_id).toEqual(expect.any(String));
    expect(created[0]?.body).not.toMatch(/password/i);

    // The delivery log says so, and "Resend" sends the same event again.
    await endpoints.getByRole("link", { name: receiver.url }).click();
    const log = page.getByRole("table", { name: "Deliveries, newest first" });
    const row = log.getByRole("row").filter({ hasText: "mailbox.created" });
    await expect(row).toContainText("Delivered");
    await expect(row.getByRole("cell").nth(2)).toHaveText("4");
    await expectAccessible();
    await row.getByRole("button", { name: "Resend mailbox.created" }).click();
    await expect(row.getByRole("status")).toContainText("Queued to be sent again");
    await expect.poll(() => ofType(receiver, "mailbox.created").length, { timeout: 30_000 }).toBe(5);
    const resent = ofType(receiver, "mailbox.created")[4];
    expect(resent?.headers["webhook-id"]).toBe(created[0]?.headers["webhook-id"]);
    expect(resent?.body).toBe(created[0]?.body);

    // A staff API key buys a pak through the API; the receiver hears of it.
    await page.goto("/settings/api-keys");
    await page.getByLabel("Name", { exact: true }).fill(`Webhooks e2e ${stamp}`);
    await page.getByRole("checkbox", { name: /^Purchases/ }).check();
    await page.getByRole("button", { name: "Create API key" }).click();
    const token = await page.getByTestId("api-key-token").inputValue();
    const bought = await request.post("/api/v1/purchases", {
      headers: { Authorization: `Bearer ${token}`, "Idempotency-Key": `webhooks-e2e-${stamp}` },
      data: {
        request: {
          kind: "purchase",
          domain,
          quantityUnit: "boxes",
          quantity: 3,
          capacityGb: 3,
          billingPeriod: "year",
          terms: 2,
        },
      },
    });
    expect(bought.status(), await bought.text()).toBe(201);
    await expect.poll(() => ofType(receiver, "pak.purchased").length, { timeout: 30_000 }).toBe(1);
    const purchased = ofType(receiver, "pak.purchased")[0] as ReceivedWebhook;
    expect(purchased.verification).toMatchObject({ ok: true });
    expect(dataOf(purchased)).toMatchObject({ kind: "new-pak", domain, order_id: expect.any(String) });
    expect(dataOf(purchased).bundle_id).toEqual(expect.any(Number));

    // Done with it: the admin deletes the endpoint, and nothing more is sent to it.
    await page.goto("/settings/webhooks");
    await page
      .getByRole("table", { name: "Webhook endpoints" })
      .getByRole("link", { name: receiver.url })
      .click();
    await page.getByRole("button", { name: "Delete endpoint" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this endpoint?" });
    await confirm.getByRole("button", { name: "Delete endpoint" }).click();
    await expect(page).toHaveURL(/\/settings\/webhooks$/);
    await expect(page.getByText("No endpoints yet")).toBeVisible();
  });
});
