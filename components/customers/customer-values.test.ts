import { describe, expect, it } from "vitest";
import { createCustomerSchema, updateCustomerSchema } from "@/lib/validation/customers";
import { customerFormValues, NEW_CUSTOMER_VALUES } from "./customer-values";

const CUSTOMER = "5b0c7a52-9f7e-4f43-9d0c-2f1f7b8f4a10";

describe("the customer forms' values", () => {
  it("take only what the form shows from a stored customer", () => {
    const stored = {
      id: CUSTOMER,
      createdAt: new Date(),
      name: "Bakery Ltd",
      contactName: "Marianne",
      contactEmail: "bread@bakery.test",
      contactPhone: "+44 20 7946 0000",
      notes: "Pays on time.",
      canCreateMailboxes: true,
      canManageMailboxes: false,
      canToggleAutoRenew: true,
      canPurchase: false,
      canRenew: true,
    };
    expect(customerFormValues(stored)).toEqual({
      name: "Bakery Ltd",
      contactName: "Marianne",
      contactEmail: "bread@bakery.test",
      contactPhone: "+44 20 7946 0000",
      notes: "Pays on time.",
      canCreateMailboxes: true,
      canManageMailboxes: false,
      canToggleAutoRenew: true,
      canPurchase: false,
      canRenew: true,
    });
  });

  it("let a new customer manage its mailboxes, and nothing more, unless ticked", () => {
    const parsed = createCustomerSchema.parse({ ...NEW_CUSTOMER_VALUES, name: "Fabrikam" });
    expect(parsed).toMatchObject({
      canCreateMailboxes: true,
      canManageMailboxes: true,
      canToggleAutoRenew: false,
      canPurchase: false,
      canRenew: false,
    });
  });

  it("are sent as typed booleans, which the action's schema reads as they are", () => {
    const parsed = updateCustomerSchema.parse({
      ...NEW_CUSTOMER_VALUES,
      customerId: CUSTOMER,
      name: "Fabrikam",
      canManageMailboxes: false,
      canRenew: true,
    });
    expect(parsed.canManageMailboxes).toBe(false);
    expect(parsed.canRenew).toBe(true);
  });

  it("need a name: the empty form is refused in the browser with the server's words", () => {
    const parsed = createCustomerSchema.safeParse(NEW_CUSTOMER_VALUES);
    expect(parsed.error?.issues).toMatchObject([{ path: ["name"], message: "Enter the customer's name." }]);
  });
});
