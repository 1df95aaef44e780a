import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DOCUMENT_DOMAINS, demoCustomerDomains, domainsWithEmail, truth } from "./sim";

/**
 * Account-wide search: staff press "/" anywhere, type part of an address, move with the arrows and
 * open the mailbox's domain with Enter; "See all results" leads to the full search with filters.
 * A customer searches the same way in the portal, and never finds another customer's domain.
 *
 * The search reads the account mirror, which the panel fills from the simulator when it starts;
 * the generous timeouts below wait for that first sync, not for the search itself.
 */

/** A mailbox that exists on one of these domains, as the simulator holds it now. */
async function someMailbox(domains: readonly string[]): Promise<{ domain: string; address: string }> {
  for (const domain of domains) {
    const { mailboxes } = await truth(domain);
    const first = mailboxes[0];
    if (first) return { domain, address: `${first.userName}@${domain}`.toLowerCase() };
  }
  throw new Error("None of these domains has a mailbox.");
}

const searchDialog = (page: Page, name: string) => page.getByRole("dialog", { name });

test.describe("account-wide search", () => {
  test("staff find a mailbox from the header and open its domain with the keyboard", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const { domain, address } = await someMailbox(await demoCustomerDomains());
    await signInAs("staff");
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

    const dialog = searchDialog(page, "Search the account");
    // The shortcut works once the page has hydrated; pressed earlier, the key does nothing.
    await expect(async () => {
      await page.keyboard.press("/");
      await expect(dialog).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    const box = dialog.getByRole("combobox", { name: "Search for" });
    await expect(box).toBeFocused();

    await box.fill(address);
    const option = dialog.getByRole("option").filter({ hasText: address });
    await expect(option).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
    await expectAccessible();

    await box.press("ArrowDown");
    await box.press("ArrowUp");
    await expect(dialog.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/domains/${domain.replace(/\./g, "\\.")}$`));
    await expect(dialog).toBeHidden();
  });

  test("Ctrl-K opens the search, Escape closes it, and See all results leads to the full search", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const [domain] = await demoCustomerDomains();
    if (!domain) throw new Error("The simulator has no domain with email.");
    await signInAs("admin");
    await page.goto("/expirations");

    const dialog = searchDialog(page, "Search the account");
    await expect(async () => {
      await page.keyboard.press("Control+k");
      await expect(dialog).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await page.getByRole("button", { name: "Search the account" }).click();
    await dialog.getByRole("combobox", { name: "Search for" }).fill(domain);
    await expect(dialog.getByRole("option").filter({ hasText: domain }).first()).toBeVisible({
      timeout: 30_000,
    });
    await dialog.getByRole("link", { name: "See all results" }).click();

    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(
      page.getByRole("link", { name: new RegExp(domain.replace(/\./g, "\\.")) }).first(),
    ).toBeVisible();
    await expect(page.getByText(/Searched the copy of your account read/)).toBeVisible();
    await expectAccessible();

    // The filters narrow the same search; each is its own address, so it can be bookmarked.
    await page.getByLabel("Show").selectOption("admins");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/filter=admins/);
    await expect(page.getByLabel("Show")).toHaveValue("admins");

    // A cursor that was not made by the panel is refused with a message, not a server error.
    await page.goto("/search?q=a&cursor=bm90LWEtY3Vyc29y");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("no longer valid");
  });

  test("a customer searches only their own domains, also at 375 px", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const own = await demoCustomerDomains();
    const { domain, address } = await someMailbox(own);
    const others = (await domainsWithEmail()).filter((name) => !own.includes(name));
    const foreign = others.find((name) => !DOCUMENT_DOMAINS.has(name)) ?? others[0];
    await signInAs("customer");
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/portal");

    await page.getByRole("button", { name: "Search your domains" }).click();
    const dialog = searchDialog(page, "Search your domains");
    const box = dialog.getByRole("combobox", { name: "Search for" });
    await box.fill(address);
    await expect(dialog.getByRole("option").filter({ hasText: address })).toBeVisible({ timeout: 30_000 });
    await expectAccessible();

    if (foreign) {
      await box.fill(foreign);
      await expect(dialog.getByRole("status")).toContainText("Nothing matches");
      await expect(dialog.getByRole("option")).toHaveCount(0);
      const direct = await page.request.get(`/api/search?q=${encodeURIComponent(foreign)}`);
      expect(await direct.json()).toMatchObject({ ok: true, data: { results: [] } });
    }

    await box.fill(address);
    await dialog.getByRole("option").filter({ hasText: address }).click();
    await expect(page).toHaveURL(new RegExp(`/portal/domains/${domain.replace(/\./g, "\\.")}$`));
  });
});
