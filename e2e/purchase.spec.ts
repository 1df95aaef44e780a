import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { armFault, clearFaults, lastCallSeq, sim, type SimCall, type SimPak, truth } from "./sim";

/**
 * Staff buy email: a new pak through the four steps (domain, product, review, confirm) up to the
 * BundleID and order number, and the pak on the domain's page; more mailboxes and more storage for
 * a running pak; a double click that buys once; the same order from a second tab, shown rather
 * than bought, and bought again only on purpose; a balance that cannot cover the order; an error of
 * the email service and an answer lost after the order was made, each with the choices kept. An
 * admin changes a retail price and the wizard quotes it.
 *
 * The simulator is shared by every spec and never reset, so this spec keeps to domains no other
 * spec uses: new paks of fewer than 4 mailboxes go to silverline-auto.org (a seeded domain without
 * email, last by name, so the specs that pick one-pak domains by size and room never pick it), and
 * growth goes to the Mailbox pak of pebble-photo.org (a two-pak domain the domains spec passes by).
 */

const NEW_PAK_DOMAIN = "silverline-auto.org";
const GROWTH_DOMAIN = "pebble-photo.org";

const paksOf = async (domain: string) => (await truth(domain)).paks;
/** PurchaseServices calls for a domain since a point in the call log. */
async function purchasesSince(seq: number, domain: string): Promise<SimCall[]> {
  const { calls } = await sim<{ calls: SimCall[] }>(`/_sim/calls?since=${seq}&command=PURCHASESERVICES`);
  const [sld] = domain.split(".");
  return calls.filter(
    (call) =>
      call.command.toUpperCase() === "PURCHASESERVICES" &&
      call.seq > seq &&
      Object.values(call.params).some((v) => v.toLowerCase() === sld || v.toLowerCase() === domain),
  );
}

/** The growth target: the Mailbox product pak of the domain (classic 10-paks do not grow). */
async function growthPak(): Promise<SimPak> {
  const pak = (await paksOf(GROWTH_DOMAIN)).find((candidate) => candidate.prodType === 2011);
  if (!pak) throw new Error(`${GROWTH_DOMAIN} has no Mailbox pak`);
  return pak;
}

/** Axe judges what is on screen: no hover shade, scrolled to the top. */
async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

const wizardForm = (page: Page) => page.locator("main form");
const currentStep = (page: Page) =>
  page.getByRole("navigation", { name: "Steps" }).locator('[aria-current="step"]');

/** Review, then Confirm, from the product step. */
async function reviewAndConfirm(page: Page) {
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Review the price" })).toBeFocused();
  await expect(page.getByText("Your price to the customer")).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Confirm the purchase" })).toBeVisible();
}

async function expectDone(page: Page) {
  await expect(page).toHaveURL(/\/purchases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2, name: "Done" })).toBeVisible();
}

function detail(page: Page, label: string) {
  return page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
}

