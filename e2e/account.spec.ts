import { generate } from "otplib";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * A new staff member secures their login: two-factor sign-in with an authenticator app, then
 * signing in with an app code and with a recovery code. The user is new and has its own email, so
 * the demo's shared logins stay as they are.
 */

async function signOut(page: Page) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** An admin adds the staff user on the Users page, which shows a one-time temporary password. */
async function createStaffUser(page: Page, email: string): Promise<string> {
  await page.goto("/users");
  await page.getByRole("button", { name: "Add a staff user" }).click();
  const form = page.getByRole("form", { name: "Add a staff user" });
  await form.getByLabel("Name").fill("Two-factor Tester");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("staff");
  await form.getByRole("button", { name: "Add user" }).click();
  const shown = page.getByRole("dialog").getByLabel("Temporary password");
  await expect(shown).toBeVisible();
  const password = (await shown.inputValue()).trim();
  expect(password.length).toBeGreaterThanOrEqual(10);
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
  return password;
}

test.describe("my account", () => {
  test("a new staff member turns on two-factor sign-in and signs in with an app code and a recovery code", async ({
    page,
    signIn,
    signInAs,
    expectAccessible,
  }) => {
    const email = `twofa-${Date.now()}@example.test`;
    await signInAs("admin");
    const password = await createStaffUser(page, email);
    await signOut(page);

    await signIn(email, password);
    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("link", { name: "My account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
    await expect(page.getByText(`Signed in as ${email} (staff).`)).toBeVisible();
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/account.png", fullPage: true });

    // Set up, behind the current password: scan the QR code, or type the setup key; here the test
    // is the authenticator app.
    const setUp = page.getByRole("form", { name: "Set up two-factor sign-in" });
    await setUp.getByLabel("Current password").fill(password);
    await setUp.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    await expect(page.getByRole("img", { name: /QR code that adds your Mailpak account/ })).toBeVisible();
    const secret = await page.getByLabel("Setup key").inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/account-2fa.png", fullPage: true });

    const confirm = page.getByRole("form", { name: "Confirm two-factor sign-in" });
    const current = await generate({ secret });
    await confirm.getByLabel("Authentication code").fill(current === "000000" ? "111111" : "000000");
    await confirm.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await expect(confirm.getByText(/That code did not match/)).toBeVisible();
    await confirm.getByLabel("Authentication code").fill(await generate({ secret }));
    await confirm.getByRole("button", { name: "Turn on two-factor sign-in" }).click();

    // The recovery codes, shown this once.
    await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
    await expect(page.getByText("These codes are shown only this once")).toBeVisible();
    const codes = await page
      .getByRole("list", { name: "Recovery codes" })
      .getByRole("listitem")
      .allTextContents();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download codes" }).click();
    expect((await downloading).suggestedFilename()).toBe("mailpak-recovery-codes.txt");
    await expectAccessible();
    await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
    await expect(
      page.getByText(
        "Signing in asks for a code from your authenticator app. You have 10 unused recovery codes.",
      ),
    ).toBeVisible();
    await expect(page.getByRole("list", { name: "Recovery codes" })).toHaveCount(0);

    // Signing in now takes the password and a code from the app…
    await signOut(page);
    // Each code works once (the enrolment used the current one), so sign in with the next one.
    await signIn(email, password, {
      otp: await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }),
    });
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

    // …or a recovery code, which then is used up.
    await signOut(page);
    await signIn(email, password, { otp: codes[0] });
    await page.goto("/account");
    await expect(page.getByText("You have 9 unused recovery codes.")).toBeVisible();

    await signOut(page);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("Authentication code").fill(codes[0] ?? "");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText("That code is not valid");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("changing the password signs the user out, and the new password works", async ({
    page,
    signIn,
    signInAs,
    expectAccessible,
  }) => {
    const email = `password-${Date.now()}@example.test`;
    await signInAs("admin");
    const temporary = await createStaffUser(page, email);
    await signOut(page);

    await signIn(email, temporary);
    await page.goto("/account");
    const form = page.getByRole("form", { name: "Change your password" });
    await form.getByLabel("Current password").fill(temporary);
    await form.getByLabel("New password", { exact: true }).fill("short");
    await form.getByLabel("Confirm new password").fill("short");
    await form.getByRole("button", { name: "Change password" }).click();
    // The field says it; the strength meter, once rated, gives its word and does not say it again.
    await expect(form.getByText("Use at least 12 characters.")).toBeVisible();
    await expect(form.getByRole("meter", { name: /Password strength/ })).toHaveAttribute(
      "aria-valuetext",
      "Too weak",
    );
    await expect(form.getByText("Use at least 12 characters.")).toHaveCount(1);
    await expectAccessible();

    const chosen = "a long and memorable passphrase";
    await form.getByLabel("Current password").fill(temporary);
    await form.getByLabel("New password", { exact: true }).fill(chosen);
    await form.getByLabel("Confirm new password").fill(chosen);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your password has been changed", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Sign in again" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in/);
    await signIn(email, chosen);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  });
});
