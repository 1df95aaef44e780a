import type { Page } from "@playwright/test";
import { DEMO_USERS, expect, test, signedInPage } from "./fixtures";
import { openInbox } from "./mail";
import { callsSince, lastCallSeq, truth } from "./sim";

/**
 * Issue 16: customers spend the reseller's money in the open. An admin gives the demo customer
 * (Northwind Traders) a monthly spending limit and asks to approve each purchase. The customer
 * adds mailboxes to a pak: the review shows this month's spending against the limit, and the
 * confirm sends the order for approval instead of buying it. The customer sees it waiting on the
 * Requests page; staff approve it in Approvals (eNom is asked once), and the customer gets a receipt
 * at its price, in the reseller's brand. A second request is declined with a note: nothing is sent
 * to eNom and the customer is told by email. The demo customer's settings are put back in `finally`.
 */

/** The purchases and renewals sent to eNom since a mark in the call log. */
const ordersSince = async (seq: number) =>
  (await callsSince(seq)).filter((call) =>
    ["PURCHASESERVICES", "RENEWPOPBUNDLE"].includes(call.command.toUpperCase()),
  );

/** The admin sets Northwind's buying and spending on its page, and saves. */
async function setNorthwind(
  admin: Page,
  settings: { buy: boolean; limit: string; approval: boolean },
): Promise<void> {
  await admin.goto("/customers");
  await admin.getByRole("link", { name: "Northwind Traders" }).first().click();
  const details = admin.getByRole("form", { name: "Customer details" });
  await details.getByLabel("Buy email paks").setChecked(settings.buy);
  await details.getByLabel("Monthly spending limit").fill(settings.limit);
  await details.getByLabel("Ask staff to approve each purchase and renewal").setChecked(settings.approval);
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByRole("status")).toContainText("Northwind Traders is saved.");
}

/** The first domain of the portal's home page that has a Mailbox pak (the simulator's truth). */
async function portalGrowthTarget(page: Page): Promise<{ domain: string; bundleId: number }> {
  await page.goto("/portal");
  // The list may stream in after the page's first bytes: wait for it before reading it.
  const headings = page.getByRole("list", { name: "Your domains" }).getByRole("heading", { level: 2 });
  await expect(headings.first()).toBeVisible();
  const names = await headings.allTextContents();
  for (const name of names.map((text) => text.trim())) {
    const { paks } = await truth(name);
    const pak = paks.find((candidate) => candidate.prodType === 2011);
    if (pak) return { domain: name, bundleId: pak.bundleId };
  }
  throw new Error("The demo customer has no domain with a Mailbox pak.");
}

