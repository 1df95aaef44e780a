import type { Browser, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openInbox, pathOf } from "./mail";
import { demoCustomerDomains, truth } from "./sim";

/**
 * Everyday pieces (issue 16): a mailbox's display name edited in the grid, by staff and by a
 * customer; staff inviting a customer's first login by email instead of typing a temporary
 * password; and what adding mailboxes to a pak with part of a year left costs, said before
 * confirming.
 */

/** A domain of the simulator's seed with mailboxes that no other spec writes to. */
const NAMES_DOMAIN = "saffron-movers.biz";
/** The purchase spec's growth domain: its Mailbox pak (read only here, nothing is bought). */
const GROWTH_DOMAIN = "pebble-photo.org";

/** Axe judges what is on screen: no hover shade, not scrolled under the sticky header. */
async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

function rowOf(page: Page, domain: string, address: string): Locator {
  return page
    .getByRole("table", { name: `Mailboxes of ${domain}` })
    .getByRole("row")
    .filter({ has: page.getByText(address, { exact: true }) });
}

async function freshPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

const stamp = Date.now().toString(36).slice(-6);

test.describe("everyday pieces", () => {
  test("staff give a mailbox a display name in the grid, on a wide screen and on a phone", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const [first, second] = (await truth(NAMES_DOMAIN)).mailboxes;
    if (!first || !second) throw new Error(`${NAMES_DOMAIN} needs two mailboxes in the seed.`);
    const address = `${first.userName}@${NAMES_DOMAIN}`;
    await signInAs("staff");
    await page.goto(`/domains/${NAMES_DOMAIN}`);
    await expect(page.getByRole("heading", { level: 1, name: NAMES_DOMAIN })).toBeVisible();

    const row = rowOf(page, NAMES_DOMAIN, address);
    await row.getByRole("button", { name: `Display name of ${address}` }).click();
    const dialog = page.getByRole("dialog", { name: `Display name of ${address}` });
    // Staff are told where the name lives, eNom by name.
    await expect(dialog).toContainText(
      "Shown in this panel; eNom keeps the name given when the mailbox was created.",
    );
    await expect(dialog.getByLabel("Display name")).toBeFocused();

    // The field stops at eNom's 60 characters (the create form's rule); the server checks again.
    await expect(dialog.getByLabel("Display name")).toHaveAttribute("maxlength", "60");
    await settle(page);
    await expectAccessible();

    await dialog.getByLabel("Display name").fill(`Front Desk ${stamp}`);
    await dialog.getByRole("button", { name: "Save display name" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText(`Front Desk ${stamp}`);
    await page.reload();
    await expect(rowOf(page, NAMES_DOMAIN, address)).toContainText(`Front Desk ${stamp}`);

    // On a phone the card carries the same action, with its verb shown.
    await page.setViewportSize({ width: 375, height: 812 });
    const card = page.getByRole("article", { name: `${second.userName}@${NAMES_DOMAIN}` });
    await card.getByRole("button", { name: `Display name of ${second.userName}@${NAMES_DOMAIN}` }).click();
    const phoneDialog = page.getByRole("dialog", {
      name: `Display name of ${second.userName}@${NAMES_DOMAIN}`,
    });
    await phoneDialog.getByLabel("Display name").fill("Warehouse");
    await settle(page);
    await expectAccessible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phoneDialog.getByRole("button", { name: "Save display name" }).click();
    await expect(phoneDialog).toBeHidden();
    await expect(card).toContainText("Warehouse");
    await page.setViewportSize({ width: 1280, height: 720 });

    // The audit log says what changed, and that eNom was not asked.
    await page.goto("/audit");
    await expect(page.getByRole("main")).toContainText(`Display name of ${address} in the panel`);
  });

  test("a customer allowed to manage mailboxes renames one; the portal never names eNom", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    let domain: string | null = null;
    let userName: string | null = null;
    for (const candidate of await demoCustomerDomains()) {
      const [mailbox] = (await truth(candidate)).mailboxes;
      if (mailbox) {
        domain = candidate;
        userName = mailbox.userName;
        break;
      }
    }
    if (!domain || !userName) throw new Error("None of the demo customer's domains has a mailbox.");
    const address = `${userName}@${domain}`;

    await signInAs("customer");
    await page.goto(`/portal/domains/${domain}`);
    const row = rowOf(page, domain, address);
    await row.getByRole("button", { name: `Display name of ${address}` }).click();
    const dialog = page.getByRole("dialog", { name: `Display name of ${address}` });
    await expect(dialog).toContainText(
      "Shown in this panel; the email service keeps the name given when the mailbox was created.",
    );
    await expect(dialog).not.toContainText(/enom/i);
    await dialog.getByLabel("Display name").fill(`Accounts ${stamp}`);
    await settle(page);
    await expectAccessible();
    await dialog.getByRole("button", { name: "Save display name" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText(`Accounts ${stamp}`);
    await expect(page.getByRole("main")).not.toContainText(/enom/i);
  });

  test("staff invite a customer's first login by email; it joins as the customer's administrator", async ({
    page,
    browser,
    baseURL,
    signInAs,
    expectAccessible,
  }) => {
    const name = `Tailspin ${stamp}`;
    const email = `owner-${stamp}@tailspin.example`;
    const password = "a-tailspin-passphrase";
    await signInAs("staff");
    await page.goto("/customers");
    await page.getByRole("button", { name: "Add a customer" }).click();
    const adding = page.getByRole("dialog", { name: "Add a customer" });
    await adding.getByLabel("Customer name").fill(name);
    await adding.getByRole("button", { name: "Add customer" }).click();
    await adding.getByRole("link", { name: `Set up ${name}` }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

    // "Add a login": by email instead of a temporary password.
    await page.getByRole("radio", { name: /Invite by email/ }).check();
    const form = page.getByRole("form", { name: `Invite a login for ${name} by email` });
    await expect(form).toContainText("choose their own password");
    await form.getByLabel("Email").fill("not-an-address");
    await form.getByRole("button", { name: "Send invitation" }).click();
    await expect(form.getByText("Enter a valid email address.")).toBeVisible();
    await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

    const inbox = await openInbox();
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name (optional)").fill("Tess Tailspin");
    await form.getByRole("button", { name: "Send invitation" }).click();
    await expect(form.getByRole("status")).toContainText(`Invitation sent to ${email}.`);
    const pending = page.getByRole("list", { name: `Pending invitations of ${name}` });
    const item = pending.getByRole("listitem").filter({ hasText: email });
    await expect(item).toContainText("Administrator");
    await expect(item).toContainText("Link works until");
    const firstLink = await inbox.nextLink(email, "/invite/");
    await settle(page);
    await expectAccessible();

    // Sent again: a new link, and the first one stops working.
    await item.getByRole("button", { name: `Send again the invitation of ${email}` }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "the earlier link no longer works" }),
    ).toBeVisible();
    const link = await inbox.nextLink(email, "/invite/");
    expect(link).not.toBe(firstLink);

    const theirs = await freshPage(browser, baseURL);
    await theirs.goto(pathOf(firstLink));
    await expect(
      theirs.getByRole("heading", { level: 1, name: "This invitation link does not work" }),
    ).toBeVisible();
    await theirs.goto(pathOf(link));
    await expect(
      theirs.getByRole("heading", { level: 1, name: new RegExp(`^Welcome to ${name} on `) }),
    ).toBeVisible();
    await expect(theirs.getByRole("main")).not.toContainText(/enom/i);
    const accept = theirs.getByRole("form", { name: "Accept the invitation" });
    await expect(accept.getByLabel("Email")).toHaveValue(email);
    await accept.getByLabel("New password", { exact: true }).fill(password);
    await accept.getByLabel("Confirm new password").fill(password);
    await accept.getByRole("button", { name: "Accept and sign in" }).click();
    await theirs.waitForURL((url) => url.pathname === "/portal");
    // The first login runs the customer's team.
    await expect(
      theirs.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Team" }),
    ).toBeVisible();

    await page.reload();
    await expect(pending.getByRole("listitem").filter({ hasText: email })).toHaveCount(0);
    await expect(page.getByRole("table", { name: `Logins of ${name}` })).toContainText(email);
  });

  test("adding mailboxes to a pak with part of a year left says what the price list charges, and until when", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const pak = (await truth(GROWTH_DOMAIN)).paks.find(
      (candidate) => candidate.prodType === 2011 && !candidate.expired,
    );
    if (!pak) throw new Error(`${GROWTH_DOMAIN} has no running Mailbox pak`);
    const today = new Date().toISOString().slice(0, 10);
    // A pak whose expiry is a whole number of years away charges no part of a year: nothing to say.
    test.skip(pak.expDate.slice(5) === today.slice(5), "the pak's expiry falls on today's date");

    await signInAs("staff");
    await page.goto(`/purchase?domain=${GROWTH_DOMAIN}&pak=${pak.bundleId}&grow=mailboxes`);
    await expect(page.getByRole("heading", { level: 1, name: "Add mailboxes" })).toBeVisible();
    await page.getByLabel("Mailboxes to add").fill("2");
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Review the price" })).toBeFocused();
    const review = page.getByRole("table", { name: "What you are buying" });
    await expect(review).toContainText(/2 more mailboxes, \d+ GB each, until [A-Z][a-z]{2} \d{1,2}, \d{4}\?/);
    await expect(review).toContainText(
      "The email service's charge for part of a term is not documented; your price list charges",
    );
    await settle(page);
    await expectAccessible();
    // Nothing is bought: the story ends at the review.
  });
});
