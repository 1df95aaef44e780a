import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { armFault, callsSince, clearFaults, lastCallSeq, type SimPak, truth } from "./sim";

/**
 * Staff renew email: one pak from its card on the domain page (paks, term, review with the new
 * expiry, confirm, result), then a selection from the expirations page's link, with one pak taken
 * out before renewing the other two, each with its own outcome.
 *
 * The simulator is shared by every spec and never reset, so this spec renews paks no other spec
 * looks at for their expiry: far-off ones of meadow-insurance.net, nutmeg-garage.co and
 * sunrise-vet.us (renewing changes only their expiry, which no other spec picks domains by).
 */

const SINGLE = "meadow-insurance.net";
const SELECTION = ["nutmeg-garage.co", "sunrise-vet.us"] as const;
const LEFT_OUT = "quill-design.us";

/**
 * The command that renews a pak: PurchaseServices (ProductType=Mailbox, ActionType=Renew) for the
 * Mailbox product, RenewPOPBundle for a classic 10-pak.
 */
const renewCommandOf = (pak: SimPak) => (pak.prodType === 2011 ? "PURCHASESERVICES" : "RENEWPOPBUNDLE");
async function onlyPak(domain: string): Promise<SimPak> {
  const { paks } = await truth(domain);
  const [pak] = paks;
  if (!pak) throw new Error(`${domain} has no pak`);
  return pak;
}

/** ISO date plus whole years, as eNom and the panel count them. */
function plusYears(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}
const shown = (iso: string) =>
  new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));

async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}
const currentStep = (page: Page) =>
  page.getByRole("navigation", { name: "Steps" }).locator('[aria-current="step"]');