/** Through the growth wizard to its confirm step, checking the review's spending line. */
async function askForMailboxes(page: Page, target: { domain: string; bundleId: number }, count: string) {
  await page.goto(`/portal/purchase?domain=${target.domain}&pak=${target.bundleId}&grow=mailboxes`);
  await expect(page.getByRole("heading", { level: 1, name: "Add mailboxes" })).toBeVisible();
  await page.getByLabel("Mailboxes to add").fill(count);
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByText(/This month: \$[\d,]+\.\d\d of \$5,000\.00 limit/)).toBeVisible();
  // The customer's pak is named by what it is, never by eNom's BundleID.
  await expect(page.locator("main")).not.toContainText(new RegExp(`\\b${target.bundleId}\\b`));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("main")).not.toContainText(new RegExp(`\\b${target.bundleId}\\b`));
  await expect(page.getByRole("button", { name: "Buy now" })).toHaveCount(0);
  await page.getByRole("button", { name: "Send for approval" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Waiting for approval" })).toBeVisible();
}

test("a customer's order waits for staff approval, is placed once when approved, and a declined one buys nothing", async ({
  page,
  browser,
  signInAs,
  expectAccessible,
}) => {
  const admin = await signedInPage(browser, DEMO_USERS.admin);
  try {
    await setNorthwind(admin, { buy: true, limit: "5000", approval: true });

    // The customer asks for 2 more mailboxes: nothing is bought yet.
    await signInAs("customer");
    const target = await portalGrowthTarget(page);
    const before = await lastCallSeq();
    await askForMailboxes(page, target, "2");
    expect(await ordersSince(before)).toEqual([]);

    await page.getByRole("link", { name: "See your requests" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
    const requests = page.getByRole("list", { name: "Your requests" });
    const first = requests
      .getByRole("listitem")
      .filter({ hasText: `2 more mailboxes in the pak of ${target.domain}` })
      .first();
    await expect(first).toContainText("Waiting for approval");
    await expectAccessible();

    // Staff approve it: eNom is asked once, and the customer gets a receipt at its price.
    const inbox = await openInbox();
    await admin.goto("/approvals");
    await expect(admin.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
    const waiting = admin.getByRole("list", { name: "Requests waiting for approval" });
    const item = waiting
      .getByRole("listitem")
      .filter({ hasText: `2 more mailboxes in pak ${target.bundleId}` })
      .first();
    await expect(item).toContainText(DEMO_USERS.customer);
    await expectAccessible(admin);
    const approving = await lastCallSeq();
    await item.getByRole("button", { name: /^Approve and place the order/ }).click();
    await expect(admin.getByRole("status").filter({ hasText: /^Approved\./ })).toBeVisible();
    expect((await ordersSince(approving)).map((call) => call.command.toUpperCase())).toEqual([
      "PURCHASESERVICES",
    ]);

    const receipt = await inbox.next(DEMO_USERS.customer, "Receipt:");
    expect(receipt.subject).toBe(`Receipt: 2 more mailboxes in the pak of ${target.domain}`);
    expect(receipt.text).toMatch(/Price: \$[\d,]+\.\d\d\./);
    expect(`${receipt.subject}\n${receipt.text}\n${receipt.html}`).not.toMatch(/enom/i);

    await page.reload();
    await expect(first).toContainText("Approved");
    await expect(first.getByRole("link", { name: /^See the order/ })).toBeVisible();

    // A second request, declined with a note: nothing goes to eNom, the customer is told.
    await askForMailboxes(page, target, "3");
    await admin.goto("/approvals");
    const second = admin
      .getByRole("list", { name: "Requests waiting for approval" })
      .getByRole("listitem")
      .filter({ hasText: `3 more mailboxes in pak ${target.bundleId}` })
      .first();
    const declining = await lastCallSeq();
    await second.getByRole("button", { name: /^Decline/ }).click();
    const dialog = admin.getByRole("dialog", { name: "Decline this request?" });
    await dialog.getByLabel("Note to the customer (optional)").fill("Please wait until next month.");
    await expectAccessible(admin);
    await dialog.getByRole("button", { name: "Decline", exact: true }).click();
    await expect(admin.getByRole("status").filter({ hasText: /^Declined\./ })).toBeVisible();
    expect(await callsSince(declining)).toEqual([]);
    const declined = await inbox.next(DEMO_USERS.customer, "Not approved:");
    expect(declined.subject).toBe(`Not approved: 3 more mailboxes in the pak of ${target.domain}`);
    expect(declined.text).toContain("Their note: Please wait until next month.");

    await page.goto("/portal/requests");
    await expect(
      page
        .getByRole("list", { name: "Your requests" })
        .getByRole("listitem")
        .filter({ hasText: "3 more mailboxes" })
        .first(),
    ).toContainText("Your provider's note: Please wait until next month.");
  } finally {
    await setNorthwind(admin, { buy: false, limit: "", approval: false });
    await admin.context().close();
  }
});

test("an order over the monthly limit is refused before anything is bought", async ({
  page,
  browser,
  signInAs,
}) => {
  const admin = await signedInPage(browser, DEMO_USERS.admin);
  try {
    await setNorthwind(admin, { buy: true, limit: "0.01", approval: false });
    await signInAs("customer");
    const target = await portalGrowthTarget(page);
    await page.goto(`/portal/purchase?domain=${target.domain}&pak=${target.bundleId}&grow=mailboxes`);
    await page.getByLabel("Mailboxes to add").fill("1");
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.getByText("This order would go over your monthly limit")).toBeVisible();
    const before = await lastCallSeq();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Buy now" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "would go over the monthly spending limit of $0.01" }),
    ).toBeVisible();
    expect(await ordersSince(before)).toEqual([]);
  } finally {
    await setNorthwind(admin, { buy: false, limit: "", approval: false });
    await admin.context().close();
  }
});
