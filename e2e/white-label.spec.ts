import { request as httpRequest } from "node:http";
import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, expect, SIM_ORIGIN, test } from "./fixtures";

/**
 * White label from the first screen. An admin gives the portal an address of the reseller's own
 * (mail.lighthouse.example, mapped to this panel); on it the sign-in page wears the brand and never
 * says "Mailpak", and staff pages lead to the portal. Staff give a pak a nickname on its card; the
 * customer, signed in on the portal's address, reads the pak by what it is (and that nickname),
 * never by eNom's BundleID.
 */

const BRAND = { productName: "Lighthouse Mail", accentColor: "#b45309" };
const PORTAL_HOST = "mail.lighthouse.example";
const NICKNAME = "Front desk";

function panelPort(): string {
  return new URL(String(test.info().project.use.baseURL)).port;
}

/** A request to the panel as the portal's address would send it: same server, its Host header. */
function getWithHost(
  path: string,
  host: string,
): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: "127.0.0.1", port: Number(panelPort()), path, headers: { host: `${host}:${panelPort()}` } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, location: response.headers.location, body }),
        );
      },
    );
    request.on("error", reject);
    request.end();
  });
}

/** A browser for which the portal's address resolves to this panel, as DNS would make it. */
async function portalBrowser(browserType: {
  launch: (options: object) => Promise<Browser>;
}): Promise<Browser> {
  const launch = test.info().project.use.launchOptions ?? {};
  return browserType.launch({
    ...launch,
    args: [
      ...(launch.args ?? []),
      `--host-resolver-rules=MAP ${PORTAL_HOST} 127.0.0.1`,
      "--disable-features=HttpsUpgrades",
    ],
  });
}

/** A domain of the demo customer that has email: from the portal's own list, checked in eNom. */
async function portalDomainWithPaks(page: Page): Promise<string> {
  await page.goto("/portal");
  const items = page.getByRole("list", { name: "Your domains" }).getByRole("listitem");
  // Read the list once it is there: allTextContents does not wait.
  await expect(items.first()).toBeVisible();
  const names = await items.getByRole("heading", { level: 2 }).allTextContents();
  for (const name of names.map((each) => each.trim())) {
    const state = (await (await fetch(`${SIM_ORIGIN}/_sim/state/domain/${name}`)).json()) as {
      paks?: unknown[];
    };
    if (state.paks?.length) return name;
  }
  throw new Error("The demo customer has no domain with email");
}