test.describe("purchase wizard", () => {
  test.afterEach(async () => {
    await clearFaults();
  });

  test("staff buy a new pak step by step and see its BundleID, order number and the pak on the domain page", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const before = (await paksOf(NEW_PAK_DOMAIN)).map((pak) => pak.bundleId);
    const seq = await lastCallSeq();
    await signInAs("staff");
    await page.getByRole("link", { name: "Buy email" }).click();
    await expect(page).toHaveURL(/\/purchase$/);
    await expect(currentStep(page)).toContainText("Domain");

    // Step 1: only domains that can take email, searchable.
    await page.getByLabel("Search domains").fill("silverline");
    const domainChoice = page.getByRole("radio", { name: new RegExp(NEW_PAK_DOMAIN) });
    await expect(domainChoice).toBeVisible();
    await expect(page.getByRole("radio", { name: /elmstreet-cleaning/ })).toHaveCount(0);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(wizardForm(page).getByText("Choose the domain that gets the mailboxes.")).toBeVisible();
    await domainChoice.check();
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/purchase-domain.png", fullPage: true });
    await page.getByRole("button", { name: "Continue" }).click();

    // Step 2: single mailboxes, 2 of them, 3 GB, yearly, one year.
    await expect(page.getByRole("heading", { level: 2, name: "Choose the mailboxes" })).toBeFocused();
    await expect(currentStep(page)).toContainText("Product");
    await page.getByRole("radio", { name: /Single mailboxes/ }).check();
    await page.getByLabel("Number of mailboxes").fill("0");
    await page.getByRole("radio", { name: /^3 GB/ }).check();
    await page.getByRole("button", { name: "Review" }).click();
    await expect(wizardForm(page).getByText("Enter at least 1 mailboxes.")).toBeVisible();
    await page.getByLabel("Number of mailboxes").fill("2");
    await expect(page.getByText(/Estimated price: \$12\.00 for 2 mailboxes, 1 year/)).toBeVisible();
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/purchase-product.png", fullPage: true });

    // Step 3: the price to the customer, what the balance is debited, the balance now and after.
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Review the price" })).toBeFocused();
    await expect(detail(page, "Your price to the customer")).toHaveText("$12.00");
    await expect(detail(page, "Debited from the account balance")).toHaveText("$5.00");
    await expect(detail(page, "Account balance now")).toHaveText(/^\$[\d,]+\.\d\d$/);
    await expect(detail(page, "Balance after this purchase")).toHaveText(/^\$[\d,]+\.\d\d$/);
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/purchase-review.png", fullPage: true });

    // Step 4: buy.
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Confirm the purchase" })).toBeFocused();
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/purchase-confirm.png", fullPage: true });
    await page.getByRole("button", { name: "Buy now" }).click();
    await expectDone(page);
    const bundleId = Number(await detail(page, "Pak \\(BundleID\\)").innerText());
    await expect(detail(page, "Order number")).toHaveText(/\S+/);
    await expect(detail(page, "Tracking key")).toHaveText(/\S+/);
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/purchase-result.png", fullPage: true });

    const bought = (await paksOf(NEW_PAK_DOMAIN)).find((pak) => pak.bundleId === bundleId);
    expect(before).not.toContain(bundleId);
    expect(bought).toMatchObject({ qtyPurchased: 2, capacityGb: 3 });
    // The unit is always said: eNom's default is packs of 10.
    const orders = await purchasesSince(seq, NEW_PAK_DOMAIN);
    expect(orders.map((call) => [call.params.Quantity, call.params.QuantityUnit])).toEqual([["2", "boxes"]]);

    await page.getByRole("link", { name: `Open ${NEW_PAK_DOMAIN}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: NEW_PAK_DOMAIN })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: `Pak ${bundleId}` })).toBeVisible();
  });

  test("a double click on Buy now buys once, and submitting the same choices again shows the first result", async ({
    page,
    signInAs,
  }) => {
    await signInAs("staff");
    const wizardUrl = `/purchase?domain=${NEW_PAK_DOMAIN}&unit=boxes&qty=1&gb=1&period=month&terms=2`;
    await page.goto(wizardUrl);
    await expect(page.getByLabel("Number of mailboxes")).toHaveValue("1");
    await expect(page.getByRole("radio", { name: /^Monthly/ })).toBeChecked();
    await reviewAndConfirm(page);

    const seq = await lastCallSeq();
    await page.getByRole("button", { name: "Buy now" }).dblclick();
    await expectDone(page);
    const resultUrl = page.url();
    expect(await purchasesSince(seq, NEW_PAK_DOMAIN)).toHaveLength(1);

    // The same choices in this tab carry the same key: the first result, not a second order.
    await page.goto(wizardUrl);
    await reviewAndConfirm(page);
    await page.getByRole("button", { name: "Buy now" }).click();
    await expect(page).toHaveURL(`${resultUrl}?replayed=1`);
    await expect(page.getByText(/already been submitted/)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 2, name: "Done" })).toBeVisible();
    expect(await purchasesSince(seq, NEW_PAK_DOMAIN)).toHaveLength(1);
  });

  test("the same order from a second tab shows the first one, and buying again takes a deliberate click", async ({
    page,
    signInAs,
  }) => {
    await signInAs("staff");
    // Two tabs, each with its own idempotency key (sessionStorage is per tab), the same choices.
    const wizardUrl = `/purchase?domain=${NEW_PAK_DOMAIN}&unit=boxes&qty=1&gb=5&period=month&terms=3`;
    const secondTab = await page.context().newPage();
    for (const tab of [page, secondTab]) {
      await tab.goto(wizardUrl);
      await reviewAndConfirm(tab);
    }
    const seq = await lastCallSeq();
    await page.getByRole("button", { name: "Buy now" }).click();
    await expectDone(page);
    const firstPath = new URL(page.url()).pathname;

    // The server recognises the order: the second tab is shown the first, and nothing is bought.
    await secondTab.getByRole("button", { name: "Buy now" }).click();
    await expect(
      secondTab.getByText(/^An order for this was placed (less than a minute|1 minute) ago by you$/),
    ).toBeVisible();
    await expect(secondTab.getByRole("link", { name: "See it" })).toHaveAttribute("href", firstPath);
    expect(await purchasesSince(seq, NEW_PAK_DOMAIN)).toHaveLength(1);

    // Buying again is possible, on purpose: one more order, on its own result page.
    await secondTab.getByRole("button", { name: "Buy again on purpose" }).click();
    await expectDone(secondTab);
    expect(new URL(secondTab.url()).pathname).not.toBe(firstPath);
    expect(await purchasesSince(seq, NEW_PAK_DOMAIN)).toHaveLength(2);
    await secondTab.close();
  });

  test("a balance that cannot cover the order blocks it with the amounts, and the choices stay", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const { balance } = await sim<{ balance: string }>("/_sim/balance");
    await signInAs("staff");
    try {
      await sim("/_sim/balance", { method: "POST", body: JSON.stringify({ balance: 1 }) });
      await page.goto(`/purchase?domain=${NEW_PAK_DOMAIN}&unit=boxes&qty=3&gb=5&period=year&terms=2`);
      await page.getByRole("button", { name: "Review" }).click();
      const block = wizardForm(page).getByRole("alert");
      await expect(block).toContainText("The account balance cannot cover this purchase");
      await expect(block).toContainText("$24.00");
      await expect(block).toContainText("$1.00");
      await expect(page.getByRole("button", { name: "Continue" })).toBeDisabled();
      await settle(page);
      await expectAccessible();
      await page.screenshot({ path: "docs/screenshots/purchase-insufficient-balance.png", fullPage: true });

      // Funds arrive: checking again lifts the block.
      await sim("/_sim/balance", { method: "POST", body: JSON.stringify({ balance: Number(balance) }) });
      await page.getByRole("button", { name: "Check the balance again" }).click();
      await expect(wizardForm(page).getByRole("alert")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Continue" })).toBeEnabled();

      // Back to the product: every choice is as it was.
      await page.getByRole("button", { name: "Back" }).click();
      await expect(page.getByLabel("Number of mailboxes")).toHaveValue("3");
      await expect(page.getByRole("radio", { name: /^5 GB/ })).toBeChecked();
      await expect(page.getByRole("radio", { name: /Single mailboxes/ })).toBeChecked();
      await expect(page.getByLabel("Term")).toHaveValue("2");
    } finally {
      await sim("/_sim/balance", { method: "POST", body: JSON.stringify({ balance: Number(balance) }) });
    }
  });

  test("an error of the email service is shown with the choices kept, and trying again buys once", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await signInAs("staff");
    await page.goto(`/purchase?domain=${NEW_PAK_DOMAIN}&unit=boxes&qty=1&gb=10&period=year&terms=3`);
    await reviewAndConfirm(page);
    const seq = await lastCallSeq();
    await armFault({
      command: "PurchaseServices",
      mode: "error",
      message: "Email service unavailable for this domain",
      times: 1,
    });
    await page.getByRole("button", { name: "Buy now" }).click();
    const alert = wizardForm(page).getByRole("alert");
    await expect(alert).toContainText("The purchase did not go through");
    await expect(alert).toContainText("Email service unavailable for this domain");
    await expect(page).toHaveURL(/\/purchase\?/);
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/purchase-provider-error.png", fullPage: true });

    // The choices are kept.
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page.getByLabel("Number of mailboxes")).toHaveValue("1");
    await expect(page.getByRole("radio", { name: /^10 GB/ })).toBeChecked();
    await expect(page.getByLabel("Term")).toHaveValue("3");

    // Nothing was bought, so trying again is a new order, made once.
    await reviewAndConfirm(page);
    await page.getByRole("button", { name: "Buy now" }).click();
    await expectDone(page);
    expect(await purchasesSince(seq, NEW_PAK_DOMAIN)).toHaveLength(2);
  });

  test("when the answer is lost after the order was made, the result page checks and says it went through", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const before = (await paksOf(NEW_PAK_DOMAIN)).length;
    await signInAs("staff");
    await page.goto(`/purchase?domain=${NEW_PAK_DOMAIN}&unit=boxes&qty=1&gb=3&period=month&terms=6`);
    await reviewAndConfirm(page);
    await armFault({ command: "PurchaseServices", mode: "commit-then-drop", times: 1 });
    await page.getByRole("button", { name: "Buy now" }).click();
    await expect(page).toHaveURL(/\/purchases\/[0-9a-f-]{36}$/);

    const result = page.getByRole("main");
    const notConfirmed = page.getByRole("heading", { level: 2, name: "Not confirmed yet" });
    const done = page.getByRole("heading", { level: 2, name: "Done" });
    await expect(notConfirmed.or(done)).toBeVisible();
    if (await notConfirmed.isVisible()) {
      await expect(result).toContainText(
        "We could not confirm whether this went through. Nothing will be bought again until we have checked.",
      );
      await settle(page);
      await expectAccessible();
      await page.screenshot({ path: "docs/screenshots/purchase-unknown.png", fullPage: true });
      await page.getByRole("button", { name: "Check now" }).click();
    }
    await expect(done).toBeVisible();
    await expect(result).toContainText("We checked: it went through.");
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/purchase-checked.png", fullPage: true });
    expect(await paksOf(NEW_PAK_DOMAIN)).toHaveLength(before + 1);
  });

  test("staff add mailboxes to a pak from the domain page", async ({ page, signInAs, expectAccessible }) => {
    const pak = await growthPak();
    await signInAs("staff");
    await page.goto(`/domains/${GROWTH_DOMAIN}`);
    const card = page.getByRole("article", { name: `Pak ${pak.bundleId}` });
    await card.getByRole("link", { name: `Add mailboxes to pak ${pak.bundleId}` }).click();
    await expect(page).toHaveURL(`/purchase?domain=${GROWTH_DOMAIN}&pak=${pak.bundleId}&grow=mailboxes`);
    await expect(page.getByRole("heading", { level: 1, name: "Add mailboxes" })).toBeVisible();
    await expect(currentStep(page)).toContainText("Mailboxes");

    await page.getByLabel("Mailboxes to add").fill("2");
    await expect(page.getByText(`After this the pak has ${pak.qtyPurchased + 2} mailboxes`)).toBeVisible();
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/purchase-add-mailboxes.png", fullPage: true });
    await reviewAndConfirm(page);
    await page.getByRole("button", { name: "Buy now" }).click();
    await expectDone(page);
    await expect(detail(page, "Pak \\(BundleID\\)")).toHaveText(String(pak.bundleId));
    expect((await growthPak()).qtyPurchased).toBe(pak.qtyPurchased + 2);
  });

  test("staff add storage to every mailbox of a pak", async ({ page, signInAs, expectAccessible }) => {
    const pak = await growthPak();
    await signInAs("staff");
    await page.goto(`/domains/${GROWTH_DOMAIN}`);
    const card = page.getByRole("article", { name: `Pak ${pak.bundleId}` });
    await card.getByRole("link", { name: `Add storage to pak ${pak.bundleId}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add storage" })).toBeVisible();

    const quotaGb = pak.capacityGb + pak.storageUnits * 0.5;
    await page.getByLabel("Extra storage per mailbox, in 512 MB units").fill("1");
    await expect(page.getByText(`will have ${quotaGb + 0.5} GB (now ${quotaGb} GB)`)).toBeVisible();
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/purchase-add-storage.png", fullPage: true });
    await reviewAndConfirm(page);
    await page.getByRole("button", { name: "Buy now" }).click();
    await expectDone(page);
    expect((await growthPak()).storageUnits).toBe(pak.storageUnits + 1);
  });

  test("the wizard fits a 375 px screen", async ({ page, signInAs, expectAccessible }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signInAs("staff");
    await page.goto(`/purchase?domain=${NEW_PAK_DOMAIN}`);
    await expect(page.getByRole("heading", { level: 2, name: "Choose the mailboxes" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/purchase-mobile.png", fullPage: true });
  });

  test("an admin changes a retail price in the settings and the wizard quotes it", async ({
    page,
    signIn,
    signInAs,
    expectAccessible,
  }) => {
    await signInAs("admin");
    await page.goto("/settings");
    await expect(
      page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Pricing" }),
    ).toHaveAttribute("aria-current", "page");
    const retail = page.getByLabel("Your price: 1 GB mailbox, per year");
    const original = await retail.inputValue();
    try {
      // A bad amount is refused with a message under its field, and nothing is saved.
      await retail.fill("4.255");
      await page.getByRole("button", { name: "Save prices" }).click();
      await expect(
        page.getByText("Enter an amount in dollars with at most two decimals, such as 4.50."),
      ).toBeVisible();
      await expect(page.getByRole("form", { name: "Price list" }).getByRole("alert")).toContainText(
        "nothing was saved",
      );

      await retail.fill("4.25");
      await page.getByRole("button", { name: "Save prices" }).click();
      await expect(page.getByRole("status").filter({ hasText: "The price list is saved." })).toBeVisible();
      await settle(page);
      await expectAccessible();
      await page.screenshot({ path: "docs/screenshots/purchase-pricing-settings.png", fullPage: true });
      await page.reload();
      await expect(page.getByLabel("Your price: 1 GB mailbox, per year")).toHaveValue("4.25");

      await page.goto(`/purchase?domain=${NEW_PAK_DOMAIN}&unit=boxes&qty=1&gb=1&period=year&terms=1`);
      await expect(page.getByRole("radio", { name: /^1 GB/ })).toHaveAccessibleName(
        /\$4\.25 per mailbox a year/,
      );
      await page.getByRole("button", { name: "Review" }).click();
      await expect(detail(page, "Your price to the customer")).toHaveText("$4.25");
    } finally {
      await page.goto("/settings");
      await page.getByLabel("Your price: 1 GB mailbox, per year").fill(original);
      await page.getByRole("button", { name: "Save prices" }).click();
      await expect(page.getByRole("status").filter({ hasText: "The price list is saved." })).toBeVisible();
    }

    // Staff who are not admins do not see the settings at all.
    await page.context().clearCookies();
    await signIn("staff@demo.test", "demo-password");
    const response = await page.goto("/settings");
    expect(response?.status()).toBe(404);
  });
});
