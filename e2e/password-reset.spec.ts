import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openInbox, pathOf } from "./mail";

/**
 * Someone who forgot their password asks for a link on the sign-in page, gets it by email, chooses
 * a new password and signs in with it; the old password and the used link no longer work. The
 * user is a staff member made for this spec, so the demo's shared logins keep their password.
 */

async function addStaffUser(page: Page, email: string): Promise<string> {
  await page.goto("/users");
  await page.getByRole("button", { name: "Add a staff user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a staff user" });
  await dialog.getByLabel("Name").fill("Riley Forgetful");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption("staff");
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog.getByRole("status")).toContainText(`${email} can now sign in`);
  return dialog.getByLabel("Temporary password").inputValue();
}

test("a user who forgot their password resets it through the emailed link", async ({
  page,
  browser,
  baseURL,
  signInAs,
  expectAccessible,
}) => {
  const email = `forgetful-${Date.now()}@example.test`;
  const newPassword = "a-freshly-chosen-passphrase";
  await signInAs("admin");
  const oldPassword = await addStaffUser(page, email);

  const context = await browser.newContext({ baseURL });
  const theirs = await context.newPage();
  await theirs.goto("/sign-in");
  await theirs.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(theirs.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await expectAccessible(theirs);

  // An address without an account gets the same answer (and no email).
  const form = theirs.getByRole("form", { name: "Reset your password" });
  await form.getByLabel("Email").fill("nobody-here@example.test");
  await form.getByRole("button", { name: "Email me a link" }).click();
  const answer = theirs.getByRole("status").filter({ hasText: "Check your email" });
  await expect(answer).toContainText("If an account uses that address, we have sent it a link");
  const sameAnswer = await answer.textContent();

  const inbox = await openInbox();
  await theirs.goto("/reset-password");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Email me a link" }).click();
  await expect(answer).toHaveText(sameAnswer ?? "");
  await expectAccessible(theirs);

  const link = await inbox.nextLink(email, "/reset-password/");
  await theirs.goto(pathOf(link));
  await expect(theirs.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  const choose = theirs.getByRole("form", { name: "Choose a new password" });
  await choose.getByLabel("New password", { exact: true }).fill("short");
  await choose.getByLabel("Confirm new password").fill("short");
  await choose.getByRole("button", { name: "Set new password" }).click();
  // The field says it once; the strength meter does not repeat it.
  await expect(choose.getByText("Use at least 12 characters.")).toBeVisible();
  await expectAccessible(theirs);
  await choose.getByLabel("New password", { exact: true }).fill(newPassword);
  await choose.getByLabel("Confirm new password").fill(newPassword);
  await choose.getByRole("button", { name: "Set new password" }).click();

  await theirs.waitForURL((url) => url.pathname === "/sign-in");
  await expect(theirs.getByRole("status")).toContainText("Your password has been changed.");
  // Next streams the page's metadata after a server action's redirect: axe needs the title in place.
  await expect(theirs).toHaveTitle(/\S/);
  await expectAccessible(theirs);

  // The old password fails; the new one signs in.
  await theirs.getByLabel("Email").fill(email);
  await theirs.getByLabel("Password").fill(oldPassword);
  await theirs.getByRole("button", { name: "Sign in" }).click();
  await expect(theirs.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await theirs.getByLabel("Password").fill(newPassword);
  await theirs.getByRole("button", { name: "Sign in" }).click();
  await expect(theirs.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  // The link worked once.
  await theirs.goto(pathOf(link));
  await expect(theirs.getByRole("heading", { level: 1, name: "This link was already used" })).toBeVisible();
  await expectAccessible(theirs);
  await context.close();
});
