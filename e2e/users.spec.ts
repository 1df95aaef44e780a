import type { Browser, Page } from "@playwright/test";
import { DEMO_USERS, expect, test } from "./fixtures";

/**
 * An admin manages the people who sign in to the panel. The users made here have their own
 * emails, so the demo's shared logins are never disabled, demoted or given a new password.
 */

/** A separate browser, as the new user would have: nothing shared with the admin's session. */
async function openFreshBrowser(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

async function signInOn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("staff users", () => {
  test("an admin adds a staff user, who signs in with the temporary password until the admin disables them", async ({
    page,
    browser,
    baseURL,
    signInAs,
    expectAccessible,
  }) => {
    const email = `new-staff-${Date.now()}@example.test`;
    await signInAs("admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    const table = page.getByRole("table", { name: "Staff users" });
    await expect(table.getByRole("row").filter({ hasText: DEMO_USERS.admin })).toContainText("(you)");
    await expectAccessible();

    // A mistake first: the form says what is wrong and keeps what was typed.
    await page.getByRole("button", { name: "Add a staff user" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a staff user" });
    await dialog.getByLabel("Name").fill("Robin Newcomer");
    await dialog.getByLabel("Email").fill(DEMO_USERS.staff.toUpperCase());
    await dialog.getByRole("button", { name: "Add user" }).click();
    await expect(dialog.getByText("A user with this email already exists.")).toBeVisible();
    await expect(dialog.getByLabel("Name")).toHaveValue("Robin Newcomer");
    await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible();

    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Role").selectOption("staff");
    await dialog.getByRole("button", { name: "Add user" }).click();
    await expect(dialog.getByRole("status")).toContainText(`${email} can now sign in`);
    const password = await dialog.getByLabel("Temporary password").inputValue();
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    await expectAccessible();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();

    const row = table.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("Robin Newcomer");
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Never");
    await page.screenshot({ path: "docs/screenshots/users.png", fullPage: true });

    // The new staff member signs in on their own computer.
    const theirs = await openFreshBrowser(browser, baseURL);
    await signInOn(theirs, email, password);
    await expect(theirs.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(
      theirs.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }),
    ).toHaveCount(0);

    // The admin disables them, and they cannot sign in again.
    await row.getByRole("button", { name: `Manage ${email}` }).click();
    const manage = page.getByRole("dialog", { name: "Manage Robin Newcomer" });
    await expectAccessible();
    await manage.getByRole("button", { name: "Disable" }).click();
    await expect(manage.getByRole("status")).toContainText(`${email} is disabled`);
    await manage.getByRole("button", { name: "Close" }).click();
    await expect(row).toContainText("Disabled");

    // A fresh browser cannot sign in with the password any more.
    const later = await openFreshBrowser(browser, baseURL);
    await signInOn(later, email, password);
    await expect(later.getByRole("alert").filter({ hasText: "disabled" })).toHaveText(
      "This account is disabled. Ask your administrator to enable it.",
    );
    await later.context().close();
    await theirs.context().close();
  });

  test("an admin resets a staff user's password; the old one stops working", async ({
    page,
    browser,
    baseURL,
    signInAs,
  }) => {
    const email = `reset-${Date.now()}@example.test`;
    await signInAs("admin");
    await page.goto("/users");
    await page.getByRole("button", { name: "Add a staff user" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a staff user" });
    await dialog.getByLabel("Name").fill("Riley Reset");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByRole("button", { name: "Add user" }).click();
    const first = await dialog.getByLabel("Temporary password").inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();

    await page
      .getByRole("table", { name: "Staff users" })
      .getByRole("button", { name: `Manage ${email}` })
      .click();
    const manage = page.getByRole("dialog", { name: "Manage Riley Reset" });
    await manage.getByRole("button", { name: "Reset password" }).click();
    await expect(manage.getByRole("status")).toContainText("signed out everywhere");
    const second = await manage.getByLabel("Temporary password").inputValue();
    expect(second).not.toBe(first);
    // Closing the dialog forgets the password: it is shown only once.
    await manage.getByRole("button", { name: "Close" }).click();
    await page.getByRole("button", { name: `Manage ${email}` }).click();
    await expect(manage.getByLabel("Temporary password")).toHaveCount(0);

    const theirs = await openFreshBrowser(browser, baseURL);
    await signInOn(theirs, email, first);
    await expect(theirs.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText(
      "The email or password is incorrect.",
    );
    await signInOn(theirs, email, second);
    await expect(theirs.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await theirs.context().close();
  });

  test("disabling a user ends the session they have open", async ({ page, browser, baseURL, signInAs }) => {
    const email = `open-session-${Date.now()}@example.test`;
    await signInAs("admin");
    await page.goto("/users");
    await page.getByRole("button", { name: "Add a staff user" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a staff user" });
    await dialog.getByLabel("Name").fill("Owen Open");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByRole("button", { name: "Add user" }).click();
    const password = await dialog.getByLabel("Temporary password").inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();

    const theirs = await openFreshBrowser(browser, baseURL);
    await signInOn(theirs, email, password);
    await expect(theirs.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

    await page.getByRole("button", { name: `Manage ${email}` }).click();
    const manage = page.getByRole("dialog", { name: "Manage Owen Open" });
    await manage.getByRole("button", { name: "Disable" }).click();
    await expect(manage.getByRole("status")).toContainText("is disabled");

    // Their next click finds them signed out.
    await theirs.goto("/expirations");
    await expect(theirs).toHaveURL(/\/sign-in/);
    await expect(theirs.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await theirs.context().close();
  });

  test("staff do not see the Users page", async ({ page, signInAs }) => {
    await signInAs("staff");
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }),
    ).toHaveCount(0);
    const response = await page.goto("/users");
    expect(response?.status()).toBe(404);
  });
});
