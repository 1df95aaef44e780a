import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";

test.describe("signing in and out", () => {
  test("a signed-out visitor is sent to the sign-in page and back after signing in", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto("/expirations");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fexpirations$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/sign-in.png" });
    await page.getByLabel("Email").fill(DEMO_USERS.staff);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/expirations$/);
    await expect(page.getByRole("heading", { level: 1, name: "Expirations" })).toBeVisible();
  });

  for (const role of ["admin", "staff"] as const) {
    test(`${role} signs in to the panel and out again`, async ({ page, signInAs }) => {
      await signInAs(role);
      await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
      await page.getByRole("button", { name: /Account menu/ }).click();
      await expect(page.getByText(DEMO_USERS[role]).first()).toBeVisible();
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/sign-in/);
      await page.goto("/");
      await expect(page).toHaveURL(/\/sign-in/);
    });
  }

  test("only admins see the Users page", async ({ page, signInAs }) => {
    await signInAs("staff");
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }),
    ).toHaveCount(0);
    const response = await page.goto("/users");
    expect(response?.status()).toBe(404);
  });

  test("a customer lands in the portal, sees only their own domains, and no staff page", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await signInAs("customer");
    await expect(page).toHaveURL(/\/portal$/);
    const domains = page.getByRole("list", { name: "Your domains" }).getByRole("listitem");
    await expect(domains).not.toHaveCount(0);
    const names = await domains.allTextContents();
    expect(names.length).toBeLessThanOrEqual(4);
    expect(names).not.toContain("resellerdocs.com");
    await expectAccessible();
    for (const path of ["/domains", "/customers", "/users", "/audit", "/settings", "/expirations"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await page.goto("/");
    await expect(page).toHaveURL(/\/portal$/);
    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/portal");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a wrong password says so without revealing whether the email exists", async ({ page }) => {
    await page.goto("/sign-in");
    for (const email of [DEMO_USERS.admin, "nobody-here@demo.test"]) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
    }
  });

  test("repeated failures pause sign-in for that email with a clear wait", async ({
    page,
    expectAccessible,
  }) => {
    const email = `lockout-${Date.now()}@example.test`;
    await page.goto("/sign-in");
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`guess-${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("form").getByRole("alert")).toBeVisible();
    }
    await expect(page.locator("form").getByRole("alert")).toContainText("try again in 15 minutes");
    await expectAccessible();
  });
});
