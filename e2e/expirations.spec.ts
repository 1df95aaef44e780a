import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { parseCsv } from "../lib/csv";
import { expect, test } from "./fixtures";
import { popExpirationsText, sim, truth } from "./sim";

/**
 * A staff member checks what is due for renewal: reads the buckets and the chart's figures,
 * narrows the table to the paks due within 30 days, downloads them as CSV, turns auto-renew off
 * and on again for two of them at once, and takes the selection to the renewal wizard. Then the
 * home dashboard shows the balance and warns when it cannot pay for the renewals due.
 *
 * The simulator is shared by every spec and never reset: this spec writes only to its own paks,
 * small one-pak domains due within 30 days (the mailbox specs take domains with room for mail),
 * puts their auto-renew back as it found it, and restores the balance it lowers.
 */

interface ListedPak {
  domain: string;
  bundleId: number;
  expires: string;
  mailboxes: number;
}

const simPakOf = async (pak: { domain: string; bundleId: number }) =>
  (await truth(pak.domain)).paks.find((candidate) => candidate.bundleId === pak.bundleId);
const autoRenewOf = async (pak: ListedPak) => (await simPakOf(pak))?.autoRenew;

/**
 * Every pak of the account from eNom's GetPOPExpirations on the simulator: its Text reply,
 * `domain1`, `bundleid1`, `expdate1` (`M/D/YYYY h:mm:ss AM`), … as eNom's page has it. It gives
 * no mailbox count: that is the pak's own (the simulator's truth, as GetPOP3 would say).
 */
async function listedPaks(): Promise<ListedPak[]> {
  const body = await popExpirationsText();
  const fields = new Map<string, string>();
  for (const match of body.matchAll(/^([A-Za-z]+\d+)=(.*?)\r?$/gm))
    fields.set((match[1] ?? "").toLowerCase(), match[2] ?? "");
  const paks: ListedPak[] = [];
  for (let i = 1; fields.has(`domain${i}`); i++) {
    const date = (fields.get(`expdate${i}`) ?? "").trim().split(" ")[0] ?? "";
    const [month = "", day = "", year = ""] = date.split("/");
    const domain = (fields.get(`domain${i}`) ?? "").toLowerCase();
    const bundleId = Number(fields.get(`bundleid${i}`));
    paks.push({
      domain,
      bundleId,
      expires: `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`,
      mailboxes: (await simPakOf({ domain, bundleId }))?.qtyPurchased ?? Number.NaN,
    });
  }
  return paks;
}

const todayIso = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** This spec's two paks: the first, by name, of the one-pak domains due within 30 days with fewer than 10 mailboxes. */
async function pickPaks(all: ListedPak[]): Promise<[ListedPak, ListedPak]> {
  const perDomain = new Map<string, number>();
  for (const pak of all) perDomain.set(pak.domain, (perDomain.get(pak.domain) ?? 0) + 1);
  const [first, second] = all
    .filter(
      (pak) =>
        perDomain.get(pak.domain) === 1 &&
        pak.mailboxes < 10 &&
        pak.expires >= todayIso() &&
        pak.expires <= inDays(30),
    )
    .sort((a, b) => a.domain.localeCompare(b.domain));
  if (!first || !second) throw new Error("The seeded world has too few small paks due within 30 days.");
  return [first, second];
}

const pakTable = (page: Page) =>
  page.getByRole("table", { name: "Paks by expiry, with their renewal cost and auto-renew" });
const switchOf = (page: Page, pak: ListedPak) =>
  page.getByRole("switch", { name: `Auto-renew for pak ${pak.bundleId} of ${pak.domain}` });

