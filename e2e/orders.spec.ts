import type { Page } from "@playwright/test";
import { DEMO_USERS, expect, test, signedInPage } from "./fixtures";

/**
 * The order history: staff buy a pak through the wizard and find it on /orders by its order ID,
 * with its outcome, price and cost, a link to its result page and a CSV download of the same
 * filters; a customer the reseller lets buy sees only its own orders, at its own prices, never the
 * cost nor the word eNom, and a customer not allowed to buy or renew has no such page.
 *
 * The simulator is shared by every spec and never reset: the pak goes to silverline-auto.org, the
 * domain the purchase spec buys small paks for (a seeded domain without email, last by name), with
 * choices no other spec orders (2 mailboxes, 10 GB, yearly, 2 years), so the purchase gate's
 * "same order" check never meets another spec's order.
 */

const DOMAIN = "silverline-auto.org";
const WIZARD_URL = `/purchase?domain=${DOMAIN}&unit=boxes&qty=2&gb=10&period=year&terms=2`;
const WHAT = "Bought 2 mailboxes · 10 GB each, yearly · 2 years";

function detail(page: Page, label: string) {
  return page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
}

/** Axe judges what is on screen: no hover shade, scrolled to the top. */
async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Nothing wider than a 375 px screen: the table scrolls inside its own frame. */
async function expectFitsPhone(page: Page) {
  const desktop = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width: 375, height: 812 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the orders page scrolls sideways at 375 px").toBeLessThanOrEqual(0);
  await page.setViewportSize(desktop);
}

/** The admin lets the demo customer buy email paks, or not, through the customer's page. */
async function setDemoCanBuy(admin: Page, allowed: boolean) {
  await admin.goto("/customers");
  await admin.getByRole("link", { name: "Northwind Traders" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "Northwind Traders" })).toBeVisible();
  const details = admin.getByRole("form", { name: "Customer details" });
  await details.getByLabel("Buy email paks").setChecked(allowed);
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByRole("status")).toHaveText("Northwind Traders is saved.");
}

test.describe("order history", () => {
  // The customer's story looks for the order the staff story placed.
  test.describe.configure({ mode: "serial" });
  let orderId = "";
  let resultPath = "";

  test("staff buy a pak through the wizard, then find it on Orders by its order ID", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await signInAs("staff");
    await page.goto(WIZARD_URL);
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Review the price" })).toBeVisible();
    const retail = (await detail(page, "Your price to the customer").innerText()).trim();
    const cost = (await detail(page, "Debited from the account balance").innerText()).trim();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Confirm the purchase" })).toBeVisible();
    await page.getByRole("button", { name: "Buy now" }).click();
    await expect(page).toHaveURL(/\/purchases\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 2, name: "Done" })).toBeVisible();
    orderId = (await detail(page, "Order number").innerText()).trim();
    resultPath = new URL(page.url()).pathname;
    expect(orderId).toMatch(/\S+/);

    // The order history, newest first: the order is there by its order ID.
    await page.goto("/orders");
    await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
    await page.getByRole("search", { name: "Filter the orders" }).getByLabel("Search").fill(orderId);
    await page.getByRole("button", { name: "Apply filters" }).click();
    // A plain GET form: the filters are the page's address.
    await expect(page).toHaveURL(new RegExp(`/orders\\?q=${orderId}&`));
    const rows = page.getByRole("table", { name: "Orders, newest first" }).locator("tbody tr");
    await expect(rows).toHaveCount(1);
    const row = rows.first();
    await expect(row).toContainText(DOMAIN);
    await expect(row).toContainText("Done");
    await expect(row).toContainText(orderId);
    await expect(row).toContainText("staff@demo.test");
    await expect(row).toContainText(retail);
    await expect(row).toContainText(cost);
    await expect(row.getByRole("button", { name: `Copy eNom order ID ${orderId}` })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute(
      "href",
      `/api/orders/export?q=${orderId}`,
    );
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/orders.png", fullPage: true });
    await expectFitsPhone(page);

    // The CSV holds the same order, with its cost.
    const csv = await (await page.request.get(`/api/orders/export?q=${orderId}`)).text();
    expect(csv).toContain(`${DOMAIN},`);
    expect(csv).toContain(WHAT);
    expect(csv).toContain("Cost (USD)");

    // The row leads to the order's result page.
    await row.getByRole("link", { name: WHAT }).click();
    await expect(page).toHaveURL(new RegExp(`${resultPath}$`));
    await expect(detail(page, "Order number")).toHaveText(orderId);

    // Filters that match nothing say so, with a way back.
    await page.goto(`/orders?q=${orderId}&outcome=failed`);
    await expect(page.getByRole("heading", { name: "No orders match" })).toBeVisible();
    await page.getByRole("link", { name: "Show every order" }).click();
    await expect(page).toHaveURL(/\/orders$/);
  });

  test("a customer sees only its own orders, and only when allowed to buy or renew", async ({
    page,
    browser,
    signInAs,
    expectAccessible,
  }) => {
    test.skip(!orderId, "needs the staff order of the test before");
    await signInAs("customer");
    // The demo customer may not buy or renew: the page does not exist for it.
    expect((await page.goto("/portal/orders"))?.status()).toBe(404);
    expect((await page.request.get("/api/orders/export")).status()).toBe(404);
    // Nor does the staff page.
    expect((await page.goto("/orders"))?.status()).toBe(404);

    const admin = await signedInPage(browser, DEMO_USERS.admin);
    try {
      await setDemoCanBuy(admin, true);
      await page.goto("/portal/orders");
      await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
      // Staff's order for another domain is not the customer's.
      await expect(page.getByText(DOMAIN)).toHaveCount(0);
      await expect(page.getByText(orderId, { exact: true })).toHaveCount(0);
      await expect(
        page.getByRole("search", { name: "Filter the orders" }).getByLabel("Customer"),
      ).toHaveCount(0);
      await expect(page.getByRole("main")).not.toContainText(/eNom|cost/i);

      await page.goto(`/portal/orders?q=${orderId}`);
      await expect(page.getByRole("heading", { name: "No orders match" })).toBeVisible();
      await settle(page);
      await expectAccessible();
      await page.screenshot({ path: "docs/screenshots/portal-orders.png", fullPage: true });
      await expectFitsPhone(page);

      // Its download holds none of it either, and no cost column.
      const csv = await (await page.request.get("/api/orders/export")).text();
      expect(csv).not.toContain(DOMAIN);
      expect(csv).not.toMatch(/eNom|Cost/);
      expect(csv).toContain("Price (USD)");
    } finally {
      await setDemoCanBuy(admin, false);
      await admin.context().close();
    }
    expect((await page.goto("/portal/orders"))?.status()).toBe(404);
  });
});
