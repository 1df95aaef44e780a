import type { Locator, Page } from "@playwright/test";
import { DEMO_USERS, expect, test, signedInPage } from "./fixtures";
import { demoCustomerDomains, domainsWithEmail, truth } from "./sim";

/**
 * The customer's portal: a customer signs in, sees only its own domains (those the demo seed gave
 * Northwind Traders), opens one and creates, resets and deletes a mailbox in the same grid staff
 * use; staff pages and other customers' domains are a plain 404; and when the reseller takes away
 * mailbox management the grid becomes read-only. Each portal page is screenshotted at desktop
 * width and at 375 px, and checked with axe at both.
 *
 * The simulator is shared and never reset: the mailbox made here has a name no other run uses, on
 * one of the demo customer's domains, which no other spec writes to.
 */

/** One of the demo customer's domains with an active pak that has room for a mailbox. */
async function domainWithRoom(domains: readonly string[]): Promise<string> {
  for (const name of domains) {
    const state = await truth(name);
    if (state.paks.some((pak) => !pak.expired && pak.qtyAvailable > 0)) return name;
  }
  throw new Error("None of the demo customer's domains has an active pak with room.");
}

const stamp = Date.now().toString(36).slice(-6);

function rowOf(page: Page, domain: string, address: string): Locator {
  return page
    .getByRole("table", { name: `Mailboxes of ${domain}` })
    .getByRole("row")
    .filter({ has: page.getByText(address, { exact: true }) });
}
const results = (page: Page) => page.getByRole("region", { name: "Changes sent and their results" });

