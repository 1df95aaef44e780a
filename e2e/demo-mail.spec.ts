import { expect, test } from "./fixtures";
import { openInbox } from "./mail";

/**
 * The demo sends no email: staff read what it would have sent on "Demo emails" (in the navigation
 * only in the demo). A customer has no such page. The email here is the invitation of a new
 * customer's first login, sent by staff; nobody accepts it.
 */
test("staff read the emails the demo would have sent; a customer has no such page", async ({
  page,
  signInAs,
  expectAccessible,
}) => {
  const stamp = Date.now().toString(36).slice(-6);
  const name = `Lamna ${stamp}`;
  const email = `owner-${stamp}@lamna.example`;
  await signInAs("staff");
  await page.goto("/customers");
  await page.getByRole("button", { name: "Add a customer" }).click();
  const adding = page.getByRole("dialog", { name: "Add a customer" });
  await adding.getByLabel("Customer name").fill(name);
  await adding.getByRole("button", { name: "Add customer" }).click();
  await adding.getByRole("link", { name: `Set up ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("radio", { name: /Invite by email/ }).check();
  const form = page.getByRole("form", { name: `Invite a login for ${name} by email` });
  const inbox = await openInbox();
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByRole("status")).toContainText(`Invitation sent to ${email}.`);
  const sent = await inbox.next(email);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Demo emails" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Demo emails" })).toBeVisible();
  const emails = page.getByRole("list", { name: "Emails, newest first" });
  const item = emails.getByRole("listitem").filter({ hasText: `to ${email}` });
  await expect(item).toContainText(sent.subject);
  await item.getByText(sent.subject).click();
  await expect(item.getByText(/\/invite\//)).toBeVisible();
  await page.mouse.move(0, 0);
  await expectAccessible();

  // A customer, in the same browser once staff signed out.
  await page.context().clearCookies();
  await signInAs("customer");
  const response = await page.goto("/demo-mail");
  expect(response?.status()).toBe(404);
});
