import type { Browser, Page } from "@playwright/test";
import { DEMO_USERS, expect, test } from "./fixtures";
import { openInbox, pathOf } from "./mail";

/**
 * A customer's administrator (the demo's customer login) invites a colleague from the portal's
 * Team page. The colleague accepts the emailed invitation, chooses a password, lands in the same
 * portal with the same domains; the administrator makes them an administrator and a member again,
 * then removes them, and their session ends.
 */

async function freshPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

async function portalDomains(page: Page): Promise<string[]> {
  await page.goto("/portal");
  const list = page.getByRole("list", { name: "Your domains" });
  await expect(list).toBeVisible();
  return (await list.getByRole("heading", { level: 2 }).allTextContents()).map((name) => name.trim()).sort();
}

test("a customer's administrator invites a colleague, who signs in, and later removes them", async ({
  page,
  browser,
  baseURL,
  signInAs,
  expectAccessible,
}) => {
  const email = `colleague-${Date.now()}@northwind.example`;
  const password = "a-colleague-passphrase";

  await signInAs("customer");
  const domains = await portalDomains(page);
  expect(domains.length).toBeGreaterThan(0);

  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  const colleagues = page.getByRole("list", { name: "Colleagues" });
  await expect(colleagues.getByRole("listitem").filter({ hasText: DEMO_USERS.customer })).toContainText(
    "(you)",
  );
  await expect(colleagues.getByRole("listitem").filter({ hasText: DEMO_USERS.customer })).toContainText(
    "Administrator",
  );

  // A mistake first: the form says what is wrong and keeps what was typed.
  const form = page.getByRole("form", { name: "Invite a colleague" });
  await form.getByLabel("Email").fill(DEMO_USERS.customer);
  await form.getByLabel("Name (optional)").fill("Bo Colleague");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("This colleague is already on your team.")).toBeVisible();
  await expect(form.getByLabel("Name (optional)")).toHaveValue("Bo Colleague");
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  const inbox = await openInbox();
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByRole("status")).toContainText(`Invitation sent to ${email}.`);
  const pending = page.getByRole("list", { name: "Pending invitations" });
  await expect(pending.getByRole("listitem").filter({ hasText: email })).toContainText("Link works until");
  await page.mouse.move(0, 0);
  await expectAccessible();
  await page.screenshot({ path: "docs/screenshots/portal-team.png", fullPage: true });

  await page.setViewportSize({ width: 375, height: 812 });
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expectAccessible();
  await page.screenshot({ path: "docs/screenshots/portal-team-mobile.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The colleague opens the emailed link on their own computer.
  const link = await inbox.nextLink(email, "/invite/");
  const theirs = await freshPage(browser, baseURL);
  await theirs.goto(pathOf(link));
  await expect(
    theirs.getByRole("heading", { level: 1, name: /^Welcome to Northwind Traders on / }),
  ).toBeVisible();
  await expect(theirs.getByRole("main")).not.toContainText(/enom/i);
  const accept = theirs.getByRole("form", { name: "Accept the invitation" });
  await expect(accept.getByLabel("Email")).toHaveValue(email);
  await expect(accept.getByLabel("Your name")).toHaveValue("Bo Colleague");
  await expectAccessible(theirs);
  await theirs.screenshot({ path: "docs/screenshots/invite-accept.png", fullPage: true });

  await accept.getByLabel("New password", { exact: true }).fill(password);
  await accept.getByLabel("Confirm new password").fill("not-the-same-passphrase");
  await accept.getByRole("button", { name: "Accept and sign in" }).click();
  await expect(accept.getByText("The two passwords do not match.")).toBeVisible();
  await accept.getByLabel("New password", { exact: true }).fill(password);
  await accept.getByLabel("Confirm new password").fill(password);
  await accept.getByRole("button", { name: "Accept and sign in" }).click();
  await theirs.waitForURL((url) => url.pathname === "/portal");
  expect(await portalDomains(theirs)).toEqual(domains);
  // A colleague is not an administrator: no Team section, and its page does not exist for them.
  await expect(
    theirs.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Team" }),
  ).toHaveCount(0);
  const teamPage = await theirs.goto("/portal/team");
  expect(teamPage?.status()).toBe(404);

  // The link works once.
  await theirs.goto(pathOf(link));
  await expect(
    theirs.getByRole("heading", { level: 1, name: "This invitation was already used" }),
  ).toBeVisible();
  await expectAccessible(theirs);

  // The administrator sees them on the team, and removes them.
  await page.reload();
  const row = colleagues.getByRole("listitem").filter({ hasText: email });
  await expect(row).toContainText("Bo Colleague");
  await expect(row).toContainText("Member");
  await expect(pending.getByRole("listitem").filter({ hasText: email })).toHaveCount(0);

  // The administrator makes them an administrator too, then a member again.
  await row.getByRole("button", { name: "Make administrator Bo Colleague" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is now an administrator" })).toBeVisible();
  await expect(row).toContainText("Administrator");
  await row.getByRole("button", { name: "Make member Bo Colleague" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is no longer an administrator" })).toBeVisible();
  await expect(row).toContainText("Member");

  await row.getByRole("button", { name: "Remove Bo Colleague" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Bo Colleague?" });
  await expect(dialog).toContainText("signed out at once");
  await page.mouse.move(0, 0);
  await expectAccessible();
  await dialog.getByRole("button", { name: "Remove Bo Colleague" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "was removed and signed out" })).toContainText(
    email,
  );
  await expect(colleagues.getByRole("listitem").filter({ hasText: email })).toHaveCount(0);
  await expectAccessible();

  // Their session has ended: the next page sends them to sign in, and their password no longer works.
  await theirs.goto("/portal");
  await theirs.waitForURL((url) => url.pathname === "/sign-in");
  await theirs.getByLabel("Email").fill(email);
  await theirs.getByLabel("Password").fill(password);
  await theirs.getByRole("button", { name: "Sign in" }).click();
  await expect(theirs.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await theirs.context().close();
});
