import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expect, SIM_ORIGIN, test } from "./fixtures";
import {
  armFault,
  callsSince,
  clearFaults,
  lastCallSeq,
  popExpirationsText,
  type SimDomain,
  type SimMailbox,
  truth,
} from "./sim";

/**
 * A staff member manages a domain's mailboxes in the grid: creates one and then several (eNom's
 * current password rule ticked off as typed), makes one an administrator (at once, before the
 * email service answers), gives one a new password (shown once), forwards it (keeping a copy),
 * stops the forwarding and deletes it; then works on a selection with the keyboard (bulk
 * administrators, a partial failure settled mailbox by mailbox, bulk delete); imports a CSV file
 * whose preview flags a bad row, exports the list; and meets failures of the email service with
 * what was typed kept.
 *
 * The simulator is shared by every spec and never reset, so this spec works on domains of its
 * own: the last (by name) of the seeded domains with one active pak with room, and makes names
 * that no other run uses.
 */

async function mailboxOf(domain: string, userName: string): Promise<SimMailbox | undefined> {
  return (await truth(domain)).mailboxes.find((mailbox) => mailbox.userName === userName);
}

/** Domain names from eNom's account-wide pak list on the simulator (Text replies are `Key=Value`). */
async function domainsWithOnePak(): Promise<string[]> {
  const body = await popExpirationsText();
  const count = new Map<string, number>();
  for (const line of body.split(/\r?\n/)) {
    const match = /^domain\d+=(.+)$/i.exec(line);
    if (match?.[1]) count.set(match[1].toLowerCase(), (count.get(match[1].toLowerCase()) ?? 0) + 1);
  }
  // Domains with two paks belong to the domains spec.
  return [...count].filter(([, paks]) => paks === 1).map(([name]) => name);
}

/**
 * This spec's domains, by position among the seeded domains with one active pak of 10 or more
 * mailboxes, last name first. Chosen from facts no test changes (pak size, expiry), so every test
 * finds the same domain however the others left it.
 */
async function ownDomain(index: number): Promise<SimDomain> {
  const candidates: SimDomain[] = [];
  for (const name of (await domainsWithOnePak()).sort().reverse()) {
    const domain = await truth(name);
    const pak = domain.paks[0];
    if (pak && !pak.expired && pak.qtyPurchased >= 10) candidates.push(domain);
    const found = candidates[index];
    if (found) return found;
  }
  throw new Error(`The seeded world has fewer than ${index + 1} domains with one active pak of 10 or more.`);
}

/** A generated mailbox password: eNom's rule allows letters, digits and * @ - _ / . (16 of them here). */
const GENERATED = /^[A-Za-z0-9*@\-_/.]{16}$/;

/** Names nobody else uses: a short stamp per run, within DeletePOP3's 16 characters. */
const stamp = Date.now().toString(36).slice(-6);
const uniqueName = (prefix: string) => `${prefix}${stamp}`;

function grid(page: Page, domain: string): Locator {
  return page.getByRole("table", { name: `Mailboxes of ${domain}` });
}
function rowOf(page: Page, domain: string, address: string): Locator {
  return grid(page, domain)
    .getByRole("row")
    .filter({ has: page.getByText(address, { exact: true }) });
}
function results(page: Page): Locator {
  return page.getByRole("region", { name: "Changes sent and their results" });
}

/**
 * Axe judges what is on screen: the pointer left resting on a button gives it its hover shade, and
 * a page scrolled under the sticky top bar has targets "obscured" that a user scrolls back to.
 */
