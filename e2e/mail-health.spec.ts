import { expect, test } from "./fixtures";
import { domainsWithEmail, sim } from "./sim";

/**
 * Mail delivery health and its one-click fix: on a domain whose DNS is at eNom with eNom's MX
 * and SPF but neither DKIM nor DMARC, staff see what is wrong in plain words, review exactly which
 * records the fix adds, apply it, and every check turns green, while the domain's other records
 * (its website's A record, an unrelated TXT) are still there afterwards, as the simulator holds them.
 */

interface SimHost {
  name: string;
  type: string;
  address: string;
}

const hostsOf = async (domain: string) =>
  (await sim<{ hosts: SimHost[] }>(`/_sim/state/domain/${domain}`)).hosts;

/** A domain with email on eNom's DNS that lacks both DKIM records and DMARC (the seed has several). */
async function domainWithoutDkimOrDmarc(): Promise<string> {
  for (const domain of await domainsWithEmail()) {
    const hosts = await hostsOf(domain);
    const has = (name: string, type: string) => hosts.some((r) => r.name === name && r.type === type);
    if (has("@", "MX") && has("@", "A") && !has("k1._domainkey", "CNAME") && !has("_dmarc", "TXT"))
      return domain;
  }
  throw new Error("No seeded domain lacks DKIM and DMARC.");
}

test("a domain missing DKIM and DMARC turns green after the one-click fix, keeping its other records", async ({
  page,
  signInAs,
  expectAccessible,
}) => {
  const domain = await domainWithoutDkimOrDmarc();
  const before = await hostsOf(domain);
  const website = before.find((r) => r.name === "@" && r.type === "A");
  const unrelated = before.find((r) => r.type === "TXT" && !r.address.startsWith("v=spf1"));
  expect(website, "the domain's A record").toBeDefined();
  expect(unrelated, "an unrelated TXT record").toBeDefined();

  await signInAs("staff");
  await page.goto(`/domains/${domain}`);
  const panel = page.getByRole("region", { name: "Mail delivery" });
  const checks = panel.getByRole("list", { name: `Mail delivery checks for ${domain}` });
  await expect(checks.getByRole("listitem")).toHaveCount(5);
  await expect(checks.getByRole("listitem").filter({ hasText: "Signature (DKIM): Problem" })).toBeVisible();
  await expect(
    checks.getByRole("listitem").filter({ hasText: "Anti-spoofing policy (DMARC): Needs attention" }),
  ).toBeVisible();
  await expect(checks.getByRole("listitem").filter({ hasText: "Mail delivery (MX): Good" })).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await expectAccessible();

  await panel.getByRole("button", { name: "Fix the records" }).click();
  const dialog = page.getByRole("dialog", { name: `Fix mail delivery for ${domain}` });
  const changes = dialog.getByRole("table", { name: `DNS changes for ${domain}` });
  await expect(changes.getByRole("row")).toHaveCount(4);
  for (const name of ["k1._domainkey", "k2._domainkey", "_dmarc"])
    await expect(changes.getByRole("row").filter({ hasText: name })).toContainText("Add");
  await expect(dialog.getByText(`${before.length} other records stay as they are`)).toBeVisible();
  await expectAccessible();
  await page.screenshot({ path: "docs/screenshots/mail-health-fix.png" });
  await dialog.getByRole("button", { name: "Apply these changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText("The records were written and every check is now good.")).toBeVisible();
  await expect(panel.getByText("All good")).toBeVisible();
  await expect(checks.getByRole("listitem").filter({ hasText: ": Good" })).toHaveCount(5);

  const after = await hostsOf(domain);
  expect(after).toContainEqual(expect.objectContaining({ name: "@", type: "A", address: website?.address }));
  expect(after).toContainEqual(expect.objectContaining({ type: "TXT", address: unrelated?.address }));
  expect(after).toHaveLength(before.length + 3);
  await page.screenshot({ path: "docs/screenshots/mail-health.png" });
});
