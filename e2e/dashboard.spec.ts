import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { sim } from "./sim";

/**
 * The reseller's morning page: an admin opens the dashboard and sees what needs attention now,
 * each item with the one link that fixes it (the renew wizard with exactly those paks, the
 * domain, the orders to check, the approvals, the nearly full mailboxes); renewals per month
 * against the balance; the account over time; the recent activity. When the balance runs short
 * of the renewals due, staff get a notification: the bell in the header counts it, the
 * notifications page lists it and marks it read. And the page fits a 375 px phone.
 *
 * The simulator is shared by every spec and never reset: this spec changes only the balance, and
 * puts it back as it found it.
 */

/** Where each kind of attention item must lead (an admin may renew, see orders and approvals). */
const FIXES: Record<string, RegExp> = {
  expired: /^\/renew\?items=[^&]+&years=1$/,
  expiring: /^\/renew\?items=[^&]+&years=1$/,
  "unknown-orders": /^\/orders\?outcome=unknown$/,
  approvals: /^\/approvals$/,
  "mail-delivery": /^\/domains\?filter=mailProblems$/,
  full: /^\/domains(\?filter=full|\/[a-z0-9.-]+)$/,
  "near-full": /^\/search\?filter=near-full$/,
};

const attentionList = (page: Page) => page.getByRole("list", { name: "Needs attention" });
const bell = (page: Page) => page.getByRole("banner").getByRole("link", { name: /^Notifications/ });

/** The fix link of one attention item: the last link of its card. */
async function fixOf(item: Locator): Promise<{ name: string; href: string }> {
  const link = item.getByRole("link").last();
  return { name: (await link.innerText()).trim(), href: (await link.getAttribute("href")) ?? "" };
}

test.describe("the morning page", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("admin");
  });

  test("an admin sees what needs attention, each item one click from its fix", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Needs attention" })).toBeVisible();
    // The simulated account always has paks due within 30 days (the expirations spec renews its own only).
    const items = attentionList(page).locator(":scope > li");
    await expect(items.first()).toBeVisible({ timeout: 30_000 });
    const count = await items.count();
    const kinds: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const item = items.nth(i);
      const kind = (await item.getAttribute("data-attention")) ?? "";
      kinds.push(kind);
      const pattern = FIXES[kind];
      expect(pattern, `an unknown attention item: ${kind}`).toBeDefined();
      const fix = await fixOf(item);
      expect(fix.href, `${kind}: ${fix.name}`).toMatch(pattern ?? /^$/);
      // Its heading says how many, in words; its first entries link to their own pages.
      await expect(item.getByRole("heading", { level: 3 })).toHaveText(/^\d[\d,]* /);
    }
    expect(kinds.some((kind) => kind === "expired" || kind === "expiring")).toBe(true);
    // Each sub-line is about its own item: no "Expired paks 6 · 6 paks full".
    for (const text of await items.allInnerTexts()) expect(text).not.toMatch(/·\s*\d+ paks? full/);

    await expect(page.getByRole("heading", { level: 2, name: "The account today" })).toBeVisible();
    await expect(page.getByText("eNom account balance")).toBeVisible();
    await expect(
      page.getByRole("figure", { name: /Renewals due per month, against the balance/ }),
    ).toBeVisible();
    await expect(page.getByRole("figure", { name: /Mailboxes and paks over time/ })).toBeVisible();
    const activity = page.getByRole("region", { name: "Recent activity" });
    await expect(activity.getByRole("link", { name: "See the audit log" })).toHaveAttribute("href", "/audit");
    await page.mouse.move(0, 0);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/dashboard-morning.png", fullPage: true });
  });

  test("the renewal fix opens the renew wizard with exactly the paks the item names", async ({ page }) => {
    await page.goto("/");
    const item = attentionList(page)
      .locator(':scope > li[data-attention="expiring"], :scope > li[data-attention="expired"]')
      .first();
    await expect(item).toBeVisible({ timeout: 30_000 });
    const { href } = await fixOf(item);
    const chosen = (new URL(href, "http://panel").searchParams.get("items") ?? "").split(",");
    expect(chosen.length).toBeGreaterThan(0);
    await item.getByRole("link").last().click();
    await expect(page).toHaveURL(/\/renew\?items=/);
    await expect(page.getByRole("heading", { level: 1, name: "Renew email" })).toBeVisible();
    // The first pak the item named is in the wizard.
    const [domain = ""] = (chosen[0] ?? "").split(":");
    await expect(page.getByText(domain).first()).toBeVisible();
  });

  test("a balance short of the renewals due rings the bell; the notification is listed and marked read", async ({
    page,
    expectAccessible,
  }) => {
    const { balance: original } = await sim<{ balance: string }>("/_sim/balance");
    try {
      await sim("/_sim/balance", { method: "POST", body: JSON.stringify({ balance: 1 }) });
      await page.goto("/");
      await expect(page.getByText("$1.00").first()).toBeVisible();
      await expect(page.getByText(/The balance of \$1\.00 runs out in/)).toBeVisible({ timeout: 30_000 });
      // The notification is written beside the page; the bell reads it on the next load.
      await expect(async () => {
        await page.reload();
        await expect(bell(page)).toHaveAccessibleName(/^Notifications, \d+ unread$/, { timeout: 2_000 });
      }).toPass({ timeout: 20_000 });

      await bell(page).click();
      await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
      const list = page.getByRole("list", { name: "Notifications" });
      const lowBalance = list
        .getByRole("listitem")
        .filter({ hasText: "The eNom balance cannot cover the renewals due within 30 days" })
        .first();
      await expect(lowBalance).toBeVisible();
      await expect(lowBalance.getByRole("link")).toHaveAttribute("href", "/expirations?filter=30");
      await expectAccessible();

      await page.getByRole("button", { name: "Mark all read" }).click();
      await expect(
        page.getByRole("status").filter({ hasText: /Marked \d+ notifications? read/ }),
      ).toBeVisible();
      await expect(bell(page)).toHaveAccessibleName("Notifications");
      await expect(page.getByRole("button", { name: "Mark all read" })).toBeDisabled();
    } finally {
      await sim("/_sim/balance", { method: "POST", body: JSON.stringify({ balance: original }) });
    }
  });

  test("each person chooses which notifications also come by email", async ({ page, expectAccessible }) => {
    await page.goto("/account");
    const card = page.getByRole("region", { name: "Notifications by email" });
    await expect(card).toBeVisible();
    const box = card.getByRole("checkbox", { name: /Failed auto-renewals/ });
    const was = await box.isChecked();
    await box.setChecked(!was);
    await card.getByRole("button", { name: "Save email choices" }).click();
    await expect(card.getByRole("status")).toContainText("Saved.");
    await page.reload();
    await expect(
      page
        .getByRole("region", { name: "Notifications by email" })
        .getByRole("checkbox", { name: /Failed auto-renewals/ }),
    ).toBeChecked({ checked: !was });
    await expectAccessible();
    // Put it back for the next run.
    const again = page.getByRole("region", { name: "Notifications by email" });
    await again.getByRole("checkbox", { name: /Failed auto-renewals/ }).setChecked(was);
    await again.getByRole("button", { name: "Save email choices" }).click();
    await expect(again.getByRole("status")).toContainText("Saved.");
  });

  test("on a 375 px phone the page and the header's bell fit the screen", async ({
    page,
    expectAccessible,
  }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(attentionList(page).locator(":scope > li").first()).toBeVisible({ timeout: 30_000 });
    await expect(bell(page)).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(375);
    await expectAccessible();
  });
});
