import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";

test.describe("the audit log", () => {
  test("an admin finds failed sign-ins and downloads them as CSV", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    // Something to find: a failed sign-in with an email nobody else uses.
    const probe = `audit-probe-${Date.now()}@example.test`;
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(probe);
    await page.getByLabel("Password").fill("not-a-real-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");

    await signInAs("admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Audit log entries, newest first" })).toBeVisible();
    await expectAccessible();

    const filters = page.getByRole("search", { name: "Filter the audit log" });
    await filters.getByLabel("Action").selectOption("auth.sign-in");
    await filters.getByLabel("Outcome").selectOption("failed");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]action=auth\.sign-in(&|$)/);
    await expect(page).toHaveURL(/[?&]outcome=failed(&|$)/);

    // The filters survive in the form, and every listed entry matches them.
    await expect(filters.getByLabel("Action")).toHaveValue("auth.sign-in");
    await expect(filters.getByLabel("Outcome")).toHaveValue("failed");
    const rows = page.getByRole("table", { name: "Audit log entries, newest first" }).locator("tbody tr");
    const probeRow = rows.filter({ hasText: probe });
    await expect(probeRow).toHaveCount(1);
    await expect(probeRow.getByText("Failed", { exact: true })).toBeVisible();
    await expect(probeRow).toContainText("Sign-in failed");
    const rowCount = await rows.count();
    await expect(rows.getByText("Sign in", { exact: true })).toHaveCount(rowCount);
    await expect(rows.getByText("Failed", { exact: true })).toHaveCount(rowCount);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/audit.png", fullPage: true });

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^mailpak-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    const [header, ...lines] = csv.split("\r\n").filter(Boolean);
    expect(header).toBe(
      "id,time_utc,actor_email,actor_role,action,outcome,domain,pak_id,mailbox,summary,enom_tracking_key,enom_order_id,enom_error,target_user_id,target_customer_id,ip,user_agent,details",
    );
    // The page shows one page of entries; the file holds every match.
    expect(lines.length).toBeGreaterThanOrEqual(rowCount);
    expect(lines.every((line) => line.includes(",auth.sign-in,failed,"))).toBe(true);
    const probeLine = lines.find((line) => line.includes(probe));
    expect(probeLine).toMatch(
      new RegExp(
        `^\\d+,\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z,${probe.replaceAll(".", "\\.")},unknown,auth\\.sign-in,failed,`,
      ),
    );
  });

  test("a filter that matches nothing says so and offers the whole log", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await signInAs("staff");
    await page.goto("/audit?actor=nobody-at-all-here&from=2026-02-30");
    await expect(page.getByRole("heading", { name: "No entries match" })).toBeVisible();
    await expect(page.getByText("That date does not exist.")).toBeVisible();
    await expectAccessible();
    await page.getByRole("link", { name: "Show all entries" }).click();
    await expect(page.getByRole("table", { name: "Audit log entries, newest first" })).toBeVisible();
  });
});
