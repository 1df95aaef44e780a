import type { Role } from "@/lib/db/schema";

/**
 * What each role may do. Pure data and functions, so the permission matrix is testable on its
 * own; the guards in `guards.ts` apply it on every request.
 */
export const PERMISSIONS = [
  "domains.view",
  "mailboxes.manage",
  "paks.autoRenew",
  "paks.purchase",
  "paks.renew",
  "paks.delete",
  "customers.manage",
  "users.manage",
  "audit.view",
  "settings.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface CustomerAllowances {
  canManageMailboxes: boolean;
  canToggleAutoRenew: boolean;
  canPurchase: boolean;
  canRenew: boolean;
}

export interface Actor {
  role: Role;
  customer: CustomerAllowances | null;
}

const STAFF_PERMISSIONS: ReadonlySet<Permission> = new Set(
  PERMISSIONS.filter((permission) => permission !== "users.manage" && permission !== "settings.manage"),
);

export function can(actor: Actor, permission: Permission): boolean {
  switch (actor.role) {
    case "admin":
      return true;
    case "staff":
      return STAFF_PERMISSIONS.has(permission);
    case "customer": {
      const allowed = actor.customer;
      if (!allowed) return false;
      switch (permission) {
        case "domains.view":
          return true;
        case "mailboxes.manage":
          return allowed.canManageMailboxes;
        case "paks.autoRenew":
          return allowed.canToggleAutoRenew;
        case "paks.purchase":
          return allowed.canPurchase;
        case "paks.renew":
          return allowed.canRenew;
        default:
          return false;
      }
    }
    default:
      // An unknown role gets nothing (fail closed).
      return false;
  }
}

export function isStaffRole(role: Role): boolean {
  return role === "admin" || role === "staff";
}
