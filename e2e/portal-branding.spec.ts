import type { Browser, Page } from "@playwright/test";
import { DEMO_USERS, expect, SIM_ORIGIN, test, signedInPage } from "./fixtures";

/**
 * The reseller's brand on the customers' portal: an admin names the product, picks the accent
 * colour, the support contacts and the footer, and uploads a PNG logo; the customer sees them.
 * Staff preview a customer's portal read-only, and the preview is in the audit log. Last, the
 * white label holds: no portal page, and none of the scripts it loads, contains "eNom".
 */

const BRAND = {
  productName: "Harbour Mail",
  accentColor: "#0f766e",
  supportEmail: "help@harbour.example",
  supportUrl: "https://support.harbour.example/",
  footerText: "Harbour Hosting Ltd · 1 Quay Street, Portsmouth",
};

// ── A logo as a reseller would upload one, drawn by the browser itself (a PNG with transparency) ──
async function renderLogo(browser: Browser): Promise<Buffer> {
  const context = await browser.newContext({ deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.setContent(`
    <div id="logo" style="display:inline-flex;align-items:center;gap:6px;padding:2px 4px;
      font:700 18px system-ui,sans-serif;color:#0f766e">
      <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="#0f766e" stroke-width="2.5"
        stroke-linecap="round"><circle cx="12" cy="5" r="2"/><path d="M12 7v14M5 12H3a9 9 0 0 0 18 0h-2"/></svg>
      Harbour Mail
    </div>`);
  const png = await page.locator("#logo").screenshot({ omitBackground: true });
  await context.close();
  return png;
}

async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function setDemoAllowances(admin: Page, allowances: Record<string, boolean>) {
  await admin.goto("/customers");
  await admin.getByRole("link", { name: "Northwind Traders" }).first().click();
  const details = admin.getByRole("form", { name: "Customer details" });
  for (const [label, allowed] of Object.entries(allowances))
    await details.getByLabel(label).setChecked(allowed);
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByRole("status")).toHaveText("Northwind Traders is saved.");
}

/** A domain of the demo customer, with its first pak: from the portal's own home page. */
async function firstPortalDomain(page: Page): Promise<string> {
  await page.goto("/portal");
  const name = await page
    .getByRole("list", { name: "Your domains" })
    .getByRole("listitem")
    .first()
    .getByRole("heading", { level: 2 })
    .textContent();
  return (name ?? "").trim();
}

async function firstPak(domain: string): Promise<number> {
  const response = await fetch(`${SIM_ORIGIN}/_sim/state/domain/${domain}`);
  const state = (await response.json()) as { paks: { bundleId: number }[] };
  const pak = state.paks[0];
  if (!pak) throw new Error(`${domain} has no pak`);
  return pak.bundleId;
}

test.describe("portal branding", () => {
  test("an admin brands the portal and the customer sees it", async ({
    page,
    browser,
    signInAs,
    expectAccessible,
  }) => {
    await signInAs("admin");
    await page.goto("/settings/branding");
    await expect(
      page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Branding" }),
    ).toHaveAttribute("aria-current", "page");
    const form = page.getByRole("form", { name: "Portal branding" });

    // Bad input is refused field by field, and nothing is saved.
    await form.getByLabel("Product name").fill(" ");
    await form.getByLabel("Support website").fill("ftp://files.example");
    await form.getByRole("button", { name: "Save branding" }).click();
    await expect(form.getByText("Enter the name your customers know you by.")).toBeVisible();
    await expect(form.getByText("Enter a web address starting with https://.")).toBeVisible();

    // A pale colour: the form says links get a darker shade on white; button text is chosen for it.
    await form.getByLabel("Accent colour", { exact: true }).fill("#ffd400");
    const contrast = form.getByRole("list", { name: "Contrast of the accent colour" });
    await expect(contrast).toContainText("Button text: dark on #ffd400");
    await expect(contrast).toContainText("below 4.5:1. The light theme uses the darker shade");

    await form.getByLabel("Product name").fill(BRAND.productName);
    await form.getByLabel("Accent colour", { exact: true }).fill(BRAND.accentColor);
    await expect(contrast).toContainText(`Button text: white on ${BRAND.accentColor}`);
    await expect(contrast).not.toContainText("below 4.5:1. The light theme");
    await form.getByLabel("Support email").fill(BRAND.supportEmail);
    await form.getByLabel("Support website").fill(BRAND.supportUrl);
    await form.getByLabel("Footer text").fill(BRAND.footerText);
    await form.getByRole("button", { name: "Save branding" }).click();
    await expect(form.getByRole("status").filter({ hasText: "Branding saved." })).toBeVisible();

    // The logo: an SVG is refused by its bytes; a PNG is taken.
    const logoForm = page.getByRole("form", { name: "Portal logo" });
    await logoForm.getByLabel("Upload a logo").setInputFiles({
      name: "logo.png",
      mimeType: "image/png",
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    });
    await logoForm.getByRole("button", { name: "Upload logo" }).click();
    await expect(logoForm.getByRole("alert")).toContainText("must be a PNG, JPEG or WebP image");
    await logoForm
      .getByLabel("Upload a logo")
      .setInputFiles({ name: "harbour.png", mimeType: "image/png", buffer: await renderLogo(browser) });
    await logoForm.getByRole("button", { name: "Upload logo" }).click();
    await expect(logoForm.getByRole("status")).toHaveText("Logo uploaded.");
    await expect(logoForm.getByRole("img", { name: `Current logo of ${BRAND.productName}` })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("form", { name: "Portal branding" }).getByLabel("Product name")).toHaveValue(
      BRAND.productName,
    );
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/settings-branding.png", fullPage: true });

    // The logo's URL is versioned and cached for good; the bytes are served as a PNG, never sniffed.
    const logoSrc = await logoForm.getByRole("img").getAttribute("src");
    expect(logoSrc).toMatch(/^\/api\/branding\/logo\?v=[0-9a-f]+$/);
    const logo = await page.request.get(logoSrc ?? "");
    expect(logo.headers()["content-type"]).toBe("image/png");
    expect(logo.headers()["x-content-type-options"]).toBe("nosniff");
    expect(logo.headers()["cache-control"]).toContain("immutable");

    // The customer's portal wears the brand.
    const customer = await signedInPage(browser, DEMO_USERS.customer);
    try {
      await customer.goto("/portal");
      await expect(customer).toHaveTitle(`Your domains · ${BRAND.productName}`);
      const banner = customer.getByRole("banner");
      await expect(banner.getByRole("img", { name: BRAND.productName })).toBeVisible();
      const footer = customer.getByRole("contentinfo");
      await expect(footer.getByRole("link", { name: BRAND.supportEmail })).toHaveAttribute(
        "href",
        `mailto:${BRAND.supportEmail}`,
      );
      await expect(footer.getByRole("link", { name: /Support site/ })).toHaveAttribute(
        "href",
        BRAND.supportUrl,
      );
      await expect(footer).toContainText(BRAND.footerText);
      await expect(footer).toContainText(BRAND.productName);
      const accent = await customer
        .locator("[data-brand-root]")
        .evaluate((root) => getComputedStyle(root).getPropertyValue("--color-accent").trim());
      expect(accent).toBe(BRAND.accentColor);
      await settle(customer);
      await expectAccessible(customer);
      // The dark theme: a lighter shade of the accent, still readable.
      await customer.getByRole("radio", { name: "Dark" }).click();
      await expect(customer.locator("html")).toHaveClass(/dark/);
      const darkAccent = await customer
        .locator("[data-brand-root]")
        .evaluate((root) => getComputedStyle(root).getPropertyValue("--color-accent").trim());
      expect(darkAccent).not.toBe(BRAND.accentColor);
      await settle(customer);
      await expectAccessible(customer);
      await customer.screenshot({ path: "docs/screenshots/portal-home-dark.png", fullPage: true });
      await customer.getByRole("radio", { name: "Light" }).click();
    } finally {
      await customer.context().close();
    }
  });

  test("staff preview a customer's portal read-only, and the preview is audited", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    await signInAs("staff");
    await page.goto("/customers");
    await page.getByRole("link", { name: "Northwind Traders" }).first().click();
    await page.getByRole("link", { name: "Preview portal" }).click();
    // The page itself writes nothing: starting the preview is the one audited step.
    await expect(
      page.getByRole("heading", { level: 1, name: "Preview Northwind Traders's portal" }),
    ).toBeVisible();
    await expectAccessible();
    await page.getByRole("button", { name: "Start preview" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Preview of Northwind Traders's portal — read-only" }),
    ).toBeVisible();
    const cards = page.getByRole("list", { name: "Your domains" }).getByRole("listitem");
    await expect(cards).toHaveCount(4);
    await settle(page);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/portal-preview.png", fullPage: true });

    // A domain in the preview: the grid is there, and nothing that changes anything.
    const domain = ((await cards.first().getByRole("heading", { level: 2 }).textContent()) ?? "").trim();
    await cards.first().getByRole("link", { name: domain }).click();
    await expect(page.getByRole("heading", { level: 1, name: domain })).toBeVisible();
    await expect(page.getByRole("table", { name: `Mailboxes of ${domain}` })).toBeVisible();
    await expect(
      page.getByRole("button", {
        name: /^(add mailboxes|import|new password for|delete|forwarding of|renew)/i,
      }),
    ).toHaveCount(0);
    await expect(page.getByRole("switch")).toHaveCount(0);
    await settle(page);
    await expectAccessible();

    // Starting the preview is in the audit log; looking around wrote nothing more.
    await page.goto("/audit?action=customer.preview");
    await expect(
      page
        .getByRole("main")
        .getByText("Previewed the portal of Northwind Traders (read-only, for 30 minutes)")
        .first(),
    ).toBeVisible();
  });

  test("no portal page, nor any script it loads, names eNom", async ({
    page,
    browser,
    signInAs,
    expectAccessible,
  }) => {
    // Open every part of the portal to the demo customer for this scan, then close it again.
    const admin = await signedInPage(browser, DEMO_USERS.admin);
    await setDemoAllowances(admin, { "Buy email paks": true, "Renew email paks": true });
    try {
      await signInAs("customer");
      const domain = await firstPortalDomain(page);
      const pak = await firstPak(domain);
      const hasTeam =
        (await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Team" }).count()) >
        0;
      const pages: { path: string; status: number; screenshot?: string }[] = [
        { path: "/portal", status: 200 },
        { path: `/portal/domains/${domain}`, status: 200 },
        { path: "/portal/purchase", status: 200, screenshot: "portal-purchase" },
        { path: `/portal/purchase?domain=${domain}&pak=${pak}&grow=mailboxes`, status: 200 },
        { path: `/portal/renew?domain=${domain}&pak=${pak}`, status: 200, screenshot: "portal-renew" },
        ...(hasTeam ? [{ path: "/portal/team", status: 200 }] : []),
        { path: "/portal/does-not-exist", status: 404 },
      ];
      const scripts = new Set<string>();
      page.on("response", (response) => {
        if (response.request().resourceType() === "script") scripts.add(response.url());
      });
      for (const { path, status, screenshot } of pages) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(status);
        const html = (await response?.text()) ?? "";
        expect(html.length, path).toBeGreaterThan(0);
        expect(html.match(/.{0,60}enom.{0,60}/i)?.[0], `${path} names eNom`).toBeUndefined();
        await page.waitForLoadState("networkidle");
        // Neither the provider nor the panel's own name: the reseller's product name only.
        expect(await page.locator("body").innerText(), path).not.toMatch(/enom|mailpak/i);
        expect(await page.title(), path).not.toMatch(/enom|mailpak/i);
        for (const src of await page
          .locator("script[src]")
          .evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).src)))
          scripts.add(src);
        if (screenshot) {
          await settle(page);
          await expectAccessible();
          await page.screenshot({ path: `docs/screenshots/${screenshot}.png`, fullPage: true });
          await page.setViewportSize({ width: 375, height: 812 });
          await settle(page);
          const sideways = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(sideways, `${path} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
          await expectAccessible();
          await page.screenshot({ path: `docs/screenshots/${screenshot}-mobile.png`, fullPage: true });
          await page.setViewportSize({ width: 1280, height: 720 });
        }
      }
      expect(scripts.size).toBeGreaterThan(3);
      for (const src of scripts) {
        const body = await (await page.request.get(src)).text();
        expect(body.match(/.{0,80}enom.{0,80}/i)?.[0], `${src} names eNom`).toBeUndefined();
      }
    } finally {
      await setDemoAllowances(admin, { "Buy email paks": false, "Renew email paks": false });
      await admin.context().close();
    }
  });
});