/** Axe judges what is on screen: no hover shade, not scrolled under the sticky header. */
async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Screenshots and axe at desktop width and at 375 px, then back to desktop. */
async function captureBothWidths(page: Page, name: string, expectAccessible: () => Promise<void>) {
  const desktop = page.viewportSize() ?? { width: 1280, height: 720 };
  await settle(page);
  await expectAccessible();
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await settle(page);
  // Nothing wider than the screen: the page never scrolls sideways at 375 px (tables scroll inside).
  const tooWide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
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
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at 375 px: ${tooWide.join("; ")}`).toBeLessThanOrEqual(0);
  await expectAccessible();
  await page.screenshot({ path: `docs/screenshots/${name}-mobile.png`, fullPage: true });
  await page.setViewportSize(desktop);
}

/** The admin sets one of the demo customer's allowances, through the customer's page. */
const CREATE_MAILBOXES = "Create mailboxes";
const MANAGE_MAILBOXES = "Reset passwords, delete mailboxes and make administrators";

async function setDemoAllowance(admin: Page, label: string, allowed: boolean) {
  await admin.goto("/customers");
  await admin.getByRole("link", { name: "Northwind Traders" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "Northwind Traders" })).toBeVisible();
  const details = admin.getByRole("form", { name: "Customer details" });
  await details.getByLabel(label).setChecked(allowed);
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByRole("status")).toHaveText("Northwind Traders is saved.");
}

test.describe("customer portal", () => {
  // Each test walks several pages at two widths with axe: more than a minute on a loaded machine.
  test.describe.configure({ timeout: 150_000 });
  test("a customer sees only its domains, and creates, resets and deletes a mailbox", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const mine = await demoCustomerDomains();
    expect(mine).toHaveLength(4);
    await signInAs("customer");
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your domains" })).toBeVisible();
    // The tab names the reseller's product, never the panel or the provider (metadata may stream in).
    await expect(page).toHaveTitle(/^Your domains · /);
    expect(await page.title()).not.toMatch(/mailpak|enom/i);

    // Exactly the customer's domains, as cards with their mailboxes and expiries.
    const cards = page.getByRole("list", { name: "Your domains" }).getByRole("listitem");
    await expect(cards).toHaveCount(mine.length);
    const shown = await cards.getByRole("heading", { level: 2 }).allTextContents();
    expect(shown.map((name) => name.trim()).sort()).toEqual(mine);
    await expect(cards.first().getByRole("progressbar")).toHaveAttribute("aria-valuetext", /mailboxes used/);

    // No staff navigation, no balance, no costs.
    const portalNav = page.getByRole("navigation", { name: "Portal" });
    await expect(portalNav.getByRole("link", { name: "Domains" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("link", { name: /customers|audit|settings|users/i })).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(/balance|cost price|enom/i);
    await captureBothWidths(page, "portal-home", expectAccessible);

    // A domain: the same grid as staff, within what the reseller allows (mailboxes, yes).
    const domain = await domainWithRoom(mine);
    await page.getByRole("link", { name: domain, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/portal/domains/${domain.replace(/\./g, "\\.")}$`));
    await expect(page.getByRole("heading", { level: 1, name: domain })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Mailboxes", exact: true })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^${domain.replace(/\./g, "\\.")} · `));

    const userName = `portal${stamp}`;
    const address = `${userName}@${domain}`;
    await page.getByRole("button", { name: "Add mailboxes" }).click();
    const adding = page.getByRole("dialog", { name: "Add mailboxes" });
    const first = adding.getByRole("group", { name: "Mailbox 1" });
    await first.getByLabel("User name").fill(userName);
    await first.getByLabel("Display name").fill("Portal test");
    await expect(first.getByText("Meets the password rules.")).toBeVisible();
    await adding.getByRole("button", { name: "Create mailbox" }).click();
    await expect(adding).toBeHidden();
    await expect(results(page).getByText(`${address} is created.`)).toBeVisible();
    await expect(rowOf(page, domain, address)).toContainText("Portal test");
    expect((await truth(domain)).mailboxes.some((mailbox) => mailbox.userName === userName)).toBe(true);
    await results(page)
      .getByRole("button", { name: `Dismiss: Create ${address}` })
      .click();
    await captureBothWidths(page, "portal-domain", expectAccessible);

    // A new password, shown once.
    const before = (await truth(domain)).mailboxes.find(
      (mailbox) => mailbox.userName === userName,
    )?.passwordSetAt;
    await rowOf(page, domain, address)
      .getByRole("button", { name: `New password for ${address}` })
      .click();
    const reset = page.getByRole("dialog", { name: `New password for ${address}` });
    await reset.getByRole("button", { name: "Generate a password" }).click();
    const password = await reset.getByLabel("New password").inputValue();
    await reset.getByRole("button", { name: "Set new password" }).click();
    await expect(reset.getByText(password, { exact: true })).toBeVisible();
    await settle(page);
    await expectAccessible();
    await reset.getByRole("button", { name: "Done" }).click();
    await expect(reset).toBeHidden();
    const after = (await truth(domain)).mailboxes.find(
      (mailbox) => mailbox.userName === userName,
    )?.passwordSetAt;
    expect(after).not.toBe(before);

    // Deleted, after a confirmation.
    await rowOf(page, domain, address)
      .getByRole("button", { name: `Delete ${address}` })
      .click();
    const deleting = page.getByRole("dialog", { name: `Delete ${address}?` });
    await deleting.getByRole("button", { name: "Delete mailbox for good" }).click();
    await expect(results(page).getByText(`${address} is deleted.`)).toBeVisible();
    await expect(rowOf(page, domain, address)).toHaveCount(0);
    expect((await truth(domain)).mailboxes.some((mailbox) => mailbox.userName === userName)).toBe(false);
  });

  test("staff pages, other customers' domains and what the reseller has not allowed are a plain 404", async ({
    page,
    signInAs,
  }) => {
    const mine = new Set(await demoCustomerDomains());
    const foreign = (await domainsWithEmail()).find((name) => !mine.has(name) && !name.startsWith("enom"));
    expect(foreign).toBeTruthy();
    await signInAs("customer");
    const guesses = [
      "/domains",
      `/domains/${[...mine][0]}`,
      "/customers",
      "/users",
      "/audit",
      "/settings",
      "/settings/branding",
      "/expirations",
      "/purchase",
      "/renew",
      "/account",
      `/portal/domains/${foreign}`,
      "/portal/domains/not-a-domain",
      // The demo customer may not buy or renew.
      "/portal/purchase",
      "/portal/renew?domain=x.example&pak=1",
    ];
    for (const path of guesses) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(page.locator("body")).not.toContainText(foreign ?? "-");
      // The tab names the reseller's product or nothing: never the panel's own name.
      await expect(page).toHaveTitle(/^Page not found/);
      expect(await page.title(), path).not.toContain("Mailpak");
    }
    // The portal's own 404 stays in the portal's frame, under the reseller's brand.
    await page.goto(`/portal/domains/${foreign}`);
    await expect(page).toHaveTitle(/^Page not found · \S/);
    await expect(page.getByRole("link", { name: "Back to your domains" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Portal" })).toBeVisible();
  });

  test("a customer reaches their own account page from the user menu", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await signInAs("customer");
    await page.getByRole("button", { name: /Account menu for/ }).click();
    await page.getByRole("link", { name: "My account" }).click();
    await expect(page).toHaveURL(/\/portal\/account$/);
    await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
    await expect(
      page.getByRole("form", { name: "Change your password" }).getByLabel("Current password"),
    ).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Portal" })).toBeVisible();
    await page.mouse.move(0, 0);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/portal-account.png", fullPage: true });
  });

  test("when the reseller does not allow mailbox management, the customer's grid is read-only", async ({
    page,
    browser,
    signInAs,
    expectAccessible,
  }) => {
    const [domain] = await demoCustomerDomains();
    if (!domain) throw new Error("The demo customer has no domains.");
    const admin = await signedInPage(browser, DEMO_USERS.admin);
    try {
      await setDemoAllowance(admin, CREATE_MAILBOXES, false);
      await setDemoAllowance(admin, MANAGE_MAILBOXES, false);
      await signInAs("customer");
      await page.goto(`/portal/domains/${domain}`);
      await expect(page.getByRole("heading", { level: 2, name: "Mailboxes", exact: true })).toBeVisible();
      await expect(page.getByText("Ask your provider to make changes.")).toBeVisible();
      const grid = page.getByRole("table", { name: `Mailboxes of ${domain}` });
      await expect(grid).toBeVisible();
      // No button that changes anything: no adding, importing, resetting, forwarding or deleting.
      await expect(
        page.getByRole("button", { name: /^(add mailboxes|import|new password for|delete|forwarding of)/i }),
      ).toHaveCount(0);
      await expect(grid.getByRole("switch")).toHaveCount(0);
      await expect(grid.getByRole("checkbox")).toHaveCount(0);
      await settle(page);
      await expectAccessible();
    } finally {
      await setDemoAllowance(admin, CREATE_MAILBOXES, true);
      await setDemoAllowance(admin, MANAGE_MAILBOXES, true);
      await admin.context().close();
    }
  });

  test("allowed to create mailboxes only, the customer adds them but cannot reset, delete or make administrators", async ({
    page,
    browser,
    signInAs,
  }) => {
    const [domain] = await demoCustomerDomains();
    if (!domain) throw new Error("The demo customer has no domains.");
    const admin = await signedInPage(browser, DEMO_USERS.admin);
    try {
      await setDemoAllowance(admin, MANAGE_MAILBOXES, false);
      await signInAs("customer");
      await page.goto(`/portal/domains/${domain}`);
      const grid = page.getByRole("table", { name: `Mailboxes of ${domain}` });
      await expect(grid).toBeVisible();
      await expect(page.getByRole("button", { name: "Add mailboxes" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Import CSV" })).toBeVisible();
      await expect(
        page.getByRole("button", { name: /^(new password for|delete|forwarding of)/i }),
      ).toHaveCount(0);
      await expect(grid.getByRole("switch")).toHaveCount(0);
      await expect(grid.getByRole("checkbox")).toHaveCount(0);
    } finally {
      await setDemoAllowance(admin, MANAGE_MAILBOXES, true);
      await admin.context().close();
    }
  });
});
