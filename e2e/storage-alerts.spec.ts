import { expect, test, DEMO_USERS } from "./fixtures";
import { allMail, type CapturedMail } from "./mail";

/**
 * Nearly full mailboxes: the demo has some on the demo customer's domains. Staff see them on the
 * dashboard, the customer on the portal's home page, and the customer's administrator gets one
 * email per domain for them: the scheduled pass runs two minutes after the panel starts (and every
 * 15 minutes; every minute on the e2e panel), and a mailbox that stays full is never emailed about
 * again.
 */
const ALERT_SUBJECT = /^(?<domain>[a-z0-9.-]+): (.+ is \d+ % full|\d+ mailboxes are nearly full)$/;

const alertsTo = async (to: string): Promise<CapturedMail[]> =>
  (await allMail()).filter((mail) => mail.to.includes(to) && ALERT_SUBJECT.test(mail.subject));

test("a nearly full mailbox shows on the dashboard and the portal, and its customer gets one email", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(360_000);
  // The customer sees its nearly full mailboxes on the portal's home page.
  await signInAs("customer");
  await page.goto("/portal");
  const nearlyFull = page.getByRole("region", { name: "Nearly full mailboxes" });
  await expect(nearlyFull).toBeVisible();
  await expect(nearlyFull.getByRole("listitem").first()).toContainText("%");

  // Staff see them on the dashboard.
  await page.context().clearCookies();
  await signInAs("staff");
  await page.goto("/");
  const item = page
    .getByRole("list", { name: "Needs attention" })
    .locator(":scope > li[data-attention='near-full']");
  await expect(item).toBeVisible({ timeout: 30_000 });
  await expect(item.getByRole("heading", { level: 3 })).toHaveText(/nearly full$/);
  await expect(item.getByRole("link").first()).toHaveText(/ · \d+ % used$/);

  // The e2e panel runs the pass every minute (STORAGE_ALERT_SCHEDULE in scripts/e2e-server.mjs);
  // the suite has usually been running longer than that. Last, so nothing waits behind it.
  await expect
    .poll(async () => (await alertsTo(DEMO_USERS.customer)).length, {
      message: "a storage alert email to the demo customer's administrator",
      timeout: 240_000,
      intervals: [5_000],
    })
    .toBeGreaterThan(0);
  const alerts = await alertsTo(DEMO_USERS.customer);
  const domains = alerts.map((mail) => ALERT_SUBJECT.exec(mail.subject)?.groups?.domain);
  // One email per domain, however many passes have run.
  expect(new Set(domains).size).toBe(domains.length);
  const [first] = alerts;
  expect(first?.text).toMatch(/% full|nearly full/);
  expect(`${first?.subject}\n${first?.text}\n${first?.html}`).not.toMatch(/enom|password/i);
});
