import { expect, test } from "./fixtures";
import { sim } from "./sim";

/**
 * A staff member sets up a new customer from scratch: details, what it may do in the portal, a
 * domain and a login; then the customer signs in. The customer is new, so the demo's data stays
 * as it is (only a domain nobody owns is assigned).
 */

test.describe("customers", () => {
  test("staff add a customer, set what it may do, give it a domain and a login, and the customer signs in", async ({
    page,
    browser,
    baseURL,
    signInAs,
    expectAccessible,
  }) => {
    const stamp = Date.now();
    const name = `Fabrikam ${stamp}`;
    const loginEmail = `fabrikam-${stamp}@example.test`;
    await signInAs("staff");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
    await expectAccessible();

    // Add the customer.
    await page.getByRole("button", { name: "Add a customer" }).click();
    const adding = page.getByRole("dialog", { name: "Add a customer" });
    await adding.getByLabel("Customer name").fill(name);
    await adding.getByLabel("Contact name").fill("Fiona Fabrikam");
    await adding.getByLabel("Contact email").fill("not-an-email");
    await adding.getByRole("button", { name: "Add customer" }).click();
    await expect(adding.getByText("Enter a valid email address, or leave it empty.")).toBeVisible();
    await expect(adding.getByLabel("Customer name")).toHaveValue(name);
    await adding.getByLabel("Contact email").fill("it@fabrikam.example");
    await adding.getByRole("button", { name: "Add customer" }).click();
    await expect(adding.getByRole("status")).toHaveText(`${name} is added.`);
    await adding.getByRole("link", { name: `Set up ${name}` }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const customerPath = new URL(page.url()).pathname;

    // What it may do in the portal.
    const details = page.getByRole("form", { name: "Customer details" });
    await expect(details.getByLabel("Create mailboxes")).toBeChecked();
    await expect(
      details.getByLabel("Reset passwords, delete mailboxes and make administrators"),
    ).toBeChecked();
    await details.getByLabel("Turn auto-renew on or off").check();
    await details.getByLabel("Renew email paks").check();
    await details.getByRole("button", { name: "Save changes" }).click();
    await expect(details.getByRole("status")).toHaveText(`${name} is saved.`);
    await page.reload();
    await expect(details.getByLabel("Turn auto-renew on or off")).toBeChecked();
    await expect(details.getByLabel("Renew email paks")).toBeChecked();
    await expect(details.getByLabel("Buy email paks")).not.toBeChecked();

    // A domain from the eNom account; the demo customer's domains are shown as taken.
    const domainsForm = page.getByRole("form", { name: `Domains of ${name}` });
    await expect(domainsForm.getByText("Belongs to Northwind Traders").first()).toBeVisible();
    const free = domainsForm.getByRole("checkbox", { checked: false, disabled: false });
    const domain = await free.last().getAttribute("value");
    expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    await domainsForm.getByLabel(domain ?? "", { exact: true }).check();
    await domainsForm.getByRole("button", { name: "Save domains" }).click();
    await expect(domainsForm.getByRole("status")).toContainText(`Assigned ${domain}`);
    await expect(domainsForm.getByLabel(domain ?? "", { exact: true })).toBeChecked();

    // A login for the customer's portal.
    const loginForm = page.getByRole("form", { name: `Add a login for ${name}` });
    await loginForm.getByLabel("Name", { exact: true }).fill("Fiona Fabrikam");
    await loginForm.getByLabel("Email", { exact: true }).fill(loginEmail);
    await loginForm.getByRole("button", { name: "Add login" }).click();
    await expect(loginForm.getByRole("status")).toContainText(`${loginEmail} can now sign in`);
    const password = await page.getByRole("textbox", { name: "Temporary password" }).inputValue();
    await expect(
      page
        .getByRole("table", { name: `Logins of ${name}` })
        .getByRole("row")
        .filter({ hasText: loginEmail }),
    ).toContainText("Active");
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expectAccessible();
    // From the top, so the sticky header sits where it belongs in the full-page picture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "docs/screenshots/customer-detail.png", fullPage: true });

    // The list shows the customer with its domain and login.
    await page.getByRole("link", { name: "All customers" }).click();
    const row = page.getByRole("table", { name: "Customers" }).getByRole("row").filter({ hasText: name });
    await expect(row.getByRole("cell")).toHaveText([
      name,
      /Fiona Fabrikam/,
      "1",
      "1",
      /Create mailboxes.*Reset passwords, delete mailboxes and make administrators.*Turn auto-renew on or off.*Renew email paks/,
    ]);
    await expectAccessible();
    await page.screenshot({ path: "docs/screenshots/customers.png", fullPage: true });

    // The customer signs in on its own computer and sees its domain, and no staff page.
    const context = await browser.newContext({ baseURL });
    const theirs = await context.newPage();
    await theirs.goto("/sign-in");
    await theirs.getByLabel("Email").fill(loginEmail);
    await theirs.getByLabel("Password").fill(password);
    await theirs.getByRole("button", { name: "Sign in" }).click();
    await expect(theirs).toHaveURL(/\/portal$/);
    await expect(
      theirs.getByRole("list", { name: "Your domains" }).getByRole("heading", { level: 2 }),
    ).toHaveText([domain ?? ""]);
    const response = await theirs.goto(customerPath);
    expect(response?.status()).toBe(404);
    await context.close();
  });

  test("a domain of another customer cannot be ticked, and a customer is deleted only by its typed name", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const name = `Doomed ${Date.now()}`;
    await signInAs("staff");
    await page.goto("/customers");
    await page.getByRole("button", { name: "Add a customer" }).click();
    const adding = page.getByRole("dialog", { name: "Add a customer" });
    await adding.getByLabel("Customer name").fill(name);
    await adding.getByRole("button", { name: "Add customer" }).click();
    await adding.getByRole("link", { name: `Set up ${name}` }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

    const domainsForm = page.getByRole("form", { name: `Domains of ${name}` });
    const taken = domainsForm
      .getByRole("listitem")
      .filter({ hasText: "Belongs to Northwind Traders" })
      .first();
    await expect(taken.getByRole("checkbox")).toBeDisabled();

    await page.getByRole("button", { name: "Delete customer" }).click();
    const confirm = page.getByRole("dialog", { name: `Delete ${name}?` });
    await confirm.getByLabel(`Type ${name} to confirm`).fill(name.toLowerCase());
    await confirm.getByRole("button", { name: "Delete customer" }).click();
    await expect(confirm.getByText(`Type the name exactly as shown: ${name}`)).toBeVisible();
    await expectAccessible();
    await confirm.getByLabel(`Type ${name} to confirm`).fill(name);
    await confirm.getByRole("button", { name: "Delete customer" }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
    await expect(page.getByRole("link", { name })).toHaveCount(0);
  });

  test("while eNom is unreachable, a customer's page still lists its domains and can remove them", async ({
    page,
    signInAs,
    expectAccessible,
  }) => {
    const name = `Offline ${Date.now()}`;
    await signInAs("staff");
    await page.goto("/customers");
    await page.getByRole("button", { name: "Add a customer" }).click();
    const adding = page.getByRole("dialog", { name: "Add a customer" });
    await adding.getByLabel("Customer name").fill(name);
    await adding.getByRole("button", { name: "Add customer" }).click();
    await adding.getByRole("link", { name: `Set up ${name}` }).click();
    const domainsForm = page.getByRole("form", { name: `Domains of ${name}` });
    const domain = await domainsForm
      .getByRole("checkbox", { checked: false, disabled: false })
      .first()
      .getAttribute("value");
    await domainsForm.getByLabel(domain ?? "", { exact: true }).check();
    await domainsForm.getByRole("button", { name: "Save domains" }).click();
    await expect(domainsForm.getByRole("status")).toContainText(`Assigned ${domain}`);

    await sim("/_sim/faults", {
      method: "POST",
      body: JSON.stringify({ command: "GetDomains", mode: "http500" }),
    });
    try {
      await page.reload();
      await expect(page.getByText("eNom could not be reached")).toBeVisible({ timeout: 30_000 });
      await expect(domainsForm.getByRole("checkbox")).toHaveCount(1);
      await expect(domainsForm.getByLabel(domain ?? "", { exact: true })).toBeChecked();
      await expectAccessible();
      await domainsForm.getByLabel(domain ?? "", { exact: true }).uncheck();
      await domainsForm.getByRole("button", { name: "Save domains" }).click();
      await expect(domainsForm.getByRole("status")).toContainText(`Removed ${domain}`);
      await expect(page.getByText("0 domains · 0 logins")).toBeVisible();
    } finally {
      await sim("/_sim/faults", { method: "DELETE" });
    }
  });
});
