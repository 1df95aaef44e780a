import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/auth/errors";
import { updateUser } from "@/lib/users/queries";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { getPortalApiReference } from "./reference";

describe("the API reference in the portal", () => {
  it("shows a customer's administrator only what a customer key can call, under the reseller's name", async () => {
    const customer = await createTestCustomer("Reference Bakery");
    const admin = await createTestUser({
      email: "admin@reference.test",
      role: "customer",
      customerId: customer.id,
    });
    await updateUser(admin.id, { customerAdmin: true });
    const document = (await getPortalApiReference(admin)) as {
      info: { title: string; description: string };
      paths: Record<string, unknown>;
    };
    const paths = Object.keys(document.paths);
    expect(paths).toContain("/domains/{domain}/mailboxes");
    expect(paths).toContain("/purchase-requests");
    expect(paths.filter((path) => path.startsWith("/customers") || path === "/audit")).toEqual([]);
    expect(document.info.title).toBe("Mail Portal API");
    expect(JSON.stringify(document).match(/.{0,60}(enom|Mailpak account).{0,30}/gi)).toBeNull();
  });

  it("is not there for a colleague who is not the administrator, nor for staff", async () => {
    const customer = await createTestCustomer("Reference Cafe");
    const colleague = await createTestUser({
      email: "member@reference.test",
      role: "customer",
      customerId: customer.id,
    });
    const staff = await createTestUser({ email: "staff@reference.test", role: "staff" });
    await expect(getPortalApiReference(colleague)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPortalApiReference(staff)).rejects.toBeInstanceOf(NotFoundError);
  });
});