async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function openDomain(page: Page, domain: string) {
  await page.goto(`/domains/${domain}`);
  await expect(page.getByRole("heading", { level: 1, name: domain })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Mailboxes", exact: true })).toBeVisible();
}

test.describe("mailboxes", () => {
  test.afterEach(async () => {
    await clearFaults();
  });

  test("a forwarding address without a mailbox is listed beside the grid, changed and removed", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    // eNom's SetPOPForwarding serves "both our POP mail and our email forwarding services": a
    // forward whose name has no mailbox, set on the email service directly.
    const { domain } = await ownDomain(4);
    const name = uniqueName("Desk.");
    const address = `${name}@${domain}`;
    const [sld = "", tld = ""] = domain.split(/\.(.*)/);
    const set = new URLSearchParams({
      uid: "resellid",
      pw: "resellpw",
      responsetype: "xml",
      command: "SetPOPForwarding",
      sld,
      tld,
      UserName: name,
      EMail: domain,
      ForwardTo: "old-desk@example.org",
      Enable: "1",
      StatusFlags: "1",
    });
    expect(await (await fetch(`${SIM_ORIGIN}/interface.asp?${set}`)).text()).toContain(
      "<ErrCount>0</ErrCount>",
    );

    await signInAs("staff");
    await openDomain(page, domain);
    const addresses = page.getByRole("region", { name: "Forwarding addresses" });
    const row = addresses.getByRole("row").filter({ hasText: address });
    await expect(row).toContainText("old-desk@example.org");
    await expect(row).toContainText("Active");
    await expect(rowOf(page, domain, address)).toHaveCount(0); // not a mailbox of the grid
    await settle(page);
    await expectAccessible();

    // At 375 px the page does not scroll sideways: the table scrolls inside its box.
    await page.setViewportSize({ width: 375, height: 812 });
    await expect(row).toBeVisible();
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, "the domain page scrolls sideways at 375 px").toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 720 });

    // Changing it: no mailbox to keep a copy in, so the dialog does not offer one.
    await row.getByRole("button", { name: `Change forwarding of ${address}` }).click();
    const dialog = page.getByRole("dialog", { name: `Forwarding of ${address}` });
    await expect(dialog).toContainText("This address has no mailbox");
    await expect(dialog.getByLabel("Keep a copy in the mailbox")).toHaveCount(0);
    await dialog.getByLabel("Forward mail to").fill("front-desk@example.org");
    await dialog.getByRole("button", { name: "Save forwarding" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("front-desk@example.org");
    expect((await truth(domain)).forwards.find((forward) => forward.userName === name)).toMatchObject({
      forwardTo: "front-desk@example.org",
      statusFlags: "1",
    });

    // Removing it asks first, and says its mail then has nowhere to go.
    await row.getByRole("button", { name: `Remove forwarding address ${address}` }).click();
    const removing = page.getByRole("dialog", { name: `Remove ${address}?` });
    await expect(removing).toContainText("no mailbox to receive it");
    await removing.getByRole("button", { name: "Remove forwarding address" }).click();
    await expect(removing).toBeHidden();
    await expect(page.getByRole("row").filter({ hasText: address })).toHaveCount(0);
    expect((await truth(domain)).forwards.find((forward) => forward.userName === name)).toBeUndefined();
  });

  test("staff create one and several mailboxes, make one an administrator, reset its password, forward and delete it", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const own = await ownDomain(1);
    const { domain } = own;
    const one = uniqueName("one");
    const several = ["ann", "bob", "cy"].map((prefix) => uniqueName(prefix));

    await signInAs("staff");
    await openDomain(page, domain);
    await expectAccessible();

    // One mailbox; the email service takes its time, and the grid shows the row being created.
    await page.getByRole("button", { name: "Add mailboxes" }).click();
    const adding = page.getByRole("dialog", { name: "Add mailboxes" });
    const first = adding.getByRole("group", { name: "Mailbox 1" });
    await first.getByLabel("User name").fill(one);
    await first.getByLabel("Display name").fill("Front desk");
    await expect(first.getByText("Meets the password rules.")).toBeVisible();
    await armFault({ command: "SETUPPOP3USER", mode: "latency", latencyMs: 2_000, times: 1 });
    await adding.getByRole("button", { name: "Create mailbox" }).click();
    await expect(adding).toBeHidden();
    await expect(rowOf(page, domain, `${one}@${domain}`)).toContainText("Creating…");
    await expect(results(page).getByRole("status").filter({ hasText: "Create" })).toContainText(
      "Waiting for the email service",
    );
    await expect(results(page).getByText(`${one}@${domain} is created.`)).toBeVisible();
    await expect(rowOf(page, domain, `${one}@${domain}`)).toContainText("Front desk");
    await expect(rowOf(page, domain, `${one}@${domain}`)).not.toContainText("Creating…");
    // Its storage against its quota: a new mailbox uses nothing yet.
    await expect(
      rowOf(page, domain, `${one}@${domain}`).getByRole("progressbar", {
        name: `Storage used by ${one}@${domain}`,
      }),
    ).toHaveAttribute("aria-valuenow", "0");
    expect(await mailboxOf(domain, one)).toMatchObject({ isAdmin: false });

    // Several at once, one of them with a password the rules refuse until it is regenerated.
    await page.getByRole("button", { name: "Add mailboxes" }).click();
    await expect(adding.getByRole("group", { name: "Mailbox 2" })).toHaveCount(0);
    for (const [index, userName] of several.entries()) {
      if (index > 0) await adding.getByRole("button", { name: "Add another mailbox" }).click();
      await adding
        .getByRole("group", { name: `Mailbox ${index + 1}` })
        .getByLabel("User name")
        .fill(userName);
    }
    const second = adding.getByRole("group", { name: "Mailbox 2" });
    await second.getByLabel("Password", { exact: true }).fill("weakpass");
    await expect(
      second.getByText(
        "Still needs: 10 to 20 characters, an upper-case letter, a number, one of * @ - _ / .",
      ),
    ).toBeVisible();
    await adding.getByRole("group", { name: "Mailbox 3" }).getByLabel("Administrator").check();
    await adding.getByRole("button", { name: "Create 3 mailboxes" }).click();
    await expect(second.getByText("A password has 10 to 20 characters.")).toBeVisible();
    await expect(second.getByLabel("User name")).toHaveValue(several[1] ?? "");
    await expectAccessible();
    await second.getByRole("button", { name: "Generate a password for mailbox 2" }).click();
    await expect(second.getByText("Meets the password rules.")).toBeVisible();
    await adding.evaluate((dialog) => dialog.scrollTo(0, 0));
    await page.screenshot({ path: "docs/screenshots/create-mailboxes-dialog.png" });
    await adding.getByRole("button", { name: "Create 3 mailboxes" }).click();
    const created = results(page).getByRole("region", { name: "Create 3 mailboxes" });
    await expect(created.getByRole("status")).toHaveText("Created 3 mailboxes.");
    await expect(created.getByRole("progressbar")).toHaveAttribute("value", "3");
    await expect(created.getByRole("button", { name: "Copy all new passwords" })).toBeVisible();
    for (const userName of several) await expect(rowOf(page, domain, `${userName}@${domain}`)).toBeVisible();
    // Created without a display name, and eNom returns none: said to be unknown, not empty.
    await expect(rowOf(page, domain, `${several[0]}@${domain}`)).toContainText("Not known");
    await expect(page.getByText(/the email service does not report display names/).first()).toBeVisible();
    expect(await mailboxOf(domain, several[2] ?? "")).toMatchObject({ isAdmin: true });
    await created.getByRole("button", { name: "Dismiss: Create 3 mailboxes" }).click();
    await results(page)
      .getByRole("button", { name: `Dismiss: Create ${one}@${domain}` })
      .click();
    await expect(results(page)).toHaveCount(0);
    await settle(page);
    await page.screenshot({ path: "docs/screenshots/mailbox-grid.png", fullPage: true });

    // Administrator at once: the switch flips before the email service answers.
    await armFault({ command: "MODIFYPOP3", mode: "latency", latencyMs: 2_000, times: 1 });
    const admin = grid(page, domain).getByRole("switch", { name: `Administrator: ${one}@${domain}` });
    await expect(admin).toHaveAttribute("aria-checked", "false");
    await admin.click();
    await expect(admin).toHaveAttribute("aria-checked", "true");
    await expect(rowOf(page, domain, `${one}@${domain}`)).toContainText("Saving…");
    await expect(results(page).getByText(`${one}@${domain} is now an administrator.`)).toBeVisible();
    await expect(admin).toHaveAttribute("aria-checked", "true");
    expect(await mailboxOf(domain, one)).toMatchObject({ isAdmin: true });

    // A new password: rules checked as it is typed, generated, shown once with a copy button.
    const before = (await mailboxOf(domain, one))?.passwordSetAt;
    await rowOf(page, domain, `${one}@${domain}`)
      .getByRole("button", { name: `New password for ${one}@${domain}` })
      .click();
    const reset = page.getByRole("dialog", { name: `New password for ${one}@${domain}` });
    const field = reset.getByLabel("New password");
    await field.fill(`Short-${one}`);
    const rules = reset.getByRole("list", { name: "Password rules" });
    await expect(rules.getByText("An upper-case letter: met")).toBeVisible();
    await expect(rules.getByText("Not containing the mailbox name: not met yet")).toBeVisible();
    await expect(rules.getByText("One of * @ - _ / .: met")).toBeVisible();
    await reset.getByRole("button", { name: "Generate a password" }).click();
    await expect(rules.getByText(/not met yet/)).toHaveCount(0);
    const newPassword = await field.inputValue();
    expect(newPassword).toMatch(GENERATED);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/reset-password-dialog.png" });
    await reset.getByRole("button", { name: "Set new password" }).click();
    await expect(reset.getByText(newPassword, { exact: true })).toBeVisible();
    await expect(reset.getByText("It is shown only this once.")).toBeVisible();
    await expect(reset.getByRole("button", { name: "Copy password" })).toBeVisible();
    await reset.getByRole("button", { name: "Done" }).click();
    await expect(reset).toBeHidden();
    await expect(page.getByText(newPassword)).toHaveCount(0);
    expect((await mailboxOf(domain, one))?.passwordSetAt).not.toBe(before);

    // Forwarding, keeping a copy in the mailbox (what eNom does with that is said to be unconfirmed).
    await rowOf(page, domain, `${one}@${domain}`)
      .getByRole("button", { name: `Forwarding of ${one}@${domain}` })
      .click();
    const forwarding = page.getByRole("dialog", { name: `Forwarding of ${one}@${domain}` });
    await expect(forwarding.getByText("Now: not forwarded.")).toBeVisible();
    await forwarding.getByLabel("Forward mail to").fill(`${one}@${domain}`);
    await forwarding.getByRole("button", { name: "Save forwarding" }).click();
    await expect(forwarding.getByText("A mailbox cannot forward to its own address.")).toBeVisible();
    await forwarding.getByLabel("Forward mail to").fill("front-desk@example.org");
    await expect(forwarding.getByLabel("Keep a copy in the mailbox")).toBeChecked();
    await expect(forwarding).toContainText("does not confirm what it does with this setting");
    await settle(page);
    await expectAccessible();
    await forwarding.getByRole("button", { name: "Save forwarding" }).click();
    await expect(forwarding).toBeHidden();
    await expect(rowOf(page, domain, `${one}@${domain}`)).toContainText("front-desk@example.org");
    expect(await mailboxOf(domain, one)).toMatchObject({ forwardTo: "front-desk@example.org" });
    expect((await truth(domain)).forwards.find((forward) => forward.userName === one)).toMatchObject({
      statusFlags: "0",
    });

    // Stopping it: eNom is told which forward to remove (Enable=0 with its address).
    await rowOf(page, domain, `${one}@${domain}`)
      .getByRole("button", { name: `Forwarding of ${one}@${domain}` })
      .click();
    await expect(forwarding.getByText("Now: forwarded to front-desk@example.org.")).toBeVisible();
    await forwarding.getByRole("button", { name: "Stop forwarding" }).click();
    await expect(forwarding).toBeHidden();
    await expect(rowOf(page, domain, `${one}@${domain}`)).not.toContainText("front-desk@example.org");
    expect(await mailboxOf(domain, one)).toMatchObject({ forwardTo: "" });

    // Delete, with a confirmation that says what is lost for good.
    await rowOf(page, domain, `${one}@${domain}`)
      .getByRole("button", { name: `Delete ${one}@${domain}` })
      .click();
    const deleting = page.getByRole("dialog", { name: `Delete ${one}@${domain}?` });
    await expect(deleting).toContainText("mail, calendar and contacts");
    await expect(deleting).toContainText("lost for good");
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/delete-mailbox-dialog.png" });
    await deleting.getByRole("button", { name: "Delete mailbox for good" }).click();
    await expect(results(page).getByText(`${one}@${domain} is deleted.`)).toBeVisible();
    await expect(rowOf(page, domain, `${one}@${domain}`)).toHaveCount(0);
    expect(await mailboxOf(domain, one)).toBeUndefined();
  });

  test("with the keyboard, staff select mailboxes and change them together, and see each mailbox's result", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const { domain } = await ownDomain(2);
    // One prefix for the three, so the filter shows exactly them.
    const group = uniqueName("kb");
    const names = ["a", "b", "c"].map((suffix) => `${group}${suffix}`);
    await signInAs("staff");
    await openDomain(page, domain);

    // Three mailboxes to work on, made through the dialog.
    await page.getByRole("button", { name: "Add mailboxes" }).click();
    const adding = page.getByRole("dialog", { name: "Add mailboxes" });
    for (const [index, userName] of names.entries()) {
      if (index > 0) await adding.getByRole("button", { name: "Add another mailbox" }).click();
      await adding
        .getByRole("group", { name: `Mailbox ${index + 1}` })
        .getByLabel("User name")
        .fill(userName);
    }
    await adding.getByRole("button", { name: "Create 3 mailboxes" }).click();
    await expect(
      results(page).getByRole("region", { name: "Create 3 mailboxes" }).getByRole("status"),
    ).toHaveText("Created 3 mailboxes.");

    // Tab through the toolbar: filter, show, add, import, export.
    const filter = page.getByRole("searchbox", { name: "Filter" });
    await filter.focus();
    await page.keyboard.type(group);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("combobox", { name: "Show" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Add mailboxes" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Import CSV" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Export CSV" })).toBeFocused();
    await expect(grid(page, domain).getByRole("row")).toHaveCount(names.length + 1);

    // Select with Space: all shown, then one off and on again.
    await page.keyboard.press("Tab");
    const all = page.getByRole("checkbox", { name: "Select all mailboxes shown" });
    await expect(all).toBeFocused();
    await page.keyboard.press("Space");
    for (const userName of names)
      await expect(page.getByRole("checkbox", { name: `Select ${userName}@${domain}` })).toBeChecked();
    const firstBox = page.getByRole("checkbox", { name: `Select ${names[0]}@${domain}` });
    await firstBox.focus();
    await page.keyboard.press("Space");
    await expect(firstBox).not.toBeChecked();
    await page.keyboard.press("Space");
    await expect(firstBox).toBeChecked();
    const bulk = page.getByRole("group", { name: "Actions on the selected mailboxes" });
    await expect(bulk).toContainText("3 selected");
    await settle(page);
    await expectAccessible();

    // Bulk administrators: one call to the email service for the three.
    const seq = await lastCallSeq();
    await bulk.getByRole("button", { name: "Make administrator" }).click();
    const promoted = results(page).getByRole("region", { name: "Make 3 mailboxes administrators" });
    await expect(promoted.getByRole("status")).toHaveText("Made administrator: 3 mailboxes.");
    const writes = (await callsSince(seq)).filter((call) => call.command.toUpperCase() === "MODIFYPOP3");
    expect(writes).toHaveLength(1);
    expect(writes[0]?.params).toMatchObject({ EmailCount: "3" });
    for (const userName of names) expect(await mailboxOf(domain, userName)).toMatchObject({ isAdmin: true });
    for (const userName of names)
      await expect(
        grid(page, domain).getByRole("switch", { name: `Administrator: ${userName}@${domain}` }),
      ).toHaveAttribute("aria-checked", "true");

    // The email service refuses some: each mailbox's result, and the grid shows the truth.
    await armFault({
      command: "MODIFYPOP3",
      mode: "partial",
      message: "Mailbox is locked by the mail server",
      times: 1,
    });
    await bulk.getByRole("button", { name: "Make regular user" }).click();
    const demoted = results(page).getByRole("region", { name: "Make 3 mailboxes regular users" });
    await expect(demoted.getByRole("status")).toHaveText(
      "Made regular user: 1 of 3 mailboxes. 2 mailboxes failed.",
    );
    const perMailbox = demoted.getByRole("region", {
      name: "Results per mailbox: Make 3 mailboxes regular users",
    });
    await expect(perMailbox.getByRole("row")).toHaveCount(4);
    await expect(perMailbox.getByRole("row").filter({ hasText: "Failed" })).toHaveCount(2);
    await expect(perMailbox).toContainText("Mailbox is locked by the mail server");
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/bulk-results.png", fullPage: true });
    const admins = (await truth(domain)).mailboxes.filter((mailbox) => names.includes(mailbox.userName));
    expect(admins.filter((mailbox) => mailbox.isAdmin)).toHaveLength(2);
    for (const mailbox of admins)
      await expect(
        grid(page, domain).getByRole("switch", { name: `Administrator: ${mailbox.userName}@${domain}` }),
      ).toHaveAttribute("aria-checked", String(mailbox.isAdmin));

    // New generated passwords for the three, shown once with the results.
    await bulk.getByRole("button", { name: "New passwords" }).click();
    const renewing = page.getByRole("dialog", { name: "New passwords for 3 mailboxes?" });
    await expect(renewing).toContainText("The old passwords stop working at once");
    await expectAccessible();
    await renewing.getByRole("button", { name: "Set 3 new passwords" }).click();
    const renewed = results(page).getByRole("region", { name: "New passwords for 3 mailboxes" });
    await expect(renewed.getByRole("status")).toHaveText("New password set for 3 mailboxes.");
    const passwordCells = renewed.getByRole("cell").filter({ hasText: GENERATED });
    await expect(passwordCells).toHaveCount(3);
    await expect(renewed.getByRole("button", { name: "Copy all new passwords" })).toBeVisible();
    await renewed.getByRole("button", { name: "Dismiss: New passwords for 3 mailboxes" }).click();
    await expect(renewed).toHaveCount(0);

    // Bulk delete, after ticking that mail, calendars and contacts are lost for good.
    await expect(bulk).toContainText("3 selected");
    await bulk.getByRole("button", { name: "Delete" }).click();
    const deleting = page.getByRole("dialog", { name: "Delete 3 mailboxes?" });
    const confirm = deleting.getByRole("button", { name: "Delete 3 mailboxes for good" });
    await expect(confirm).toBeDisabled();
    await deleting.getByLabel(/mail, calendars and contacts of these 3 mailboxes are lost for good/).check();
    await expectAccessible();
    await confirm.click();
    await expect(
      results(page).getByRole("region", { name: "Delete 3 mailboxes" }).getByRole("status"),
    ).toHaveText("Deleted 3 mailboxes.");
    await expect(grid(page, domain).getByRole("row")).toHaveCount(2); // the heading and "No mailbox matches"
    for (const userName of names) expect(await mailboxOf(domain, userName)).toBeUndefined();
  });

  test("staff import mailboxes from a CSV file whose preview flags a bad row, and export the list", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const { domain } = await ownDomain(3);
    const good1 = uniqueName("csva");
    const good2 = uniqueName("csvb");
    const bad = uniqueName("csvc");
    await signInAs("staff");
    await openDomain(page, domain);

    await page.getByRole("button", { name: "Import CSV" }).click();
    const importing = page.getByRole("dialog", { name: "Import mailboxes from a CSV file" });
    const csv = [
      "user name,display name,password,administrator,forward to",
      `${good1},"Doe, Jane",,yes,`,
      `${bad},Weak,abc,no,`,
      `${good2},=1+1,Import-2Pass,no,archive@example.org`,
    ].join("\r\n");
    await importing
      .getByLabel("CSV file")
      .setInputFiles({ name: "new-staff.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(importing.getByRole("status")).toContainText("3 mailboxes, 2 ready, 1 with problems to fix");
    // Creating a mailbox sets no forwarding (SetUpPOP3User takes none): the preview says so.
    await expect(importing.getByRole("status")).toContainText("Creating a mailbox sets no forwarding");
    const preview = importing.getByRole("table", { name: /Mailboxes in new-staff\.csv/ });
    await expect(preview.getByRole("row").filter({ hasText: bad })).toContainText(
      "Password: A password has 10 to 20 characters.",
    );
    await expect(preview.getByRole("row").filter({ hasText: good1 })).toContainText("Generated");
    await expect(importing.getByRole("button", { name: "Create mailboxes" })).toBeDisabled();
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/csv-import-preview.png" });
    await importing.getByLabel("Leave out the 1 row with problems and create the other 2").check();
    await importing.getByRole("button", { name: "Create 2 mailboxes" }).click();
    const imported = results(page).getByRole("region", { name: "Import 2 mailboxes from new-staff.csv" });
    await expect(imported.getByRole("status")).toHaveText("Created 2 mailboxes.");
    await expect(rowOf(page, domain, `${good1}@${domain}`)).toContainText("Doe, Jane");
    expect(await mailboxOf(domain, good1)).toMatchObject({ isAdmin: true });
    expect(await mailboxOf(domain, good2)).toMatchObject({ forwardTo: "" });
    expect(await mailboxOf(domain, bad)).toBeUndefined();

    // Export: the list as shown, no passwords, formulas neutralised.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^${domain.replace(/\./g, "\\.")}-mailboxes-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const exported = await readFile(await download.path(), "utf8");
    expect(exported).toContain("address,user name,display name,administrator,pak,forward to\r\n");
    expect(exported).toContain(`${good1}@${domain},${good1},"Doe, Jane",yes,`);
    expect(exported).toContain(`${good2}@${domain},${good2},"'=1+1",no,`);
    expect(exported).not.toContain("Import-2Pass");
  });

  test("when the email service fails, the message is clear, what was typed is kept, and the grid shows the truth", async ({
    page,
    signInAs,
  }) => {
    const own = await ownDomain(2);
    const domain = own.domain;
    const existing = own.mailboxes.find((mailbox) => !mailbox.isAdmin) ?? own.mailboxes[0];
    if (!existing) throw new Error("expected a mailbox");
    await signInAs("staff");
    await openDomain(page, domain);

    // An admin change refused: shown at once, then rolled back with the reason.
    await armFault({ command: "MODIFYPOP3", mode: "error", message: "The mail server is busy", times: 1 });
    const address = `${existing.userName}@${domain}`;
    const toggle = grid(page, domain).getByRole("switch", { name: `Administrator: ${address}` });
    const was = existing.isAdmin;
    await toggle.click();
    await expect(results(page).getByRole("alert")).toContainText(
      `Could not make ${address} ${was ? "a regular user" : "an administrator"}: The email service refused this: The mail server is busy. It is still ${was ? "an administrator" : "a regular user"}.`,
    );
    await expect(toggle).toHaveAttribute("aria-checked", String(was));
    expect(await mailboxOf(domain, existing.userName)).toMatchObject({ isAdmin: was });

    // Creating refused: the rows come back to be fixed, as typed.
    const typed = uniqueName("typed");
    await armFault({
      command: "SETUPPOP3USER",
      mode: "error",
      message: "Service is down for maintenance",
      times: 1,
    });
    await page.getByRole("button", { name: "Add mailboxes" }).click();
    const adding = page.getByRole("dialog", { name: "Add mailboxes" });
    await adding.getByLabel("User name").fill(typed);
    await adding.getByLabel("Display name").fill("Kept as typed");
    const password = await adding.getByLabel("Password", { exact: true }).inputValue();
    await adding.getByRole("button", { name: "Create mailbox" }).click();
    const refusal = results(page).getByRole("alert").filter({ hasText: typed });
    await expect(refusal).toContainText(
      `Could not create ${typed}@${domain}: The email service refused this: Service is down for maintenance`,
    );
    await expect(rowOf(page, domain, `${typed}@${domain}`)).toHaveCount(0);
    await refusal.getByRole("button", { name: "Fix the 1 mailbox that failed" }).click();
    await expect(adding.getByLabel("User name")).toHaveValue(typed);
    await expect(adding.getByLabel("Display name")).toHaveValue("Kept as typed");
    await expect(adding.getByLabel("Password", { exact: true })).toHaveValue(password);
    await expect(
      adding.getByText("Last try: The email service refused this: Service is down for maintenance"),
    ).toBeVisible();
    await adding.getByRole("button", { name: "Create mailbox" }).click();
    await expect(results(page).getByText(`${typed}@${domain} is created.`)).toBeVisible();

    // The answer lost before the email service acted: said so, and the mailbox is still listed.
    await armFault({ command: "DELETEPOP3", mode: "reset", times: 1 });
    const deleteTyped = async () => {
      await rowOf(page, domain, `${typed}@${domain}`)
        .getByRole("button", { name: `Delete ${typed}@${domain}` })
        .click();
      await page
        .getByRole("dialog", { name: `Delete ${typed}@${domain}?` })
        .getByRole("button", { name: "Delete mailbox for good" })
        .click();
    };
    await deleteTyped();
    await expect(results(page).getByRole("status").filter({ hasText: "did not confirm" })).toContainText(
      "may or may not have been done",
    );
    await expect(rowOf(page, domain, `${typed}@${domain}`)).toHaveCount(1);
    expect(await mailboxOf(domain, typed)).toBeDefined();

    // Lost after the email service acted: the panel reads the domain back and says it is deleted.
    await armFault({ command: "DELETEPOP3", mode: "commit-then-drop", times: 1 });
    await deleteTyped();
    await expect(results(page).getByText(`${typed}@${domain} is deleted.`)).toBeVisible();
    await expect(rowOf(page, domain, `${typed}@${domain}`)).toHaveCount(0);
    expect(await mailboxOf(domain, typed)).toBeUndefined();

    // The email service down for reads: the list stays, marked as possibly out of date.
    await armFault({ command: "GETPOP3", mode: "error", message: "Service is down for maintenance" });
    await toggle.click();
    const mailboxes = page.getByRole("region", { name: "Mailboxes", exact: true });
    await expect(
      mailboxes.getByRole("status").filter({ hasText: "This list may be out of date" }),
    ).toBeVisible({
      timeout: 20_000,
    });
    await expect(grid(page, domain)).toBeVisible();
    await clearFaults();
    await mailboxes.getByRole("button", { name: "Try again" }).click();
    await expect(mailboxes.getByText("This list may be out of date")).toHaveCount(0);

    // Forwarding that cannot be read is said so: the last good read is shown, marked as such.
    await armFault({
      command: "GETPOPFORWARDING",
      mode: "error",
      message: "Service is down for maintenance",
    });
    await page.reload();
    await expect(mailboxes.getByText("Forwarding could not be read")).toBeVisible({ timeout: 20_000 });
    await expect(mailboxes.getByText("The forwarding shown is from the last good read")).toBeVisible();
    await clearFaults();
    await mailboxes.getByRole("button", { name: "Read forwarding again" }).click();
    await expect(mailboxes.getByText("Forwarding could not be read")).toHaveCount(0);
  });
});
