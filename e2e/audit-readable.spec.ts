import type { Page } from "@playwright/test";
import { expect, SIM_ORIGIN, test } from "./fixtures";

/**
 * An admin reads the audit log: one line per entry on a wide screen, a card per entry on a phone;
 * an entry's details in a drawer with eNom's order id to copy; filters and the open entry in the
 * URL, so that a reload and the Back button keep them.
 *
 * The order to look up is a one-year renewal of meadow-insurance.net's only pak (the renew spec's
 * far-off pak: it renews from whatever expiry it finds). The page is filled past one page of 50
 * with CSV downloads, which are audited themselves and change nothing else.
 */

const DOMAIN = "meadow-insurance.net";
const TABLE = "Audit log entries, newest first";

async function onlyPak(domain: string): Promise<{ bundleId: number }> {
  const response = await fetch(`${SIM_ORIGIN}/_sim/state/domain/${domain}`);
  if (!response.ok) throw new Error(`${domain}: HTTP ${response.status}`);
  const { paks } = (await response.json()) as { paks: Array<{ bundleId: number }> };
  const [pak] = paks;
  if (!pak) throw new Error(`${domain} has no pak`);
  return pak;
}

/** Axe judges what is on screen: no hover shade, scrolled to the top. */
async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function renewForOneYear(page: Page, domain: string): Promise<void> {
  const pak = await onlyPak(domain);
  await page.goto(`/domains/${domain}`);
  await page.getByRole("link", { name: `Renew pak ${pak.bundleId}` }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Choose the term" })).toBeFocused();
  await page.getByLabel("Renew for").selectOption("1");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Review the renewal" })).toBeFocused();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Confirm the renewal" })).toBeFocused();
  await page.getByRole("button", { name: "Renew now" }).click();
  await expect(page).toHaveURL(/\/purchases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2, name: "Done" })).toBeVisible();
}

test.describe("a readable audit log", () => {
  test("an admin finds an order, opens its details, copies eNom's order id, and reload and Back keep the view", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await signInAs("admin");
    await renewForOneYear(page, DOMAIN);

    // More than a page of entries: each download of the log is itself an entry.
    for (let index = 0; index < 51; index += 1) {
      const response = await page.request.get(
        "/api/audit/export?outcome=unknown&from=2000-01-01&to=2000-01-01",
      );
      expect(response.status()).toBe(200);
    }

    // A full page, one line per entry: no more character-per-line columns.
    await page.goto("/audit");
    const table = page.getByRole("table", { name: TABLE });
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(50);
    for (const box of await rows.evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height)))
      expect(box).toBeLessThanOrEqual(48);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(4000);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    await expect(rows.first()).toContainText("Download the audit log");
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/audit-readable.png", fullPage: true });

    // Paging keeps the filters.
    const filters = page.getByRole("search", { name: "Filter the audit log" });
    await filters.getByLabel("Action").selectOption("audit.export");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]action=audit\.export(&|$)/);
    await page
      .getByRole("navigation", { name: "Audit log pages" })
      .getByRole("link", { name: "Older entries" })
      .click();
    await expect(page).toHaveURL(/[?&]action=audit\.export&before=\d+$/);
    await expect(filters.getByLabel("Action")).toHaveValue("audit.export");
    await expect(page.getByText("Older entries: showing")).toBeVisible();

    // The renewal, found by its domain and action.
    await filters.getByLabel("Domain").fill(DOMAIN);
    await filters.getByLabel("Action").selectOption("pak.renew");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]domain=meadow-insurance\.net(&|$)/);
    await expect(page).not.toHaveURL(/before=/);
    const renewal = rows.filter({ hasText: /order \d+/ }).first();
    await expect(renewal).toContainText("Renew a pak");
    await expect(renewal).toContainText(DOMAIN);
    await expect(renewal.getByText("Succeeded", { exact: true })).toBeVisible();
    const summary = (await renewal.getByRole("link").textContent()) ?? "";
    const orderId = /order (\d+)/.exec(summary)?.[1];
    expect(orderId, summary).toBeTruthy();

    // Its details in a drawer, with the entry in the URL beside the filters.
    await renewal.getByRole("link").click();
    const drawer = page.getByRole("dialog", { name: "Renew a pak" });
    await expect(drawer).toBeVisible();
    await expect(page).toHaveURL(/[?&]entry=\d+/);
    await expect(page).toHaveURL(/[?&]domain=meadow-insurance\.net(&|$)/);
    const entryUrl = page.url();
    await expect(drawer).toContainText(summary);
    await expect(drawer).toContainText(`pak.renew`);
    await expect(drawer.getByText(orderId ?? "-", { exact: true })).toBeVisible();
    await expect(drawer.getByRole("link", { name: `Domain ${DOMAIN}` })).toHaveAttribute(
      "href",
      `/domains/${DOMAIN}`,
    );
    await expect(drawer.getByRole("region", { name: "Details" })).toContainText('"key"');
    await drawer.getByRole("button", { name: "Copy order id" }).click();
    await expect(drawer.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(orderId);
    await expectAccessible();

    // A reload shows the same entry over the same filters.
    await page.reload();
    await expect(page.getByRole("dialog", { name: "Renew a pak" })).toBeVisible();
    expect(page.url()).toBe(entryUrl);
    await expect(filters.getByLabel("Domain")).toHaveValue(DOMAIN);
    await expect(filters.getByLabel("Action")).toHaveValue("pak.renew");
    // Escape closes it; the filters stay.
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page).not.toHaveURL(/entry=/);
    await expect(page).toHaveURL(/[?&]action=pak\.renew(&|$)/);

    // Opened from the list, Back closes it.
    await renewal.getByRole("link").click();
    await expect(page.getByRole("dialog", { name: "Renew a pak" })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page).not.toHaveURL(/entry=/);
    await expect(page).toHaveURL(/[?&]domain=meadow-insurance\.net(&|$)/);

    // The CSV holds what the page shows.
    const csv = await (await page.request.get(`/api/audit/export?domain=${DOMAIN}&action=pak.renew`)).text();
    expect(csv).toContain(`,${orderId},`);
  });

  test("on a phone each entry is a card, and its details open full width", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await signInAs("admin");
    await page.goto("/audit?action=auth.sign-in");
    await expect(page.getByRole("table", { name: TABLE })).toBeHidden();
    const cards = page.getByRole("list", { name: TABLE }).getByRole("listitem");
    await expect(cards.first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(376);
    await settle(page);
    await expectAccessible();

    await cards.first().getByRole("link", { name: "Sign in" }).click();
    const drawer = page.getByRole("dialog", { name: "Sign in" });
    await expect(drawer).toBeVisible();
    const width = await drawer.evaluate((element) => element.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(370);
    await expect(page).toHaveURL(/[?&]action=auth\.sign-in&entry=\d+$/);
    await expectAccessible();
    await drawer.getByRole("button", { name: "Close" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page).toHaveURL(/\/audit\?action=auth\.sign-in$/);
  });

  test("a link to an entry that does not exist says so and shows the log", async ({ page, signInAs }) => {
    await signInAs("staff");
    await page.goto("/audit?entry=999999999");
    await expect(page.getByText("There is no audit entry #999999999.")).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await page.goto("/audit?entry=abc");
    await expect(page.getByText("There is no audit entry with that number.")).toBeVisible();
  });
});
