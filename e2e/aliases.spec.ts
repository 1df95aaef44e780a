import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { demoCustomerDomains, truth, type SimDomain } from "./sim";

/**
 * Aliases in the portal (issue 17): a customer signs in, opens one of its domains, adds an alias
 * forwarding to an outside address, sees it listed, and the simulator shows the forward while the
 * pak's free mailbox places are unchanged (an alias uses no mailbox); then deletes it, and the
 * simulator no longer has it. The alias's name is one no other run uses; the simulator is shared
 * and never reset.
 */

type DomainTruth = SimDomain & { nsStatus?: string };

/** One of the demo customer's domains with email, on the service's name servers (aliases need them). */
async function domainForAliases(domains: readonly string[]): Promise<string> {
  for (const name of domains) {
    const state = (await truth(name)) as DomainTruth;
    if (state.paks.length > 0 && state.nsStatus === "YES") return name;
  }
  throw new Error("None of the demo customer's domains has email on the service's name servers.");
}

const freePlaces = (state: SimDomain) => state.paks.map((pak) => [pak.bundleId, pak.qtyAvailable]);
const aliasesSection = (page: Page) => page.getByRole("region", { name: "Aliases" });

test("a customer adds an alias that uses no mailbox, then deletes it", async ({
  page,
  signInAs,
  expectAccessible,
}) => {
  const domain = await domainForAliases(await demoCustomerDomains());
  const alias = `e2e-alias-${Date.now().toString(36).slice(-6)}`;
  const address = `${alias}@${domain}`;
  const before = await truth(domain);

  await signInAs("customer");
  await page.goto(`/portal/domains/${domain}`);
  const section = aliasesSection(page);
  await expect(section.getByRole("heading", { name: "Aliases" })).toBeVisible();
  await expect(section.getByText("An alias uses no mailbox")).toBeVisible();
  await expect(section.getByText(/\d+ (of \d+ )?alias/).first()).toBeVisible();

  await section.getByRole("button", { name: "Add alias" }).click();
  const dialog = page.getByRole("dialog", { name: "Add alias" });
  await dialog.getByLabel("Alias").fill(alias);
  await dialog.getByLabel("Forward to").fill("outside-person@example.org");
  // Axe judges the page as it first shows: scrolled, a sticky header would cover the table's.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectAccessible();
  await dialog.getByRole("button", { name: "Add alias" }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole("status").filter({ hasText: `Created alias ${address}` })).toBeVisible();
  const row = section.getByRole("row").filter({ hasText: address });
  await expect(row).toContainText("outside-person@example.org");
  // The portal never names the upstream provider.
  await expect(page.locator("main")).not.toContainText(/eNom/i);
  // Axe judges the page as it first shows: scrolled, a sticky header would cover the table's.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectAccessible();

  const after = await truth(domain);
  expect(after.forwards).toContainEqual(
    expect.objectContaining({ userName: alias, forwardTo: "outside-person@example.org" }),
  );
  expect(after.mailboxes.map((mailbox) => mailbox.userName)).not.toContain(alias);
  expect(freePlaces(after)).toEqual(freePlaces(before));

  await row.getByRole("button", { name: `Delete ${address}` }).click();
  const confirm = page.getByRole("dialog", { name: `Delete ${address}?` });
  await confirm.getByRole("button", { name: "Delete alias" }).click();
  await expect(confirm).toBeHidden();
  await expect(section.getByRole("row").filter({ hasText: address })).toHaveCount(0);
  const gone = await truth(domain);
  expect(gone.forwards.map((forward) => forward.userName.toLowerCase())).not.toContain(alias);
  expect(freePlaces(gone)).toEqual(freePlaces(before));
});
