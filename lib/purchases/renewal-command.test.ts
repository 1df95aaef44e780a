import { describe, expect, it } from "vitest";
import { RuleError } from "@/lib/auth/errors";
import { PROD_TYPE_CLASSIC_POP, PROD_TYPE_MAILBOX } from "@/lib/validation/enom-rules";
import { renewalOrderFor } from "./renewal-command";

describe("the command that renews a pak", () => {
  it("renews a classic 10-pak with RenewPOPBundle, in years", () => {
    expect(renewalOrderFor({ bundleId: 5, prodType: PROD_TYPE_CLASSIC_POP, billingPeriod: null }, 3)).toEqual(
      {
        command: "RenewPOPBundle",
        unit: "year",
        terms: 3,
      },
    );
    // Any ProdType other than the Mailbox product is a classic pak (enom-rules.ts).
    expect(renewalOrderFor({ bundleId: 5, prodType: 17, billingPeriod: "month" }, 1).command).toBe(
      "RenewPOPBundle",
    );
  });

  it("renews a Mailbox pak with PurchaseServices, in its billing period when known, else by the year", () => {
    expect(renewalOrderFor({ bundleId: 6, prodType: PROD_TYPE_MAILBOX, billingPeriod: "year" }, 2)).toEqual({
      command: "PurchaseServices",
      unit: "year",
      terms: 2,
    });
    expect(renewalOrderFor({ bundleId: 6, prodType: PROD_TYPE_MAILBOX, billingPeriod: null }, 1)).toEqual({
      command: "PurchaseServices",
      unit: "year",
      terms: 1,
    });
    expect(renewalOrderFor({ bundleId: 6, prodType: PROD_TYPE_MAILBOX, billingPeriod: "month" }, 1)).toEqual({
      command: "PurchaseServices",
      unit: "month",
      terms: 12,
    });
  });

  it("refuses a monthly pak for more than TimeQuantity's 12 months, and a pak of no reported product", () => {
    expect(() =>
      renewalOrderFor({ bundleId: 6, prodType: PROD_TYPE_MAILBOX, billingPeriod: "month" }, 2),
    ).toThrow(RuleError);
    expect(() => renewalOrderFor({ bundleId: 7, prodType: null, billingPeriod: "year" }, 1)).toThrow(
      /did not say which product pak 7 is/,
    );
  });
});
