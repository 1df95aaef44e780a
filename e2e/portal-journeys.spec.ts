import type { Page } from "@playwright/test";
import { DEMO_USERS, expect, test, signedInPage } from "./fixtures";
import { truth } from "./sim";

/**
 * Every portal journey without a dead end: for several sets of what the reseller allows the demo
 * customer (Northwind Traders), the customer walks the portal (home, a domain, search, activity,
 * orders, team, account, buy, renew) and no link or button on any page leads to a page that then
 * refuses (a 404) or points to something the customer does not have. Buy email and Renew appear
 * exactly when allowed. Then the truth right after a change: staff grow a pak from its domain
 * page, and "Open ‹domain›" on the result shows the new size at once, without a reload.
 *
 * The allowances are set through the customer's page, as an admin would, and put back to the
 * demo's (create, manage and auto-renew on; buy and renew off) in `finally`. The growth goes to
 * the Mailbox pak of pebble-photo.org with a quantity no other spec orders (3), so the purchase
 * gate's "same order" check never meets another spec's order.
 */

interface Allowances {
  create: boolean;
  manage: boolean;
  autoRenew: boolean;
  purchase: boolean;
  renew: boolean;
}

const LABELS: Record<keyof Allowances, string> = {
  create: "Create mailboxes",
  manage: "Reset passwords, delete mailboxes and make administrators",
  autoRenew: "Turn auto-renew on or off",
  purchase: "Buy email paks",
  renew: "Renew email paks",
};

const DEMO: Allowances = { create: true, manage: true, autoRenew: true, purchase: false, renew: false };
const NONE: Allowances = { create: false, manage: false, autoRenew: false, purchase: false, renew: false };

const COMBINATIONS: { name: string; allowed: Allowances }[] = [
  { name: "nothing allowed", allowed: NONE },
  { name: "create mailboxes only", allowed: { ...NONE, create: true } },
  { name: "buy and renew only", allowed: { ...NONE, purchase: true, renew: true } },
  {
    name: "everything allowed",
    allowed: { create: true, manage: true, autoRenew: true, purchase: true, renew: true },
  },
];

const paksOf = async (domain: string) => (await truth(domain)).paks;

/** The admin sets every allowance of the demo customer at once, through the customer's page. */
async function setAllowances(admin: Page, allowed: Allowances) {
  await admin.goto("/customers");
  await admin.getByRole("link", { name: "Northwind Traders" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "Northwind Traders" })).toBeVisible();
  const details = admin.getByRole("form", { name: "Customer details" });
  for (const key of Object.keys(LABELS) as (keyof Allowances)[])
    await details.getByLabel(LABELS[key]).setChecked(allowed[key]);
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByRole("status")).toHaveText("Northwind Traders is saved.");
}

