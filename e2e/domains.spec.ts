import type { Page } from "@playwright/test";
import { expect, SIM_ORIGIN, test } from "./fixtures";
import { armFault, clearFaults, type SimDomain, type SimPak, truth } from "./sim";

/**
 * A staff member works through the account's domains: finds one by search, filters and pages the
 * list, then on one domain turns auto-renew off and on, sets and clears the catch-all, meets a
 * refusal from the email service, and deletes a pak with its typed confirmation.
 *
 * The simulator is shared by every spec and not reset between them, so this spec changes only one
 * domain of its own (see `pickDomain`). It deletes one of its two paks, so the domain keeps email,
 * and puts the rest back as it found it.
 */

/** Calls eNom's interface on the simulator (Text replies are `Key=Value` lines; keys lower-cased here). */
async function enomText(params: Record<string, string>): Promise<Map<string, string>> {
  const query = new URLSearchParams({ uid: "resellid", pw: "resellpw", responsetype: "text", ...params });
  const body = await (await fetch(`${SIM_ORIGIN}/interface.asp?${query}`)).text();
  return new Map(
    body
      .split(/\r?\n/)
      .filter((line) => line.includes("=") && !line.startsWith(";"))
      .map((line) => [line.slice(0, line.indexOf("=")).toLowerCase(), line.slice(line.indexOf("=") + 1)]),
  );
}

/**
 * This spec's own domain: the last, by name, of the seeded domains with two paks (the mailbox
 * spec keeps to one-pak domains) where the pak to delete has mailboxes and the pak kept is small
 * (under 10 mailboxes), so that, once down to one pak, it never becomes one of the mailbox spec's.
 */
async function pickDomain(): Promise<{ domain: SimDomain; kept: SimPak; doomed: SimPak }> {
  // GetPOPExpirations' Text reply: `domain1`, `bundleid1`, `expdate1`, `renew1`, … (eNom's page).
  const reply = await enomText({ command: "GetPOPExpirations" });
  const paksPerDomain = new Map<string, number>();
  for (let i = 1; reply.has(`domain${i}`); i++) {
    const name = (reply.get(`domain${i}`) ?? "").toLowerCase();
    paksPerDomain.set(name, (paksPerDomain.get(name) ?? 0) + 1);
  }
  const twoPaks = [...paksPerDomain].filter(([, count]) => count === 2).map(([name]) => name);
  for (const name of twoPaks.sort().reverse()) {
    const domain = await truth(name);
    const [kept, doomed] = [...domain.paks].sort((a, b) => a.qtyPurchased - b.qtyPurchased);
    if (!kept || !doomed || kept.qtyPurchased >= 10) continue;
    if (domain.mailboxes.some((mailbox) => mailbox.bundleId === doomed.bundleId))
      return { domain, kept, doomed };
  }
  throw new Error("The seeded world has no domain with two paks fit for this spec.");
}

const domainsTable = (page: Page) =>
  page.getByRole("table", { name: "Domains with their email paks and mailboxes" });

