import { generate } from "otplib";
import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";

/**
 * An admin makes two-factor sign-in required for staff (Settings → Security). A staff member
 * without it signs in and finds every page closed but "My account", which says why; once they
 * have set it up, the panel opens. The demo's shared logins cannot turn two-factor sign-in on, so
 * they are left out of the requirement, and the demo admin stays free to change the setting back.
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
  await form.getByLabel("Name").fill("Required Two-factor");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("staff");
  await form.getByRole("button", { name: "Add user" }).click();
  const shown = page.getByRole("dialog").getByLabel("Temporary password");
  await expect(shown).toBeVisible();
  const password = (await shown.inputValue()).trim();
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
  return password;
}

/** Sets both switches on Settings → Security and saves, as an admin already on any page. */
async function setRequirement(page: Page, required: { staff: boolean; customers: boolean }) {
  await page.goto("/settings/security");
  const form = page.getByRole("form", { name: "Security settings" });
  for (const [name, on] of [
    ["Staff", required.staff],
    ["Customers", required.customers],
  ] as const) {
    const toggle = form.getByRole("switch", { name });
    if ((await toggle.getAttribute("aria-checked")) !== String(on)) await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", String(on));
  }
  const save = form.getByRole("button", { name: "Save security settings" });
  if (await save.isEnabled()) {
    await save.click();
    await expect(form.getByRole("status").filter({ hasText: "Security settings saved." })).toBeVisible();
  }
}

/** Whatever happened in the test, the next spec starts with two-factor sign-in optional. */
async function resetRequirement(browser: Browser) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_USERS.admin);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await setRequirement(page, { staff: false, customers: false });
  await context.close();
}

test.afterEach(async ({ browser }) => {
  await resetRequirement(browser);
});

test("an admin requires two-factor sign-in for staff, and a staff member without it is sent to set it up", async ({
  page,
  signIn,
  signInAs,
  expectAccessible,
}) => {
  const email = `required-2fa-${Date.now()}@example.test`;
  await signInAs("admin");
  const password = await createStaffUser(page, email);

  // Settings → Security: two switches, staff and customers.
  await page.goto("/settings/security");
  await expect(page.getByRole("link", { name: "Security" })).toHaveAttribute("aria-current", "page");
  const form = page.getByRole("form", { name: "Security settings" });
  await expect(form.getByRole("switch", { name: "Staff" })).toHaveAttribute("aria-checked", "false");
  await expect(form.getByRole("switch", { name: "Customers" })).toHaveAttribute("aria-checked", "false");
  await expectAccessible();
  await setRequirement(page, { staff: true, customers: false });
  await page.reload();
  await expect(form.getByRole("switch", { name: "Staff" })).toHaveAttribute("aria-checked", "true");

  // The change is in the audit log.
  await page.goto("/audit");
  await expect(page.getByText("Required two-factor sign-in for staff").first()).toBeVisible();
  await signOut(page);

  // The staff member signs in and lands on My account, which says why.
  await signIn(email, password);
  await expect(page).toHaveURL(/\/account$/);
  const notice = page.getByRole("status").filter({ hasText: "Set up two-factor sign-in to continue" });
  await expect(notice).toContainText("An administrator has made two-factor sign-in required for staff.");
  await expectAccessible();

  // Every other page sends them back here.
  for (const path of ["/", "/domains", "/expirations"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/account$/);
  }

  // Setting it up opens the panel.
  const setUp = page.getByRole("form", { name: "Set up two-factor sign-in" });
  await setUp.getByLabel("Current password").fill(password);
  await setUp.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = await page.getByLabel("Setup key").inputValue();
  const confirm = page.getByRole("form", { name: "Confirm two-factor sign-in" });
  await confirm.getByLabel("Authentication code").fill(await generate({ secret }));
  await confirm.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByText("Set up two-factor sign-in to continue")).toHaveCount(0);

  await page.goto("/domains");
  await expect(page).toHaveURL(/\/domains$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