/** Every address the page links to inside the portal (navigation, the page, its actions). */
async function portalLinks(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('a[href^="/portal"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter(Boolean))];
}

/**
 * The page says nothing the customer cannot follow: no "expirations list", no provider name, and
 * every portal link on it answers (a refusal is the portal's 404).
 */
async function expectNoDeadEnds(page: Page, checked: Set<string>) {
  await expect(page.locator("main")).not.toContainText(/expirations list/i);
  await expect(page.locator("body")).not.toContainText(/\benom\b/i);
  for (const href of await portalLinks(page)) {
    // One mailbox's setup page stands for all of the domain's: each mailbox links to its own.
    const kind = href.replace(/\/mailboxes\/[^/?]+\/setup$/, "/mailboxes/*/setup");
    if (checked.has(kind)) continue;
    checked.add(kind);
    const response = await page.request.get(href);
    expect(response.status(), `${page.url()} links to ${href}`).toBe(200);
  }
}

/** A domain of the customer with email, opened from the home page (its first card with paks). */
async function openDomainWithEmail(page: Page): Promise<string> {
  const cards = page.getByRole("list", { name: "Your domains" }).getByRole("listitem");
  const count = await cards.count();
  for (let index = 0; index < count; index++) {
    const card = cards.nth(index);
    if ((await card.getByText("No email on this domain yet.").count()) > 0) continue;
    const name = (await card.getByRole("heading", { level: 2 }).innerText()).trim();
    await card.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    return name;
  }
  throw new Error("The demo customer has no domain with email.");
}

test.describe("portal journeys for each set of allowances", () => {
  // Every link of every page is followed: on a loaded CI machine that takes more than a minute.
  test.describe.configure({ timeout: 180_000 });
  for (const { name, allowed } of COMBINATIONS) {
    test(`${name}: every page's links lead somewhere, and ordering is offered exactly when allowed`, async ({
      page,
      browser,
      signInAs,
      expectAccessible,
    }) => {
      const admin = await signedInPage(browser, DEMO_USERS.admin);
      const checked = new Set<string>();
      try {
        await setAllowances(admin, allowed);
        await signInAs("customer");

        // Home: Buy email and Renew in the header only when allowed.
        await page.goto("/portal");
        await expect(page.getByRole("heading", { level: 1, name: "Your domains" })).toBeVisible();
        // (A card of a domain without email has its own "Buy email for ‹domain›".)
        const main = page.locator("main");
        await expect(main.getByRole("link", { name: "Buy email", exact: true })).toHaveCount(
          allowed.purchase ? 1 : 0,
        );
        await expect(main.getByRole("link", { name: "Renew", exact: true })).toHaveCount(
          allowed.renew ? 1 : 0,
        );
        await expectNoDeadEnds(page, checked);

        // Orders and Team are in the navigation exactly when their pages exist.
        const nav = page.getByRole("navigation", { name: "Portal" });
        const ordersShown = (await nav.getByRole("link", { name: "Orders" }).count()) > 0;
        expect(ordersShown).toBe(allowed.purchase || allowed.renew);
        expect((await page.request.get("/portal/orders")).status()).toBe(ordersShown ? 200 : 404);
        const teamShown = (await nav.getByRole("link", { name: "Team" }).count()) > 0;
        expect((await page.request.get("/portal/team")).status()).toBe(teamShown ? 200 : 404);

        // A domain: the panels offer only what is allowed, and every link on it answers.
        const domain = await openDomainWithEmail(page);
        await expect(page.getByRole("heading", { level: 2, name: "Mailboxes", exact: true })).toBeVisible();
        await expect(page.getByRole("button", { name: "Add mailboxes" })).toHaveCount(allowed.create ? 1 : 0);
        // The portal names a pak by what it is ("Business email · 10 mailboxes …"), never "pak 600070".
        const paks = page.getByRole("region", { name: "Email paks" });
        const renewPak = paks.getByRole("link", { name: /^Renew (.+ — )?(Business email|Mailbox)\b/ });
        const growPak = paks.getByRole("link", {
          name: /^Add (mailboxes|storage) to (.+ — )?(Business email|Mailbox)\b/,
        });
        if (allowed.renew) await expect(renewPak.first()).toBeVisible();
        else await expect(renewPak).toHaveCount(0);
        if (allowed.purchase) await expect(growPak.first()).toBeVisible();
        else await expect(growPak).toHaveCount(0);
        await expect(page.locator("main").getByRole("link", { name: "Buy email", exact: true })).toHaveCount(
          allowed.purchase ? 1 : 0,
        );
        if (!allowed.create && !allowed.manage && !allowed.purchase && !allowed.renew)
          await expect(page.getByText("Ask your provider to make changes.")).toBeVisible();
        await expectNoDeadEnds(page, checked);

        // An expired pak with free places is said to be expired, never full.
        const expired = (await paksOf(domain)).find((pak) => pak.expired && pak.qtyAvailable > 0);
        const roomy = (await paksOf(domain)).some((pak) => !pak.expired && pak.qtyAvailable > 0);
        if (allowed.create && expired && !roomy) {
          await expect(
            page.getByText(/expired on .+: (renew it|ask your provider to renew it) to add mailboxes/),
          ).toBeVisible();
          await expect(page.getByText("No pak of this domain has a free mailbox")).toHaveCount(0);
        }

        // Search, activity and the account: always there, never a dead end.
        for (const path of ["/portal/search", "/portal/activity", "/portal/account"]) {
          await page.goto(path);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          await expectNoDeadEnds(page, checked);
        }

        // Buy and renew: the page exists exactly when allowed; renewing without a pak lists where to.
        expect((await page.request.get("/portal/purchase")).status()).toBe(allowed.purchase ? 200 : 404);
        expect((await page.request.get("/portal/renew")).status()).toBe(allowed.renew ? 200 : 404);
        if (allowed.purchase) {
          await page.goto(`/portal/purchase?domain=${domain}`);
          await expect(page.getByRole("heading", { level: 1, name: "Buy email" })).toBeVisible();
          await expectNoDeadEnds(page, checked);
        }
        if (allowed.renew) {
          await page.goto("/portal/renew");
          await expect(
            page.getByRole("heading", { level: 2, name: "Choose the pak to renew" }),
          ).toBeVisible();
          await expect(page.getByRole("list", { name: "Domains with paks to renew" })).toContainText(domain);
          await expectNoDeadEnds(page, checked);
        }
        if (ordersShown) {
          await page.goto("/portal/orders");
          await expectNoDeadEnds(page, checked);
        }

        // With every entry shown, the home and the domain still fit a phone and pass axe.
        if (allowed.purchase && allowed.renew) {
          for (const path of ["/portal", `/portal/domains/${domain}`, "/portal/renew"]) {
            await page.goto(path);
            await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
            await page.mouse.move(0, 0);
            await expectAccessible();
            await page.setViewportSize({ width: 375, height: 812 });
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - window.innerWidth,
            );
            expect(overflow, `${path} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
            await expectAccessible();
            await page.setViewportSize({ width: 1280, height: 720 });
          }
        }
      } finally {
        await setAllowances(admin, DEMO);
        await admin.context().close();
      }
    });
  }
});

test("after staff add mailboxes to a pak, Open ‹domain› shows the new size at once, without a reload", async ({
  page,
  signInAs,
}) => {
  const GROWTH_DOMAIN = "pebble-photo.org";
  const pak = (await paksOf(GROWTH_DOMAIN)).find((candidate) => candidate.prodType === 2011);
  if (!pak) throw new Error(`${GROWTH_DOMAIN} has no Mailbox pak`);
  await signInAs("staff");

  // The domain page first, so this tab holds the pak as it is now.
  await page.goto(`/domains/${GROWTH_DOMAIN}`);
  const grow = page.getByRole("link", { name: `Add mailboxes to pak ${pak.bundleId}` });
  const card = page.getByRole("article").filter({ has: grow });
  await expect(card).toContainText(`${pak.qtyPurchased} mailboxes purchased`);
  // A mark that only a full reload would wipe.
  await page.evaluate(() => Object.assign(window, { __noReload: true }));

  // Grow it through the wizard, all by the page's own links and buttons.
  await grow.click();
  await expect(page.getByRole("heading", { level: 1, name: "Add mailboxes" })).toBeVisible();
  await page.getByLabel("Mailboxes to add").fill("3");
  await page.getByRole("button", { name: "Review" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Buy now" }).click();
  await expect(page).toHaveURL(/\/purchases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2, name: "Done" })).toBeVisible();

  // Open the domain: the new size is there straight away, and the page was not reloaded.
  await page.getByRole("link", { name: `Open ${GROWTH_DOMAIN}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: GROWTH_DOMAIN })).toBeVisible();
  await expect(page.getByRole("article").filter({ has: grow })).toContainText(
    `${pak.qtyPurchased + 3} mailboxes purchased`,
    { timeout: 2_000 },
  );
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  expect(
    (await paksOf(GROWTH_DOMAIN)).find((candidate) => candidate.bundleId === pak.bundleId)?.qtyPurchased,
  ).toBe(pak.qtyPurchased + 3);
});
