import { expect, SIM_ORIGIN, test } from "./fixtures";

test.describe("the app shell", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("admin");
  });

  test("a reseller opens the dashboard and moves around the panel", async ({ page, expectAccessible }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByText("eNom account balance")).toBeVisible();
    // Other specs buy and renew, so the balance is whatever the simulator holds now.
    const { balance } = (await (await page.request.get(`${SIM_ORIGIN}/_sim/balance`)).json()) as {
      balance: string;
    };
    const shown = `$${Number(balance).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
    await expect(page.getByText(shown).first()).toBeVisible();
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/dashboard.png", fullPage: true });

    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Domains" }).click();
    await expect(page).toHaveURL(/\/domains$/);
    await expect(page.getByRole("heading", { level: 1, name: "Domains" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Domains" })).toHaveAttribute("aria-current", "page");
    await expectAccessible();

    for (const name of ["Expirations", "Customers", "Users", "Audit log", "Settings"]) {
      await nav.getByRole("link", { name }).click();
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    }
  });

  test("the skip link moves focus to the main content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });

  test("dark mode can be chosen and is remembered", async ({ page, expectAccessible }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    await expect(page.locator("html")).not.toHaveClass(/dark/);
    await page.getByRole("radio", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expect(page.getByRole("radio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
    await expectAccessible();
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
  });

  test("the theme follows the system until the user chooses", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    await expect(page.locator("html")).toHaveClass(/dark/);
  });

  test("on a 375 px phone the menu opens, navigates and closes", async ({ page, expectAccessible }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/");
    const menuButton = page.getByRole("button", { name: "Open menu" });
    await expect(menuButton).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(375);
    await menuButton.click();
    await expectAccessible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Expirations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Expirations" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Open menu" })).toBeVisible();
  });

  test("an unknown address shows a helpful 404", async ({ page, expectAccessible }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expectAccessible();
    await page.getByRole("link", { name: "Back to the start page" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  });

  test("the health endpoint reports the database and eNom to staff, and only its status to anyone", async ({
    page,
    baseURL,
  }) => {
    // Without a session or the metrics token: well or not, nothing about what runs here.
    const anonymous = await fetch(`${baseURL}/api/health`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ ok: true, status: "ok" });

    const request = page.request;
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.checks.database).toMatchObject({ ok: true });
    expect(body.checks.enom).toMatchObject({ ok: true, mode: "simulator" });
    expect(typeof body.checks.enom.latencyMs).toBe("number");
    expect(JSON.stringify(body)).not.toContain("resellpw");
  });
});
