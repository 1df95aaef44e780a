import type { Page } from "@playwright/test";
import { DEMO_USERS, expect, test, signedInPage } from "./fixtures";

/**
 * Issue 18, the ledger: an admin gives the demo's buying customer (Oakridge Bakery) a price of its
 * own, staff buy a pak for one of its domains through the wizard at that price, and the
 * customer's statement for the month shows the order with eNom's order ID, what the customer owes
 * and (to staff) the cost and margin; its CSV holds the same row, and its printable page carries
 * the reseller's brand and never the word eNom nor a cost. The customer's administrator finds the
 * same row under Statements in the portal, at its price only. The price is put back in `finally`.
 *
 * No other spec buys for valley-cafe.co nor changes Oakridge Bakery's prices; the choices (3
 * mailboxes, 10 GB, monthly, 1 month) are this spec's own, so the purchase gate meets no other order.
 */

const CUSTOMER = "Oakridge Bakery";
const DOMAIN = "valley-cafe.co";
const WIZARD_URL = `/purchase?domain=${DOMAIN}&unit=boxes&qty=3&gb=10&period=month&terms=1`;
const WHAT = "Bought 3 mailboxes · 10 GB each, monthly";
/** The bakery's own price for a 10 GB mailbox, per month (the price list: $1.50). */
const OWN_PRICE = "2.00";
const RETAIL = "$6.00";

function detail(page: Page, label: string) {
  return page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
}

async function openCustomer(page: Page): Promise<string> {
  await page.goto("/customers");
  await page.getByRole("link", { name: CUSTOMER }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: CUSTOMER })).toBeVisible();
  return new URL(page.url()).pathname;
}

const currentMonth = () => new Date().toISOString().slice(0, 7);