test.describe("domains", () => {
  test.afterEach(async () => {
    await clearFaults();
  });

  test("staff search, filter and page the domain list, and find where to buy email", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const { domain: own } = await pickDomain();
    await signInAs("staff");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Domains" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Domains" })).toBeVisible();
    await expect(domainsTable(page)).toBeVisible();
    await expect(page.getByText(/^Showing 1–\d+ of \d+ domains/)).toBeVisible();
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/domains.png", fullPage: true });

    // Search by part of the name.
    const filters = page.getByRole("search", { name: "Search and filter domains" });
    const part = own.domain.split(".")[0] ?? own.domain;
    await filters.getByLabel("Search").fill(part);
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${part}(&|$)`));
    const row = domainsTable(page)
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: own.domain }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("cell").nth(2)).toHaveText("2");
    // Its mailboxes, from the domain's GetPOP3 (the pak details), not a dash: the page waited for them.
    const inUse = own.mailboxes.length;
    const bought = own.paks.reduce((sum, pak) => sum + pak.qtyPurchased, 0);
    await expect(row.getByRole("cell").nth(3)).toContainText(`${inUse} / ${bought}`);
    await expect(filters.getByLabel("Search")).toHaveValue(part);

    // A filter: domains without email, each with a way to buy it (or why it cannot be bought).
    await filters.getByRole("link", { name: "Clear" }).click();
    await expect(page).toHaveURL(/\/domains$/);
    await expect(filters.getByLabel("Search")).toHaveValue("");
    await filters.getByLabel("Without email").check();
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]filter=noEmail(&|$)/);
    const rows = domainsTable(page).locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const count = await rows.count();
    await expect(rows.filter({ hasText: /No email yet|cannot be bought/ })).toHaveCount(count);
    const buy = rows.getByRole("link", { name: /^Buy email for / }).first();
    const buyFor = ((await buy.getAttribute("aria-label")) ?? "").replace("Buy email for ", "");
    await expect(buy).toHaveAttribute("href", `/purchase?domain=${encodeURIComponent(buyFor)}`);
    await expectAccessible();

    // A quick filter: expired paks, each row marked.
    await page
      .getByRole("navigation", { name: "Quick filters" })
      .getByRole("link", { name: /^Expired: / })
      .click();
    await expect(page).toHaveURL(/[?&]filter=expired(&|$)/);
    await expect(filters.getByLabel("Expired", { exact: true })).toBeChecked();
    const expired = domainsTable(page).locator("tbody tr");
    await expect(expired.first()).toBeVisible();
    await expect(expired.filter({ hasText: "Expired" })).toHaveCount(await expired.count());

    // Paging: 25 a page, then the next page.
    await filters.getByRole("link", { name: "Clear" }).click();
    await expect(page).toHaveURL(/\/domains$/);
    await expect(filters.getByLabel("Expired", { exact: true })).not.toBeChecked();
    await filters.getByLabel("Domains per page").selectOption("25");
    await filters.getByRole("button", { name: "Apply" }).click();
    const pages = page.getByRole("navigation", { name: "Pages of the domain list" });
    await expect(pages.getByText(/^Page 1 of \d+$/)).toBeVisible();
    await expect(domainsTable(page).locator("tbody tr")).toHaveCount(25);
    const firstOnPageOne = await domainsTable(page).locator("tbody tr").first().textContent();
    await pages.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await expect(pages.getByText(/^Page 2 of \d+$/)).toBeVisible();
    await expect(page.getByText(/^Showing 26–\d+ of \d+ domains/)).toBeVisible();
    await expect(domainsTable(page).locator("tbody tr").first()).not.toHaveText(firstOnPageOne ?? "");

    // Sorting by the nearest expiry: soonest first, marked for screen readers.
    await domainsTable(page).getByRole("link", { name: "Nearest expiry" }).click();
    await expect(domainsTable(page).getByRole("columnheader", { name: "Nearest expiry" })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    await expect(page).toHaveURL(/[?&]sort=expiry(&|$)/);
    await expectAccessible();
  });

  test("staff turn a pak's auto-renew off and on, set and clear the catch-all, and delete a pak", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const { domain: own, kept, doomed } = await pickDomain();
    const doomedMailboxes = own.mailboxes.filter((m) => m.bundleId === doomed.bundleId);
    const mailbox = own.mailboxes[0]?.userName ?? "";

    await signInAs("staff");
    await page.goto(`/domains?q=${own.domain}`);
    await domainsTable(page).getByRole("link", { name: own.domain }).click();
    await expect(page.getByRole("heading", { level: 1, name: own.domain })).toBeVisible();
    const paks = page.getByRole("region", { name: "Email paks" });
    await expect(paks.getByRole("article")).toHaveCount(2);
    const keptPak = paks.getByRole("article", { name: `Pak ${kept.bundleId}` });
    await expect(
      keptPak.getByRole("progressbar", { name: `Mailboxes used in pak ${kept.bundleId}` }),
    ).toBeVisible();
    await expect(keptPak.getByRole("link", { name: `Renew pak ${kept.bundleId}` })).toHaveAttribute(
      "href",
      `/renew?domain=${own.domain}&pak=${kept.bundleId}`,
    );
    await expect(
      keptPak.getByRole("link", { name: `Add mailboxes to pak ${kept.bundleId}` }),
    ).toHaveAttribute("href", `/purchase?domain=${own.domain}&pak=${kept.bundleId}&grow=mailboxes`);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/domain.png", fullPage: true });

    // Deleting asks first: the dialog says what is lost and wants the domain's name typed out.
    await paks.getByRole("button", { name: `Delete pak ${doomed.bundleId}` }).click();
    const dialog = page.getByRole("dialog", { name: `Delete pak ${doomed.bundleId}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Their mail, calendars and contacts are lost for good");
    await expect(dialog).toContainText(
      `Its ${doomedMailboxes.length} ${doomedMailboxes.length === 1 ? "mailbox is" : "mailboxes are"} deleted with it`,
    );
    const confirmation = dialog.getByLabel(`Type ${own.domain} to confirm`);
    await confirmation.fill("delete it");
    await dialog.getByRole("button", { name: "Delete pak for good" }).click();
    await expect(dialog.getByText(`Type the domain name, ${own.domain}, to confirm.`)).toBeVisible();
    await expect(confirmation).toHaveValue("delete it");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await paks.getByRole("button", { name: `Delete pak ${doomed.bundleId}` }).click();
    await confirmation.fill(own.domain);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/delete-pak-dialog.png" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect((await truth(own.domain)).paks).toHaveLength(2);

    // Auto-renew: flip it, see it kept after a reload and at eNom, then flip it back.
    const toggle = keptPak.getByRole("switch", { name: `Auto-renew for pak ${kept.bundleId}` });
    const original = kept.autoRenew;
    const word = (on: boolean) => (on ? "on" : "off");
    await expect(toggle).toHaveAttribute("aria-checked", String(original));
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", String(!original));
    await expect(keptPak.getByRole("status")).toHaveText(
      `Auto-renew is ${word(!original)} for pak ${kept.bundleId}.`,
    );
    await page.reload();
    await expect(toggle).toHaveAttribute("aria-checked", String(!original));
    expect((await truth(own.domain)).paks.find((p) => p.bundleId === kept.bundleId)?.autoRenew).toBe(
      !original,
    );
    await toggle.click();
    await expect(keptPak.getByRole("status")).toHaveText(
      `Auto-renew is ${word(original)} for pak ${kept.bundleId}.`,
    );
    await expect(toggle).toHaveAttribute("aria-checked", String(original));

    // The email service refuses: the switch flips back, says why, and shows the true state.
    await armFault({
      command: "SETPAKRENEW",
      mode: "error",
      message: "Renewal settings are locked",
      times: 1,
    });
    await toggle.click();
    await expect(keptPak.getByRole("alert")).toHaveText(
      "The email service refused this: Renewal settings are locked",
    );
    await expect(toggle).toHaveAttribute("aria-checked", String(original));
    await page.reload();
    await expect(toggle).toHaveAttribute("aria-checked", String(original));
    expect((await truth(own.domain)).paks.find((p) => p.bundleId === kept.bundleId)?.autoRenew).toBe(
      original,
    );

    // Catch-all: to a mailbox of the domain, as a full address (SetCatchAll's ForwardTo), kept after a reload.
    const catchAll = page.getByRole("region", { name: "Catch-all" });
    const target = catchAll.getByLabel("Send mail for unknown addresses to");
    const address = `${mailbox}@${own.domain}`;
    await target.fill(address);
    await catchAll.getByRole("button", { name: "Save catch-all" }).click();
    await expect(catchAll.getByRole("status")).toHaveText(
      `Mail to unknown addresses now goes to ${address}.`,
    );
    await page.reload();
    await expect(catchAll.getByText(`Now: mail to unknown addresses goes to ${address}.`)).toBeVisible();
    await expect(target).toHaveValue(address);

    // A refused change keeps what was typed, and the setting shown is still the true one.
    await armFault({
      command: "SETCATCHALL",
      mode: "error",
      message: "Catch-all is being updated",
      times: 1,
    });
    await target.fill("front-desk@example.org");
    await catchAll.getByRole("button", { name: "Save catch-all" }).click();
    await expect(catchAll.getByRole("alert")).toHaveText(
      "The email service refused this: Catch-all is being updated",
    );
    await expect(target).toHaveValue("front-desk@example.org");
    await expect(catchAll.getByText(`Now: mail to unknown addresses goes to ${address}.`)).toBeVisible();
    expect((await truth(own.domain)).catchAll).toBe(address);

    // eNom documents no way to turn a catch-all off: the panel offers none, and says so.
    await expect(catchAll.getByRole("button", { name: "Turn off" })).toHaveCount(0);
    await expect(catchAll.getByText(/no setting to turn a catch-all off/)).toBeVisible();
    await expectAccessible();

    // Delete the pak, for good this time.
    await paks.getByRole("button", { name: `Delete pak ${doomed.bundleId}` }).click();
    await confirmation.fill(own.domain);
    await dialog.getByRole("button", { name: "Delete pak for good" }).click();
    await expect(dialog).toBeHidden();
    await expect(paks.getByRole("status")).toHaveText(
      `Pak ${doomed.bundleId} is deleted, with ${doomedMailboxes.length} ${doomedMailboxes.length === 1 ? "mailbox" : "mailboxes"}.`,
    );
    await expect(paks.getByRole("article")).toHaveCount(1);
    expect((await truth(own.domain)).paks.map((p) => p.bundleId)).toEqual([kept.bundleId]);

    // The domain list reads the change at once: one pak left, and its mailboxes read afresh.
    await page.goto(`/domains?q=${own.domain}`);
    const row = domainsTable(page)
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: own.domain }) });
    await expect(row.getByRole("cell").nth(2)).toHaveText("1");
    const left = await truth(own.domain);
    await expect(row.getByRole("cell").nth(3)).toContainText(
      `${left.mailboxes.length} / ${left.paks.reduce((sum, pak) => sum + pak.qtyPurchased, 0)}`,
    );

    // Put the catch-all back as this spec found it (SetCatchAll takes the full address as ForwardTo).
    if (own.catchAll) {
      const [sld, ...tld] = own.domain.split(".");
      await enomText({ command: "SetCatchAll", sld: sld ?? "", tld: tld.join("."), ForwardTo: own.catchAll });
    }
  });

  test("a customer cannot open the staff domain pages nor read another customer's domain", async ({
    page,
    signInAs,
  }) => {
    const { domain: other } = await pickDomain();
    await signInAs("customer");
    const mine =
      (await page
        .getByRole("list", { name: "Your domains" })
        .getByRole("listitem")
        .first()
        .getByRole("heading", { level: 2 })
        .textContent()) ?? "";
    expect((await page.goto(`/domains/${mine.trim()}`))?.status()).toBe(404);

    const theirs = await page.request.get(`/api/domains/${other.domain}/email`);
    expect(theirs.status()).toBe(404);
    expect(await theirs.json()).toEqual({ ok: false, message: "That domain was not found." });
    const own = await page.request.get(`/api/domains/${mine.trim()}/email`);
    expect(own.status()).toBe(200);
    expect(await own.json()).toMatchObject({ ok: true, data: { domain: mine.trim() } });
  });
});
