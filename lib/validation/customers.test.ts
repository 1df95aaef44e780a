import { describe, expect, it } from "vitest";
import { spendLimitSchema, spendLimitText, updateCustomerSchema } from "./customers";

describe("the monthly spending limit field", () => {
  it("takes dollars as people type them, and empty for no limit", () => {
    expect(spendLimitSchema.parse("250")).toBe(25_000);
    expect(spendLimitSchema.parse(" $1,250.50 ")).toBe(125_050);
    expect(spendLimitSchema.parse("0.29")).toBe(29);
    expect(spendLimitSchema.parse("")).toBeNull();
    expect(spendLimitSchema.parse("   ")).toBeNull();
  });

  it("refuses anything else with a message saying what to type", () => {
    for (const bad of ["lots", "-5", "12.345", "1e3", "$"]) {
      const parsed = spendLimitSchema.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message).toContain("Enter the limit in dollars");
    }
    expect(spendLimitSchema.safeParse("1000000.01").error?.issues[0]?.message).toContain(
      "at most $1,000,000",
    );
  });

  it("shows a stored limit the way the form takes it back", () => {
    expect(spendLimitText(125_050)).toBe("1250.50");
    expect(spendLimitText(null)).toBe("");
    expect(spendLimitSchema.parse(spendLimitText(125_050))).toBe(125_050);
  });

  it("leaves the spending settings out of an update that does not send them", () => {
    const base = { customerId: "0b7f5a2e-2a0c-4d4e-9d7a-3f1f5c9b8e21", name: "Contoso" };
    const without = updateCustomerSchema.parse(base);
    expect(without.monthlySpendLimit).toBeUndefined();
    expect(without.purchaseApproval).toBeUndefined();
    const withThem = updateCustomerSchema.parse({ ...base, monthlySpendLimit: "10", purchaseApproval: "on" });
    expect(withThem).toMatchObject({ monthlySpendLimit: 1_000, purchaseApproval: true });
    expect(updateCustomerSchema.parse({ ...base, purchaseApproval: false }).purchaseApproval).toBe(false);
  });
});
