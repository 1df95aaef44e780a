import type { Role } from "@/lib/db/schema";

/**
 * What each role may do. Pure data and functions, so the permission matrix is testable on its
 * own; the guards in `guards.ts` apply it on every request.
 */
export const PERMISSIONS = [
  "domains.view",
  /** Add mailboxes (one by one, in bulk, from CSV). */
  "mailboxes.create",
  /**
   * Reset passwords, delete, forwarding, catch-all and eNom's webmail-admin flag: an administrator
   * mailbox can reset every mailbox of the domain, so the flag belongs with the powerful changes.
   */
  "mailboxes.manage",
  /**
   * Write the host records of a domain whose DNS is at eNom (the mail-delivery fix): SetHosts
   * replaces every record of the domain, so it stays with the reseller's own staff.
   */
  "dns.manage",
  "paks.autoRenew",
  "paks.purchase",
  "paks.renew",
  "paks.delete",
  /** The customers' pages and the read-only preview of their portal. */
  "customers.view",
  "customers.manage",
  "users.manage",
  "audit.view",
  /** The order history of every purchase, growth and renewal, with cost prices. */
  "orders.view",
  "settings.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface CustomerAllowances {
  canCreateMailboxes: boolean;
  /** Reset passwords, delete mailboxes and make administrators. */
  canManageMailboxes: boolean;
  canToggleAutoRenew: boolean;
  canPurchase: boolean;
  canRenew: boolean;
}

export interface Actor {
  role: Role;
  customer: CustomerAllowances | null;
  /**
   * A call through an API key: what its scopes allow (lib/api/scopes.ts). The key never exceeds
   * its holder: a permission needs both the role's (or customer's) grant and the key's.
   */
  apiKey?: { permissions: readonly Permission[] } | null;
}

const STAFF_PERMISSIONS: ReadonlySet<Permission> = new Set(
  PERMISSIONS.filter((permission) => permission !== "users.manage" && permission !== "settings.manage"),
);

/** Support sees what staff see and changes nothing. */
const SUPPORT_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  "domains.view",
  "customers.view",
  "audit.view",
]);

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.apiKey && !actor.apiKey.permissions.includes(permission)) return false;
  return roleCan(actor, permission);
}

function roleCan(actor: Actor, permission: Permission): boolean {
  switch (actor.role) {
    case "admin":
      return true;
    case "staff":
      return STAFF_PERMISSIONS.has(permission);
    case "support":
      return SUPPORT_PERMISSIONS.has(permission);
    case "customer": {
      const allowed = actor.customer;
      if (!allowed) return false;
      switch (permission) {
        case "domains.view":
          return true;
        case "mailboxes.create":
          return allowed.canCreateMailboxes;
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

/** The reseller's own people: they see every domain of the eNom account. */
export function isStaffRole(role: Role): boolean {
  return role === "admin" || role === "staff" || role === "support";
}

/** A role that may change nothing at all (every server action refuses it). */
export function isReadOnlyRole(role: Role): boolean {
  return role === "support";
}

export const READ_ONLY_REFUSAL =
  "Your support role can look but not change anything. Ask an admin or staff member.";
