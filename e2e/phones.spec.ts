import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DOCUMENT_DOMAINS, demoCustomerDomains, domainsWithEmail, truth } from "./sim";

/**
 * On a phone (375 × 812), staff and a customer go through their main pages: none scrolls
 * sideways (wide tables scroll inside their own frame, which says so), and each passes axe. On a
 * domain page the mailboxes are cards, and a staff member ticks two of them: the bulk bar counts
 * two, the very selection the wide table shares. Nothing here writes to the email service.
 */

test.use({ viewport: { width: 375, height: 812 } });

const PHONE_WIDTH = 375;

/** The first domain (by name) with at least this many mailboxes; only read here, never changed. */
async function domainWithMailboxes(names: readonly string[], atLeast: number): Promise<string> {
  for (const name of names) {
    if (DOCUMENT_DOMAINS.has(name)) continue;
    if ((await truth(name)).mailboxes.length >= atLeast) return name;
  }
  throw new Error(`No seeded domain has ${atLeast} mailboxes or more.`);
}

/** Axe judges what is on screen: no hover shade, not scrolled under the sticky header. */
async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The page is no wider than the phone; on failure, says which elements stick out. */
async function expectNoSidewaysScroll(page: Page, name: string) {
  const { scrollWidth, tooWide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    tooWide: [...document.querySelectorAll("body *")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return (
          box.width > 0 &&
          box.right > window.innerWidth + 1 &&
          !element.parentElement?.closest(".overflow-x-auto, .overflow-auto")
        );
      })
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 80)} (${Math.round(element.getBoundingClientRect().right)} px)`,
      ),
  }));
  expect(
    scrollWidth,
    `${name} scrolls sideways at ${PHONE_WIDTH} px: ${tooWide.join("; ")}`,
  ).toBeLessThanOrEqual(PHONE_WIDTH + 1);
}

/** Opens a page, waits for its heading and its data, and checks width and accessibility. */
async function checkPage(page: Page, path: string, heading: string, expectAccessible: () => Promise<void>) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await settle(page);
  await expectNoSidewaysScroll(page, path);
  await expectAccessible();
}

test.describe("on a phone", () => {
  // Each test opens many pages and runs axe on each: on a loaded CI machine that takes over a minute.
  test.describe.configure({ timeout: 180_000 });
  test("staff pages fit the screen, and mailboxes are cards that can be selected for bulk actions", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const domain = await domainWithMailboxes(await domainsWithEmail(), 2);
    await signInAs("staff");

    await checkPage(page, "/", "Dashboard", expectAccessible);
    await checkPage(page, "/domains", "Domains", expectAccessible);
    await checkPage(page, "/expirations", "Expirations", expectAccessible);
    await checkPage(page, "/customers", "Customers", expectAccessible);
    await checkPage(page, "/activity", "Activity", expectAccessible);
    await checkPage(page, "/audit", "Audit log", expectAccessible);

    // A wide table scrolls inside its own frame, which says so and takes the keyboard's focus.
    await page.goto("/domains");
    const frame = page.getByRole("region", { name: /\(scrolls sideways\)$/ }).first();
    await expect(frame).toBeVisible();
    await expect(page.getByText("Scroll sideways to see every column.").first()).toBeVisible();
    await frame.focus();
    await expect(frame).toBeFocused();

    // The domain page: no table of mailboxes, a card for each.
    await page.goto(`/domains/${domain}`);
    await expect(page.getByRole("heading", { level: 1, name: domain })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Mailboxes", exact: true })).toBeVisible();
    const cards = page.getByRole("list", { name: `Mailboxes of ${domain}` });
    await expect(cards).toBeVisible();
    await expect(page.getByRole("table", { name: `Mailboxes of ${domain}` })).toHaveCount(0);
    const items = cards.getByRole("listitem");
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    // Each card: its address as heading, its storage, its administrator switch, its actions.
    const first = items.nth(0).getByRole("article");
    const address = (await first.getByRole("heading", { level: 3 }).textContent())?.trim() ?? "";
    expect(address).toMatch(new RegExp(`@${domain.replace(/\./g, "\\.")}$`));
    await expect(first.getByRole("progressbar", { name: `Storage used by ${address}` })).toBeVisible();
    await expect(first.getByRole("switch", { name: `Administrator: ${address}` })).toBeVisible();
    await expect(first.getByRole("button", { name: `New password for ${address}` })).toBeVisible();
    await expect(first.getByRole("button", { name: `Delete ${address}` })).toBeVisible();
    // The address is not broken inside its name: its first line ends at the @ or later.
    const heading = first.getByRole("heading", { level: 3 });
    const lines = await heading.evaluate((element) =>
      Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)),
    );
    expect(lines, `${address} takes more lines than it needs`).toBeLessThanOrEqual(2);

    // Two ticked: the bulk bar counts two; "Select all" then takes every card shown.
    await settle(page);
    await expectNoSidewaysScroll(page, `/domains/${domain}`);
    const boxes = cards.getByRole("checkbox");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const bulk = page.getByRole("group", { name: "Actions on the selected mailboxes" });
    await expect(bulk).toContainText("2 selected");
    await expect(bulk.getByRole("button", { name: "Delete" })).toBeVisible();
    await expectNoSidewaysScroll(page, `/domains/${domain} with a selection`);
    await settle(page);
    await expectAccessible();
    await page.getByRole("checkbox", { name: "Select all mailboxes shown" }).check();
    await expect(bulk).toContainText(`${await items.count()} selected`);

    // Turned sideways into a wide screen, the table keeps the selection; back on the phone, the cards do.
    await page.setViewportSize({ width: 1280, height: 720 });
    const table = page.getByRole("table", { name: `Mailboxes of ${domain}` });
    await expect(table).toBeVisible();
    await expect(table.getByRole("checkbox", { name: `Select ${address}` })).toBeChecked();
    await table.getByRole("checkbox", { name: `Select ${address}` }).uncheck();
    await page.setViewportSize({ width: PHONE_WIDTH, height: 812 });
    await expect(cards.getByRole("checkbox", { name: `Select ${address}` })).not.toBeChecked();
    await bulk.getByRole("button", { name: "Clear selection" }).click();
    await expect(bulk).toBeHidden();
  });

  test("the customer's portal fits the screen, its domain's mailboxes as cards", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const mine = await demoCustomerDomains();
    const domain = await domainWithMailboxes(mine, 1);
    await signInAs("customer");

    await checkPage(page, "/portal", "Your domains", expectAccessible);
    await expect(page.getByRole("list", { name: "Your domains" }).getByRole("listitem")).toHaveCount(
      mine.length,
    );
    await checkPage(page, "/portal/activity", "Activity", expectAccessible);
    await checkPage(page, "/portal/account", "My account", expectAccessible);
    // This customer may not buy: it has no orders or requests pages; its administrator has Team.
    await checkPage(page, "/portal/team", "Team", expectAccessible);
    await checkPage(page, "/portal/search?q=a", "Search", expectAccessible);

    await page.goto(`/portal/domains/${domain}`);
    await expect(page.getByRole("heading", { level: 1, name: domain })).toBeVisible();
    const cards = page.getByRole("list", { name: `Mailboxes of ${domain}` });
    await expect(cards.getByRole("listitem").first()).toBeVisible();
    await expect(page.getByRole("table", { name: `Mailboxes of ${domain}` })).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(/enom/i);
    await page.waitForLoadState("networkidle");
    await settle(page);
    await expectNoSidewaysScroll(page, `/portal/domains/${domain}`);
    await expectAccessible();
  });

  test("staff's other pages fit the screen too", async ({ page, signInAs, expectAccessible }) => {
    await signInAs("staff");
    await checkPage(page, "/orders", "Orders", expectAccessible);
    await checkPage(page, "/approvals", "Approvals", expectAccessible);
    await checkPage(page, "/notifications", "Notifications", expectAccessible);
    await checkPage(page, "/search?q=a", "Search", expectAccessible);
    await checkPage(page, "/purchase", "Buy email", expectAccessible);
    await checkPage(page, "/renew", "Renew email", expectAccessible);
    await checkPage(page, "/account", "My account", expectAccessible);
    await checkPage(page, "/demo-mail", "Demo emails", expectAccessible);
  });

  test("an admin's pages fit the screen, and the morning screens look right on a phone", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await signInAs("admin");
    await checkPage(page, "/settings", "Settings", expectAccessible);
    await checkPage(page, "/settings/webhooks", "Settings", expectAccessible);
    await checkPage(page, "/settings/api-keys", "Settings", expectAccessible);
    await checkPage(page, "/settings/api", "API reference", expectAccessible);
    await checkPage(page, "/users", "Users", expectAccessible);
    await checkPage(page, "/", "Dashboard", expectAccessible);
    await page.screenshot({ path: "docs/screenshots/dashboard-mobile.png", fullPage: true });
    await checkPage(page, "/audit", "Audit log", expectAccessible);
    await page.screenshot({ path: "docs/screenshots/audit-mobile.png" });
    // The filters fold behind a button on a phone, so the first screen shows orders, not fields.
    await checkPage(page, "/orders?kind=purchase", "Orders", expectAccessible);
    const filters = page.getByRole("search", { name: "Filter the orders" });
    const toggle = filters.getByRole("button", { name: /^Filters · 1 in force/ });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(filters.getByLabel("What")).toBeHidden();
    await page.screenshot({ path: "docs/screenshots/orders-mobile.png" });
    await toggle.click();
    await expect(filters.getByLabel("What")).toHaveValue("purchase");
    await expectNoSidewaysScroll(page, "/orders with its filters shown");
    await expectAccessible();
  });

  test("a customer that may buy and renew reaches every page of its portal on a phone", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await signInAs("buyer");
    await checkPage(page, "/portal", "Your domains", expectAccessible);
    await checkPage(page, "/portal/purchase", "Buy email", expectAccessible);
    await checkPage(page, "/portal/renew", "Renew email", expectAccessible);
    await checkPage(page, "/portal/requests", "Requests", expectAccessible);
    await checkPage(page, "/portal/orders", "Orders", expectAccessible);
    await checkPage(page, "/portal/activity", "Activity", expectAccessible);
    await checkPage(page, "/portal/account", "My account", expectAccessible);
    await checkPage(page, "/portal/statements", "Statements", expectAccessible);
    await checkPage(page, "/portal/api-keys", "API keys", expectAccessible);
    await page.getByRole("link", { name: "How to call the API" }).click();
    await checkPage(page, "/portal/api-keys/reference", "API reference", expectAccessible);
    // Only what a customer key can call: no customers, no audit log.
    await expect(
      page.getByRole("heading", { level: 3, name: "POST /domains/{domain}/mailboxes", exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: /\/customers|\/audit/ })).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(/enom/i);
  });
});
