import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { openInbox } from "./mail";
import { demoCustomerDomains, truth } from "./sim";

/**
 * A customer sets up a mailbox on a phone: from the grid's "Set up devices" link to the mailbox's
 * setup page, the iPhone/Mac profile downloads and names the installation's servers (the demo's
 * `mail.{domain}`) and no password; the instructions are emailed in the reseller's brand, with no
 * password and no word of the upstream provider. Nothing here writes to the email service.
 */
test("a customer downloads a mailbox's setup profile naming the right servers, and emails the instructions", async ({
  page,
  signInAs,
  expectAccessible,
}) => {
  let domain = "";
  let userName = "";
  for (const name of await demoCustomerDomains()) {
    const first = (await truth(name)).mailboxes[0];
    if (first) {
      domain = name;
      userName = first.userName;
      break;
    }
  }
  expect(domain, "a demo customer's domain with a mailbox").not.toBe("");
  const address = `${userName}@${domain}`;

  await signInAs("customer");
  await page.goto(`/portal/domains/${domain}`);
  await expect(page.getByRole("heading", { level: 1, name: domain })).toBeVisible();
  await page
    .getByRole("link", { name: `Set up devices for ${address}` })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: `Set up ${address}` })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code that downloads the setup profile/ })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/enom/i);
  await page.mouse.move(0, 0);
  await expectAccessible();
  await page.screenshot({ path: "docs/screenshots/mailbox-setup.png", fullPage: true });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the profile" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${address}.mobileconfig`);
  const profile = await readFile(await download.path(), "utf8");
  expect(profile).toContain("<string>com.apple.mail.managed</string>");
  expect(profile).toMatch(
    new RegExp(
      `<key>IncomingMailServerHostName</key>\\s*<string>mail\\.${domain.replace(/\./g, "\\.")}</string>`,
    ),
  );
  expect(profile).toMatch(
    new RegExp(
      `<key>OutgoingMailServerHostName</key>\\s*<string>mail\\.${domain.replace(/\./g, "\\.")}</string>`,
    ),
  );
  expect(profile).toContain(`<string>${address}</string>`);
  expect(profile).not.toMatch(/Password<\/key>\s*<string>/);

  // The instructions go to another address the customer gives, in the reseller's brand.
  const helper = `setup-${Date.now()}@example.net`;
  const inbox = await openInbox();
  await page.getByRole("radio", { name: /Another address/ }).check();
  await page.getByLabel("Email address").fill(helper);
  await page.getByRole("button", { name: "Send setup instructions" }).click();
  await expect(page.getByText(`Setup instructions sent to ${helper}.`)).toBeVisible();
  const sent = await inbox.next(helper, `Set up ${address}`);
  expect(sent.text).toContain(`mail.${domain}`);
  expect(`${sent.subject}\n${sent.text}\n${sent.html}`).not.toMatch(/enom|password:/i);
});