test.describe("the ledger", () => {
  test.describe.configure({ mode: "serial" });

  test("a staff purchase at the customer's own price shows on its statement, CSV and printable page", async ({
    page,
    browser,
    signInAs,
    expectAccessible,
  }) => {
    test.setTimeout(120_000);
    const admin = await signedInPage(browser, DEMO_USERS.admin);
    const customerPath = await openCustomer(admin);
    try {
      // The admin gives the bakery its own price for 10 GB monthly mailboxes.
      await admin.getByRole("link", { name: "Prices" }).click();
      await expect(admin.getByRole("heading", { level: 1, name: `Prices of ${CUSTOMER}` })).toBeVisible();
      const form = admin.getByRole("form", { name: `Prices of ${CUSTOMER}` });
      await form.getByLabel(`${CUSTOMER}'s price: 10 GB mailbox, per month`).fill(OWN_PRICE);
      await form.getByRole("button", { name: "Save prices" }).click();
      await expect(form.getByRole("status")).toContainText("prices are saved");

      // Staff buy for the bakery's domain: the review shows the bakery's price.
      await signInAs("staff");
      await page.goto(WIZARD_URL);
      await page.getByRole("button", { name: "Review" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Review the price" })).toBeVisible();
      await expect(detail(page, "Your price to the customer")).toHaveText(RETAIL);
      const cost = (await detail(page, "Debited from the account balance").innerText()).trim();
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("button", { name: "Buy now" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Done" })).toBeVisible();
      const orderId = (await detail(page, "Order number").innerText()).trim();
      expect(orderId).toMatch(/\S+/);

      // The customer's statement for this month has the order, with cost and margin for staff.
      await page.goto(customerPath);
      await page.getByRole("link", { name: "Statement" }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Statement of ${CUSTOMER}` })).toBeVisible();
      const row = page.getByRole("row").filter({ hasText: orderId });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(DOMAIN);
      await expect(row).toContainText(WHAT);
      await expect(row).toContainText(RETAIL);
      await expect(row).toContainText(cost);
      await page.mouse.move(0, 0);
      await expectAccessible();

      // Its CSV: the same row, with the cost.
      const customerId = customerPath.split("/").at(-1) ?? "";
      const csv = await (
        await page.request.get(`/api/ledger/statement?customerId=${customerId}&month=${currentMonth()}`)
      ).text();
      const line = csv.split("\r\n").find((text) => text.includes(orderId)) ?? "";
      expect(line).toContain(DOMAIN);
      expect(line).toContain("6.00");
      expect(csv).toContain("Cost (USD)");

      // The printable statement: the reseller's brand, no cost, never eNom.
      await page.getByRole("link", { name: "Printable statement" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Statement" })).toBeVisible();
      // The title streams in after the page (Next.js streams metadata), and the staff's statement
      // page before it has a title of the same start: wait for the printable page's own.
      await expect(page).toHaveTitle(/^Statement · (?!Mailpak$)/);
      const brand = (await page.title()).replace(/^Statement · /, "");
      expect(brand).not.toBe("Mailpak");
      await expect(page.locator("main header")).toContainText(brand);
      await expect(page.getByRole("row").filter({ hasText: orderId })).toContainText(RETAIL);
      const printed = await page.locator("body").innerText();
      expect(printed).not.toMatch(/enom|cost|margin|TrackingKey/i);
      await expectAccessible();
      await page.screenshot({ path: "docs/screenshots/statement-print.png", fullPage: true });

      // The customer's administrator reads the same row in the portal, at its price only.
      const bakery = await signedInPage(browser, DEMO_USERS.buyer);
      try {
        await bakery
          .getByRole("navigation", { name: "Portal" })
          .getByRole("link", { name: "Statements" })
          .click();
        await expect(bakery.getByRole("heading", { level: 1, name: "Statements" })).toBeVisible();
        const own = bakery.getByRole("row").filter({ hasText: orderId });
        await expect(own).toContainText(RETAIL);
        await expect(bakery.getByRole("main")).not.toContainText(/eNom|cost|margin/i);
        const ownCsv = await (
          await bakery.request.get(`/api/ledger/statement?month=${currentMonth()}`)
        ).text();
        expect(ownCsv).toContain(orderId);
        expect(ownCsv).not.toMatch(/enom|cost|margin/i);
        // Whatever customer an address names, a customer downloads its own statement only.
        const named = await bakery.request.get(
          `/api/ledger/statement?customerId=00000000-0000-4000-8000-000000000000&month=${currentMonth()}`,
        );
        expect(await named.text()).toContain(orderId);
        await bakery.getByRole("link", { name: "Printable statement" }).click();
        await expect(bakery.getByRole("heading", { level: 1, name: "Statement" })).toBeVisible();
        expect(await bakery.locator("body").innerText()).not.toMatch(/enom|cost/i);
        // The staff's statement pages do not exist for a customer.
        expect((await bakery.goto(`${customerPath}/statement`))?.status()).toBe(404);
      } finally {
        await bakery.context().close();
      }

      // Northwind may neither buy nor renew: no statements page, no export.
      await signInAs("customer");
      expect((await page.goto("/portal/statements"))?.status()).toBe(404);
      expect((await page.request.get(`/api/ledger/export?from=2026-01-01&to=2026-12-31`)).status()).toBe(404);
    } finally {
      await admin.goto(`${customerPath}/prices`);
      const form = admin.getByRole("form", { name: `Prices of ${CUSTOMER}` });
      const reset = form.getByRole("button", { name: "Use the price list" });
      if (await reset.isVisible()) {
        await reset.click();
        await expect(form.getByRole("status")).toContainText("price list");
      }
      await admin.context().close();
    }
  });

  test("the dashboard shows margin per month and exports the ledger for accounting", async ({
    page,
    signInAs,
  }) => {
    await signInAs("admin");
    await page.goto("/");
    const panel = page.getByRole("region", { name: "Margin per month" });
    await expect(panel).toBeVisible();
    await panel.getByText("The figures").click();
    await expect(panel.getByRole("table", { name: "Retail, cost and margin per month" })).toBeVisible();
    const today = new Date().toISOString().slice(0, 10);
    const response = await page.request.get(`/api/ledger/export?from=${today.slice(0, 8)}01&to=${today}`);
    expect(response.status()).toBe(200);
    const csv = await response.text();
    expect(csv).toContain("Margin (USD)");
    expect(csv).toContain(DOMAIN);
  });
});
