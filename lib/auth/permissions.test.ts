import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/db/schema";
import {
  can,
  isReadOnlyRole,
  isStaffRole,
  PERMISSIONS,
  type Actor,
  type CustomerAllowances,
  type Permission,
} from "./permissions";

const NONE: CustomerAllowances = {
  canCreateMailboxes: false,
  canManageMailboxes: false,
  canToggleAutoRenew: false,
  canPurchase: false,
  canRenew: false,
};

function customer(allowances: Partial<CustomerAllowances>): Actor {
  return { role: "customer", customer: { ...NONE, ...allowances } };
}

function staffRole(role: Role): Actor {
  return { role, customer: null };
}

/** Each actor and exactly the permissions it has: anything not listed is refused. */
const MATRIX: [string, Actor, Permission[]][] = [
  ["admin", staffRole("admin"), [...PERMISSIONS]],
  [
    "staff",
    staffRole("staff"),
    PERMISSIONS.filter((permission) => permission !== "users.manage" && permission !== "settings.manage"),
  ],
  ["support", staffRole("support"), ["domains.view", "customers.view", "audit.view"]],
  ["a customer allowed nothing", customer({}), ["domains.view"]],
  [
    "a customer allowed to create mailboxes",
    customer({ canCreateMailboxes: true }),
    ["domains.view", "mailboxes.create"],
  ],
  [
    "a customer allowed to reset, delete and make administrators",
    customer({ canManageMailboxes: true }),
    ["domains.view", "mailboxes.manage"],
  ],
  [
    "a customer allowed both mailbox halves",
    customer({ canCreateMailboxes: true, canManageMailboxes: true }),
    ["domains.view", "mailboxes.create", "mailboxes.manage"],
  ],
  [
    "a customer allowed auto-renew",
    customer({ canToggleAutoRenew: true }),
    ["domains.view", "paks.autoRenew"],
  ],
  ["a customer allowed to buy", customer({ canPurchase: true }), ["domains.view", "paks.purchase"]],
  ["a customer allowed to renew", customer({ canRenew: true }), ["domains.view", "paks.renew"]],
  [
    "a customer allowed everything",
    customer({
      canCreateMailboxes: true,
      canManageMailboxes: true,
      canToggleAutoRenew: true,
      canPurchase: true,
      canRenew: true,
    }),
    ["domains.view", "mailboxes.create", "mailboxes.manage", "paks.autoRenew", "paks.purchase", "paks.renew"],
  ],
  ["a customer login without its customer", { role: "customer", customer: null }, []],
  ["an unknown role", { role: "owner" as Role, customer: null }, []],
];

describe("the permission matrix", () => {
  it.each(MATRIX)("%s has exactly its permissions", (_, actor, allowed) => {
    const granted = PERMISSIONS.filter((permission) => can(actor, permission));
    expect(granted).toEqual(PERMISSIONS.filter((permission) => allowed.includes(permission)));
  });

  it("gives a customer's allowances never a staff permission, whatever is ticked", () => {
    const everything = customer({
      canCreateMailboxes: true,
      canManageMailboxes: true,
      canToggleAutoRenew: true,
      canPurchase: true,
      canRenew: true,
    });
    for (const permission of [
      "paks.delete",
      "customers.view",
      "customers.manage",
      "users.manage",
      "audit.view",
      "orders.view",
      "settings.manage",
    ] as const)
      expect(can(everything, permission)).toBe(false);
  });

  it("shows the order history, with its cost prices, to admins and staff only", () => {
    const allowed = (["admin", "staff", "support", "customer"] as const).filter((role) =>
      can(
        { role, customer: role === "customer" ? { ...NONE, canPurchase: true, canRenew: true } : null },
        "orders.view",
      ),
    );
    expect(allowed).toEqual(["admin", "staff"]);
  });

  it("counts support among the reseller's people, as the only read-only role", () => {
    expect(isStaffRole("support")).toBe(true);
    expect(isStaffRole("customer")).toBe(false);
    expect((["admin", "staff", "support", "customer"] as const).filter(isReadOnlyRole)).toEqual(["support"]);
  });

  it("lets an API key do only what both its scopes and its holder allow", () => {
    const key = { permissions: ["domains.view", "mailboxes.create"] as const };
    // An admin's key with two permissions: those two, nothing else.
    expect(
      PERMISSIONS.filter((permission) => can({ role: "admin", customer: null, apiKey: key }, permission)),
    ).toEqual(["domains.view", "mailboxes.create"]);
    // A customer's key never exceeds the customer's allowances, whatever the key says.
    const customer = { ...NONE, canCreateMailboxes: false };
    expect(can({ role: "customer", customer, apiKey: key }, "mailboxes.create")).toBe(false);
    expect(can({ role: "customer", customer, apiKey: key }, "domains.view")).toBe(true);
    // No key: the role alone, as before.
    expect(can({ role: "admin", customer: null, apiKey: null }, "settings.manage")).toBe(true);
  });
});