test.describe("white label", () => {
  // It walks the whole portal on the reseller's host, with axe: over a minute on a loaded CI machine.
  test.describe.configure({ timeout: 180_000 });
  test("the portal answers on the reseller's own address, under the brand, and names paks by what they are", async ({
    page,
    browser,
    playwright,
    signInAs,
    expectAccessible,
  }) => {
    // ── The admin brands the portal and gives it its own address ──
    await signInAs("admin");
    await page.goto("/settings/branding");
    const form = page.getByRole("form", { name: "Portal branding" });
    const address = form.getByLabel("Portal address");

    // Not a host name: said plainly, and nothing is saved.
    await address.fill(`https://${PORTAL_HOST}/portal`);
    await form.getByRole("button", { name: "Save branding" }).click();
    await expect(form.getByText("Enter the host name only, without https://")).toBeVisible();
    await page.reload();
    await expect(
      page.getByRole("form", { name: "Portal branding" }).getByLabel("Portal address"),
    ).toHaveValue("");

    await form.getByLabel("Product name").fill(BRAND.productName);
    await form.getByLabel("Accent colour", { exact: true }).fill(BRAND.accentColor);
    await form.getByLabel("Portal address").fill(PORTAL_HOST.toUpperCase());
    await form.getByRole("button", { name: "Save branding" }).click();
    await expect(form.getByRole("status").filter({ hasText: "Branding saved." })).toBeVisible();
    await page.reload();
    await expect(
      page.getByRole("form", { name: "Portal branding" }).getByLabel("Portal address"),
    ).toHaveValue(PORTAL_HOST);

    // ── On the portal's address: the brand's sign-in, and staff pages lead to the portal ──
    const signInPage = await getWithHost("/sign-in", PORTAL_HOST);
    expect(signInPage.status).toBe(200);
    expect(signInPage.body).toContain(BRAND.productName);
    expect(signInPage.body).not.toContain("Mailpak");
    expect(signInPage.body).toContain(`<title>Sign in · ${BRAND.productName}</title>`);
    for (const path of ["/", "/domains", "/customers", "/settings/branding"]) {
      const moved = await getWithHost(path, PORTAL_HOST);
      expect(moved.status, path).toBe(307);
      expect(new URL(moved.location ?? "", `http://${PORTAL_HOST}`).pathname, path).toBe("/portal");
    }
    // The panel's own address is left alone: staff pages still ask staff to sign in.
    const own = await getWithHost("/domains", "127.0.0.1");
    expect(new URL(own.location ?? "", "http://127.0.0.1").pathname).toBe("/sign-in");

    // Once a brand is saved, the panel's own sign-in page wears it too.
    const signedOut = await browser.newContext({ baseURL: String(test.info().project.use.baseURL) });
    try {
      const visitor = await signedOut.newPage();
      await visitor.goto("/sign-in");
      await expect(visitor).toHaveTitle(`Sign in · ${BRAND.productName}`);
      await expect(
        visitor.getByText(`Manage the email of your domains with ${BRAND.productName}.`),
      ).toBeVisible();
      expect(await visitor.locator("body").innerText()).not.toMatch(/mailpak/i);
      await visitor.goto("/reset-password");
      await expect(visitor).toHaveTitle(`Reset your password · ${BRAND.productName}`);
      expect(await visitor.locator("body").innerText()).not.toMatch(/mailpak/i);
    } finally {
      await signedOut.close();
    }

    // ── Staff give the customer's pak a nickname on its card ──
    const customerLook = await browser.newContext({ baseURL: String(test.info().project.use.baseURL) });
    let domain = "";
    try {
      const look = await customerLook.newPage();
      await look.goto("/sign-in");
      await look.getByLabel("Email").fill(DEMO_USERS.customer);
      await look.getByLabel("Password").fill(DEMO_PASSWORD);
      await look.getByRole("button", { name: "Sign in" }).click();
      await look.waitForURL((url) => url.pathname.startsWith("/portal"));
      domain = await portalDomainWithPaks(look);
    } finally {
      await customerLook.close();
    }
    expect(domain).not.toBe("");

    await page.goto(`/domains/${domain}`);
    const paks = page.getByRole("region", { name: "Email paks" });
    const card = paks.getByRole("article").first();
    const title = (await card.getByRole("heading", { level: 3 }).textContent())?.trim() ?? "";
    const bundleId = /^Pak (\d+)/.exec(title)?.[1] ?? "";
    expect(bundleId).not.toBe("");
    await card.getByRole("button", { name: `Rename pak ${bundleId}` }).click();
    const rename = card.getByRole("form", { name: `Rename pak ${bundleId}` });
    const nickname = rename.getByLabel(`Nickname of pak ${bundleId}`);
    await expect(nickname).toBeFocused();
    // Bad input is refused before anything is sent.
    await nickname.fill("x".repeat(41));
    await rename.getByRole("button", { name: "Save name" }).click();
    await expect(rename.getByText("A nickname has at most 40 characters.")).toBeVisible();
    await nickname.fill(NICKNAME);
    await rename.getByRole("button", { name: "Save name" }).click();
    await expect(card.getByRole("status")).toHaveText(`Pak ${bundleId} is now "${NICKNAME}".`);
    await expect(card.getByRole("button", { name: `Rename pak ${bundleId}` })).toBeFocused();
    await page.reload();
    const renamed = page
      .getByRole("region", { name: "Email paks" })
      .getByRole("article", { name: `Pak ${bundleId}` });
    await expect(renamed.getByRole("heading", { level: 3 })).toContainText(`Pak ${bundleId}`);
    await expect(renamed.getByRole("heading", { level: 3 })).toContainText(NICKNAME);
    await expectAccessible();

    // ── The customer on the portal's own address ──
    const mapped = await portalBrowser(playwright.chromium);
    try {
      const context = await mapped.newContext({ baseURL: `http://${PORTAL_HOST}:${panelPort()}` });
      const customer = await context.newPage();
      // A staff address on the portal's host leads to the portal, which first asks to sign in.
      await customer.goto("/domains");
      await expect(customer).toHaveURL(/\/sign-in\?callbackUrl=%2Fportal$/);
      await expect(customer).toHaveTitle(`Sign in · ${BRAND.productName}`);
      expect(await customer.locator("body").innerText()).not.toMatch(/mailpak|enom/i);
      const accent = await customer
        .locator("[data-brand-root]")
        .first()
        .evaluate((root) => getComputedStyle(root).getPropertyValue("--color-accent").trim());
      expect(accent).not.toBe("");
      await expectAccessible(customer);

      await customer.getByLabel("Email").fill(DEMO_USERS.customer);
      await customer.getByLabel("Password").fill(DEMO_PASSWORD);
      await customer.getByRole("button", { name: "Sign in" }).click();
      await expect(customer).toHaveURL(
        new RegExp(`^http://${PORTAL_HOST.replace(/\./g, "\\.")}:\\d+/portal$`),
      );

      await customer.goto(`/portal/domains/${domain}`);
      const portalPaks = customer.getByRole("region", { name: "Email paks" });
      const named = portalPaks.getByRole("heading", { level: 3 }).filter({ hasText: NICKNAME });
      await expect(named).toHaveText(
        new RegExp(
          `^${NICKNAME} — (Business email · [\\d,]+ mailboxes( · [\\d.]+ [GM]B each)?|Mailbox( · [\\d.]+ [GM]B)?), (renews|ends|expired) \\d{1,2} [A-Z][a-z]{2} \\d{4}$`,
        ),
      );
      const text = await portalPaks.innerText();
      expect(text).not.toContain(bundleId);
      expect(text).not.toMatch(/\bPak \d+|BundleID/);
      await expect(portalPaks.getByRole("button", { name: /^Rename/ })).toHaveCount(0);
      await expectAccessible(customer);
      await context.close();
    } finally {
      await mapped.close();
    }
  });
});
