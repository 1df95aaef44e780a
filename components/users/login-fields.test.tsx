import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { createCustomerLoginSchema, createStaffUserSchema } from "@/lib/validation/users";
import { CreateStaffUserForm } from "./add-staff-user";
import { EMPTY_LOGIN, newLoginInput } from "./login-fields";
import { staffRoleOf } from "./staff-role";

vi.mock("@/lib/actions/users", () => ({ createStaffUserAction: vi.fn() }));

const CUSTOMER = "5b0c7a52-9f7e-4f43-9d0c-2f1f7b8f4a10";

describe("a new login's input", () => {
  it("asks for a generated password when none was typed", () => {
    const input = newLoginInput({ name: "Robin", email: "robin@example.test", password: "" });
    expect(input.passwordMode).toBe("generate");
    expect(createStaffUserSchema.safeParse({ ...input, role: "staff" }).success).toBe(true);
  });

  it("sends a typed password as chosen, so the action checks it against the password rules", () => {
    const input = newLoginInput({ name: "Robin", email: "robin@example.test", password: "short" });
    expect(input.passwordMode).toBe("choose");
    const parsed = createCustomerLoginSchema.safeParse({ ...input, customerId: CUSTOMER });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["password"]);
  });

  it("starts empty", () => {
    expect(newLoginInput(EMPTY_LOGIN)).toEqual({
      name: "",
      email: "",
      password: "",
      passwordMode: "generate",
    });
  });
});

describe("the role select", () => {
  it("reads a staff role, and anything else as staff", () => {
    expect(staffRoleOf("admin")).toBe("admin");
    expect(staffRoleOf("support")).toBe("support");
    expect(staffRoleOf("customer")).toBe("staff");
    expect(staffRoleOf("")).toBe("staff");
  });
});

describe("the Add a staff user form", () => {
  const html = renderToStaticMarkup(
    <CreateStaffUserForm onDone={() => undefined} onAddAnother={() => undefined} />,
  );

  it("is a named form submitted by the browser's own submit, never posted to an action as FormData", () => {
    expect(html).toMatch(/^<form aria-label="Add a staff user" novalidate=""/i);
    expect(html).not.toContain("action=");
    expect(html).toContain('type="submit"');
  });

  it("measures a chosen password right under the password field, before the role", () => {
    const password = html.indexOf("Password (optional)");
    const meter = html.indexOf('role="meter"');
    const role = html.indexOf(">Role<");
    expect(password).toBeGreaterThan(html.indexOf(">Email<"));
    expect(meter).toBeGreaterThan(password);
    expect(role).toBeGreaterThan(meter);
  });

  it("starts as staff", () => {
    expect(html).toMatch(/<option value="staff" selected="">/);
  });
});