test.describe("renew wizard", () => {
  test.afterEach(async () => {
    await clearFaults();
  });

  test("staff renew one pak for two years and see its new expiry", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const pak = await onlyPak(SINGLE);
    const renewed = plusYears(pak.expDate, 2);
    const seq = await lastCallSeq();
    await signInAs("staff");
    await page.goto(`/domains/${SINGLE}`);
    await page.getByRole("link", { name: `Renew pak ${pak.bundleId}` }).click();
    await expect(page).toHaveURL(`/renew?domain=${SINGLE}&pak=${pak.bundleId}`);

    // Step 1: the pak, with its mailboxes and current expiry.
    await expect(currentStep(page)).toContainText("Paks");
    const row = page
      .getByRole("table", { name: "Paks to renew" })
      .getByRole("row", { name: new RegExp(SINGLE) });
    await expect(row).toContainText(String(pak.bundleId));
    await expect(row).toContainText(shown(pak.expDate));
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/renew-paks.png", fullPage: true });
    await page.getByRole("button", { name: "Continue" }).click();

    // Step 2: the term in years.
    await expect(page.getByRole("heading", { level: 2, name: "Choose the term" })).toBeFocused();
    await page.getByLabel("Renew for").selectOption("2");
    await expect(page.getByText(`about ${shown(renewed)}`)).toBeVisible();
    await settle(page);
    await expectAccessible();
    await page.getByRole("button", { name: "Review" }).click();

    // Step 3: the new expiry, the price and what the balance is debited.
    await expect(page.getByRole("heading", { level: 2, name: "Review the renewal" })).toBeFocused();
    await expect(
      page.getByText(`${SINGLE}, pak ${pak.bundleId}: ${shown(pak.expDate)} → ${shown(renewed)}`),
    ).toBeVisible();
    await expect(page.getByText("Debited from the account balance")).toBeVisible();
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/renew-review.png", fullPage: true });
    await page.getByRole("button", { name: "Continue" }).click();

    // Step 4: renew.
    await expect(page.getByRole("heading", { level: 2, name: "Confirm the renewal" })).toBeFocused();
    await settle(page);
    await expectAccessible();
    await page.getByRole("button", { name: "Renew now" }).click();
    await expect(page).toHaveURL(/\/purchases\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 2, name: "Done" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(shown(renewed));
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/renew-result.png", fullPage: true });
    expect((await onlyPak(SINGLE)).expDate).toBe(renewed);
    // The command for the pak's product, once.
    const orders = (await callsSince(seq)).filter((call) =>
      ["PURCHASESERVICES", "RENEWPOPBUNDLE"].includes(call.command.toUpperCase()),
    );
    expect(orders.map((call) => call.command.toUpperCase())).toEqual([renewCommandOf(pak)]);
    expect(orders[0]?.params).toMatchObject(
      pak.prodType === 2011
        ? { ProductType: "Mailbox", ActionType: "Renew", ProductID: String(pak.bundleId), TimeQuantity: "2" }
        : { PakID: String(pak.bundleId), Quantity: "2", UseCreditCard: "no" },
    );
  });

  test("staff renew a selection of paks, leaving one out, and see each pak's outcome", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const paks = await Promise.all(SELECTION.map((domain) => onlyPak(domain)));
    const leftOut = await onlyPak(LEFT_OUT);
    await signInAs("staff");
    const items = [
      ...SELECTION.map((domain, index) => `${domain}:${paks[index]?.bundleId}`),
      `${LEFT_OUT}:${leftOut.bundleId}`,
    ];
    await page.goto(`/renew?items=${items.join(",")}`);

    const table = page.getByRole("table", { name: "Paks to renew" });
    await expect(table.getByRole("row")).toHaveCount(4);
    await page.getByRole("button", { name: `Remove pak ${leftOut.bundleId} of ${LEFT_OUT}` }).click();
    await expect(table.getByRole("row")).toHaveCount(3);
    await settle(page);
    await expectAccessible();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Review" }).click();

    await expect(page.getByRole("heading", { level: 2, name: "Review the renewal" })).toBeVisible();
    for (const [index, domain] of SELECTION.entries()) {
      const pak = paks[index];
      if (!pak) throw new Error("missing pak");
      await expect(
        page.getByText(
          `${domain}, pak ${pak.bundleId}: ${shown(pak.expDate)} → ${shown(plusYears(pak.expDate, 1))}`,
        ),
      ).toBeVisible();
    }
    await expect(page.getByText(LEFT_OUT)).toHaveCount(0);
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/renew-selection-review.png", fullPage: true });
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Renew now" }).click();

    await expect(page).toHaveURL(/\/purchases\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Renewal result" })).toBeVisible();
    for (const [index, domain] of SELECTION.entries()) {
      const pak = paks[index];
      if (!pak) throw new Error("missing pak");
      await expect(
        page.getByRole("heading", { level: 3, name: `${domain}, pak ${pak.bundleId}: Done` }),
      ).toBeVisible();
      expect((await onlyPak(domain)).expDate).toBe(plusYears(pak.expDate, 1));
    }
    expect((await onlyPak(LEFT_OUT)).expDate).toBe(leftOut.expDate);
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/renew-selection-result.png", fullPage: true });

    // A reload reads each pak's outcome again from the server.
    await page.reload();
    await expect(page.getByRole("heading", { level: 3, name: /: Done$/ })).toHaveCount(2);
  });

  test("a refusal of the email service is shown, nothing is renewed and the choices stay", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const pak = await onlyPak(SINGLE);
    await signInAs("staff");
    await page.goto(`/renew?domain=${SINGLE}&pak=${pak.bundleId}&years=3`);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByLabel("Renew for")).toHaveValue("3");
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Review the renewal" })).toBeVisible();
    await page.getByRole("button", { name: "Continue" }).click();
    await armFault({
      command: renewCommandOf(pak),
      mode: "error",
      message: "Bundle is locked for renewal",
      times: 1,
    });
    await page.getByRole("button", { name: "Renew now" }).click();

    const alert = page.locator("main form").getByRole("alert");
    await expect(alert).toContainText("The renewal did not go through");
    await expect(alert).toContainText("Bundle is locked for renewal");
    await expect(page).toHaveURL(/\/renew\?/);
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/renew-provider-error.png", fullPage: true });
    expect((await onlyPak(SINGLE)).expDate).toBe(pak.expDate);

    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page.getByLabel("Renew for")).toHaveValue("3");
  });
});
