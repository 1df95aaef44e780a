import { expect, test } from "./fixtures";

/**
 * An admin gives the billing system an API key: creates it in Settings → API keys, copies the
 * token shown this once, and the billing system's call to the API works; after the admin revokes
 * the key, the same call is refused.
 */

test("an admin creates an API key, uses it once, revokes it, and the API refuses it", async ({
  page,
  baseURL,
  signInAs,
  expectAccessible,
}) => {
  const name = `Billing ${Date.now()}`;
  const domainsUrl = new URL("/api/v1/domains", baseURL).toString();

  await signInAs("admin");
  await page.goto("/settings");
  await page
    .getByRole("navigation", { name: "Settings sections" })
    .getByRole("link", { name: "API keys" })
    .click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByRole("link", { name: "API reference" }).first()).toBeVisible();

  // A mistake first: the form says what is wrong.
  const form = page.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create API key" }).click();
  await expect(form.getByText("Choose at least one scope.")).toBeVisible();
  await form.getByLabel("Allowed IP addresses (optional)").fill("not-an-address");
  await form.getByRole("checkbox", { name: /^Read/ }).check();
  await form.getByRole("button", { name: "Create API key" }).click();
  await expect(form.getByText(/"not-an-address" is not an IP address or CIDR range/)).toBeVisible();
  await form.getByLabel("Allowed IP addresses (optional)").fill("");
  await form.getByRole("button", { name: "Create API key" }).click();

  // The token, this once.
  await expect(page.getByText("you will not see it again")).toBeVisible();
  const token = await page.getByTestId("api-key-token").inputValue();
  expect(token).toMatch(/^mpk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
  const prefix = token.slice(4, 16);
  const row = page.getByTestId("api-key-row").filter({ hasText: name });
  await expect(row).toContainText(`mpk_${prefix}_…`);
  await expect(row).toContainText("Active");
  await expectAccessible();
  await page.getByRole("button", { name: "Done, I have copied it" }).click();
  await expect(page.getByTestId("api-key-token")).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(token)).toHaveCount(0);
  expect(await page.content()).not.toContain(token.slice(17));

  // The billing system's call works.
  const allowed = await fetch(domainsUrl, { headers: { Authorization: `Bearer ${token}` } });
  expect(allowed.status).toBe(200);
  await page.reload();
  // Its last use is on the list, with the address it came from.
  await expect(page.getByTestId("api-key-row").filter({ hasText: name })).toContainText(/from [0-9a-f.:]+/);

  // Revoked, with a confirmation first.
  await page
    .getByTestId("api-key-row")
    .filter({ hasText: name })
    .getByRole("button", { name: `Revoke ${name}` })
    .click();
  const dialog = page.getByRole("dialog", { name: `Revoke the API key “${name}”?` });
  await dialog.getByRole("button", { name: "Revoke the key" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `The API key "${name}" was revoked` }),
  ).toBeVisible();
  await expect(page.getByTestId("api-key-row").filter({ hasText: name })).toContainText("Revoked");

  const refused = await fetch(domainsUrl, { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status).toBe(401);
  expect(await refused.text()).toContain("This API key was revoked.");
});

test("staff read the API reference, generated from the same document the API serves", async ({
  page,
  baseURL,
  signInAs,
  expectAccessible,
}) => {
  await signInAs("staff");
  await page.goto("/settings/api");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  // Staff are not admins: the reference without the settings' tabs.
  await expect(page.getByRole("navigation", { name: "Settings sections" })).toHaveCount(0);
  const document = (await (await fetch(new URL("/api/v1/openapi.json", baseURL))).json()) as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  expect(document.openapi).toBe("3.1.0");
  const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
  expect(operations.length).toBeGreaterThan(20);
  for (const operation of operations)
    await expect(page.locator(`#op-${operation.operationId}`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /POST \/purchases/ })).toBeVisible();
  await expectAccessible();
});
