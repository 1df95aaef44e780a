import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Actor } from "@/lib/auth/permissions";
import {
  API_SCOPES,
  CUSTOMER_SCOPES,
  SCOPE_DESCRIPTIONS,
  SCOPE_PERMISSIONS,
  scopesAllow,
  scopesForCustomer,
} from "./scopes";

const NOTHING = {
  canCreateMailboxes: false,
  canManageMailboxes: false,
  canToggleAutoRenew: false,
  canPurchase: false,
  canRenew: false,
};

describe("what a key's scopes allow", () => {
  it("read is the read-only views, and nothing that changes anything", () => {
    for (const permission of ["domains.view", "customers.view", "orders.view", "audit.view"] as const)
      expect(scopesAllow(["read"], permission)).toBe(true);
    for (const permission of PERMISSIONS.filter((p) => !p.endsWith(".view")))
      expect(scopesAllow(["read"], permission)).toBe(false);
  });

  it("maps each write scope onto its own permissions only", () => {
    expect(scopesAllow(["mailboxes"], "mailboxes.create")).toBe(true);
    expect(scopesAllow(["mailboxes"], "mailboxes.manage")).toBe(true);
    expect(scopesAllow(["mailboxes"], "domains.view")).toBe(false);
    expect(scopesAllow(["aliases"], "mailboxes.manage")).toBe(true);
    expect(scopesAllow(["aliases"], "mailboxes.create")).toBe(false);
    expect(scopesAllow(["paks"], "paks.autoRenew")).toBe(true);
    expect(scopesAllow(["paks"], "paks.purchase")).toBe(false);
    expect(scopesAllow(["purchases"], "paks.purchase")).toBe(true);
    expect(scopesAllow(["purchases"], "paks.renew")).toBe(true);
    expect(scopesAllow(["purchases"], "paks.delete")).toBe(false);
    expect(scopesAllow(["customers"], "customers.manage")).toBe(true);
    expect(scopesAllow(["audit"], "audit.view")).toBe(true);
    expect(scopesAllow(["audit"], "domains.view")).toBe(false);
    expect(scopesAllow([], "domains.view")).toBe(false);
  });

  it("never grants what only people in the panel do: settings, users, DNS, deleting paks", () => {
    for (const permission of ["settings.manage", "users.manage", "dns.manage", "paks.delete"] as const)
      expect(scopesAllow([...API_SCOPES], permission)).toBe(false);
  });

  it("customer scopes are a subset a customer login can ever use, and each is described for both audiences", () => {
    const everything: Actor = {
      role: "customer",
      customer: {
        canCreateMailboxes: true,
        canManageMailboxes: true,
        canToggleAutoRenew: true,
        canPurchase: true,
        canRenew: true,
      },
    };
    for (const scope of CUSTOMER_SCOPES) {
      expect(SCOPE_PERMISSIONS[scope].some((permission) => can(everything, permission))).toBe(true);
      expect(SCOPE_DESCRIPTIONS[scope].customer).not.toBe("");
      expect(SCOPE_DESCRIPTIONS[scope].customer).not.toMatch(/enom/i);
    }
    expect(CUSTOMER_SCOPES).not.toContain("customers");
    expect(CUSTOMER_SCOPES).not.toContain("audit");
    for (const scope of API_SCOPES) expect(SCOPE_DESCRIPTIONS[scope].staff).not.toBe("");
  });
});

describe("scopes a customer's administrator is offered", () => {
  it("read always; the others only with the allowance behind them", () => {
    expect(scopesForCustomer(NOTHING)).toEqual(["read"]);
    expect(scopesForCustomer({ ...NOTHING, canCreateMailboxes: true })).toEqual(["read", "mailboxes"]);
    expect(scopesForCustomer({ ...NOTHING, canManageMailboxes: true })).toEqual([
      "read",
      "mailboxes",
      "aliases",
    ]);
    expect(scopesForCustomer({ ...NOTHING, canToggleAutoRenew: true })).toEqual(["read", "paks"]);
    expect(scopesForCustomer({ ...NOTHING, canRenew: true })).toEqual(["read", "purchases"]);
    expect(scopesForCustomer({ ...NOTHING, canPurchase: true })).toEqual(["read", "purchases"]);
  });
});
