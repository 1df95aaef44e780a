import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export const DEMO_PASSWORD = "demo-password";
export const DEMO_USERS = {
  admin: "admin@demo.test",
  staff: "staff@demo.test",
  customer: "customer@demo.test",
  /** The demo's second customer, which may buy and renew within a monthly limit, each order approved by staff. */
  buyer: "bakery@demo.test",
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

export const SIM_ORIGIN = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 4100}`;

interface Fixtures {
  /** Scans the page with axe: serious and critical violations fail the test; the report is attached. */
  expectAccessible: (page?: Page) => Promise<void>;
  /** Signs in through the sign-in form and waits for the landing page. */
  signIn: (email: string, password: string, options?: { otp?: string }) => Promise<void>;
  /** Signs in as one of the demo's users. */
  signInAs: (role: DemoRole) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  expectAccessible: async ({ page }, use, testInfo) => {
    await use(async (target = page) => {
      const results = await new AxeBuilder({ page: target }).withTags(WCAG_TAGS).analyze();
      await testInfo.attach(`axe-${testInfo.attachments.length}`, {
        body: JSON.stringify(results.violations, null, 2),
        contentType: "application/json",
      });
      const blocking = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => ({
          rule: violation.id,
          impact: violation.impact,
          help: violation.help,
          targets: violation.nodes.map((node) => node.target.join(" ")),
        }));
      expect(blocking, `accessibility violations on ${target.url()}`).toEqual([]);
    });
  },
  signIn: async ({ page }, use) => {
    await use(async (email, password, options = {}) => {
      // Leave the previous page first: its polls can renew a session cookie just cleared.
      await page.goto("about:blank");
      await page.goto("/sign-in");
      // Still signed in (as someone else): the sign-in page sends that person home. Start afresh.
      if (new URL(page.url()).pathname !== "/sign-in") {
        await page.context().clearCookies();
        await page.goto("/sign-in");
      }
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      if (options.otp) {
        await page.getByLabel("Authentication code").fill(options.otp);
        await page.getByRole("button", { name: "Verify" }).click();
      }
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    });
  },
  signInAs: async ({ signIn }, use) => {
    await use((role) => signIn(DEMO_USERS[role], DEMO_PASSWORD));
  },
});

export { expect };

/**
 * A second person in the same test: a new browser context (its own cookies) signed in as `email`,
 * beside the test's own page (e.g. an admin changing what a customer, signed in elsewhere, sees).
 */
export async function signedInPage(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return page;
}