test.describe("expirations", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("staff");
  });

  test("staff review what is due, export it, and change auto-renew for a selection", async ({
    page,
    expectAccessible,
  }) => {
    const all = await listedPaks();
    const mine = await pickPaks(all);
    const before = await Promise.all(mine.map(autoRenewOf));
    const dueWithin30 = all.filter((pak) => pak.expires >= todayIso() && pak.expires <= inDays(30));

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Expirations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Expirations" })).toBeVisible();

    // The buckets, each a way into the table.
    const glance = page.getByRole("region", { name: "Renewals at a glance" });
    for (const label of [
      "Expired",
      "Due within 30 days",
      "Due within 60 days",
      "Due within 90 days",
      "Auto-renew off",
    ])
      await expect(glance.getByRole("link", { name: new RegExp(`^${label}`) })).toBeVisible();
    await expect(glance.getByRole("link", { name: /^Due within 30 days/ })).toContainText(
      String(dueWithin30.length),
    );
    await expect(glance.getByText("Renewals due in 30 days")).toBeVisible();

    // The chart's figures, for anyone who cannot see the bars.
    const chart = page.getByRole("figure", { name: /Renewals due per month/ });
    await expect(chart).toBeVisible();
    const figures = chart.getByRole("table", { name: "Paks due for renewal per month" });
    await expect(figures.getByRole("row")).toHaveCount(13);
    await expect(chart.locator(".recharts-responsive-container")).toBeVisible();
    // The bars are drawn (one per month with paks due), not only the axes.
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(pakTable(page)).toBeVisible();
    await page.mouse.move(0, 0);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/expirations.png", fullPage: true });

    // Only the paks due within 30 days, from the filter form; the URL keeps the view.
    const filters = page.getByRole("search", { name: "Search and filter paks" });
    await filters.getByLabel("Show").selectOption("30");
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/\/expirations\?(.*&)?filter=30(&|$)/);
    await expect(page.getByText(new RegExp(`of ${dueWithin30.length} paks? matching`))).toBeVisible();
    await expect(pakTable(page).locator("tbody tr")).toHaveCount(dueWithin30.length);

    // The download holds what the table shows.
    const exportLink = filters.getByRole("link", { name: "Export CSV" });
    await expect(exportLink).toHaveAttribute("href", "/api/expirations/export?filter=30");
    const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^paks-due-within-30-days-\d{4}-\d{2}-\d{2}\.csv$/);
    const { records } = parseCsv(await readFile(await download.path(), "utf8"));
    const [header, ...rows] = records;
    expect(header?.slice(0, 4)).toEqual(["Domain", "Customer", "Pak", "Expires"]);
    expect(rows).toHaveLength(dueWithin30.length);
    const row = rows.find((record) => record[2] === String(mine[0].bundleId));
    expect(row?.[0]).toBe(mine[0].domain);
    expect(row?.[3]).toBe(mine[0].expires);
    // Its size comes from its domain's GetPOP3 (GetPOPExpirations has none).
    expect(row?.[header?.indexOf("Mailboxes") ?? -1]).toBe(String(mine[0].mailboxes));

    // Two paks selected, auto-renew off for both, then on again.
    for (const pak of mine)
      await pakTable(page)
        .getByRole("checkbox", { name: `Select pak ${pak.bundleId} of ${pak.domain}` })
        .check();
    const selection = page.getByRole("region", { name: "Selected paks" });
    await expect(selection).toContainText("2 paks selected");

    await selection.getByRole("button", { name: "Turn auto-renew off" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Auto-renew is off for 2 paks." })).toBeVisible();
    for (const pak of mine) {
      await expect(switchOf(page, pak)).toHaveAttribute("aria-checked", "false");
      expect(await autoRenewOf(pak)).toBe(false);
    }

    await selection.getByRole("button", { name: "Turn auto-renew on" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Auto-renew is on for 2 paks." })).toBeVisible();
    for (const pak of mine) {
      await expect(switchOf(page, pak)).toHaveAttribute("aria-checked", "true");
      expect(await autoRenewOf(pak)).toBe(true);
    }

    // One pak's own switch.
    await switchOf(page, mine[1]).click();
    await expect(switchOf(page, mine[1])).toHaveAttribute("aria-checked", "false");
    await expect.poll(() => autoRenewOf(mine[1])).toBe(false);

    // The selection goes to the renewal wizard as `domain:pak` pairs.
    const renew = selection.getByRole("link", { name: "Renew selected" });
    const href = (await renew.getAttribute("href")) ?? "";
    const items = new URL(href, "http://panel.test").searchParams.get("items")?.split(",") ?? [];
    expect(href.startsWith("/renew?items=")).toBe(true);
    expect(items.sort()).toEqual(mine.map((pak) => `${pak.domain}:${pak.bundleId}`).sort());
    await page.mouse.move(0, 0);
    await expectAccessible();

    // Back as it was found.
    for (const [index, pak] of mine.entries()) {
      const wanted = before[index];
      if (wanted !== undefined && (await autoRenewOf(pak)) !== wanted) await switchOf(page, pak).click();
      await expect.poll(() => autoRenewOf(pak)).toBe(wanted);
    }
  });

  test("the dashboard shows the balance and warns when it cannot pay for the renewals due", async ({
    page,
    expectAccessible,
  }) => {
    const { balance: original } = await sim<{ balance: string }>("/_sim/balance");
    try {
      await page.goto("/");
      await expect(page.getByText("eNom account balance")).toBeVisible();
      const renewals = page.getByRole("link", { name: /^Renewals due within 30 days/ });
      await expect(renewals).toHaveAttribute("href", "/expirations?filter=30");
      await expect(renewals).toContainText("at cost");
      await expect(page.getByText("The balance covers the")).toBeVisible();
      await expect(page.getByRole("heading", { name: /cannot cover the renewals/ })).toHaveCount(0);

      await sim("/_sim/balance", { method: "POST", body: JSON.stringify({ balance: 1 }) });
      await page.reload();
      await expect(page.getByText("$1.00").first()).toBeVisible();
      const warning = page.getByRole("region", {
        name: "The balance cannot cover the renewals due within 30 days",
      });
      await expect(warning).toBeVisible();
      await expect(warning).toContainText("short");
      await expect(warning.getByRole("link", { name: "See the paks due within 30 days" })).toHaveAttribute(
        "href",
        "/expirations?filter=30",
      );
      await page.mouse.move(0, 0);
      await expectAccessible();
      await page.screenshot({ path: "docs/screenshots/dashboard-low-balance.png", fullPage: true });
    } finally {
      await sim("/_sim/balance", { method: "POST", body: JSON.stringify({ balance: original }) });
    }
  });
});
