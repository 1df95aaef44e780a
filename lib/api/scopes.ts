import type { CustomerAllowances, Permission } from "@/lib/auth/permissions";
import type { ApiScope } from "@/lib/db/schema";

/**
 * What an API key's scopes let it do, as the panel's permissions. A call needs both: the key's
 * scopes allow the permission, and the user the key acts as has it (`can`), so a key never does
 * more than its creator or its customer may. Pure data: the settings screens read it too, so it
 * holds the scopes' list itself (the schema's, checked below) rather than loading the schema.
 */
export type { ApiScope };

export const API_SCOPES = [
  "read",
  "mailboxes",
  "aliases",
  "paks",
  "purchases",
  "customers",
  "audit",
] as const satisfies readonly ApiScope[];
// Every scope of the schema is listed above (this fails to compile otherwise).
const _everyScopeListed: [Exclude<ApiScope, (typeof API_SCOPES)[number]>] extends [never] ? true : never =
  true;
void _everyScopeListed;

export const SCOPE_PERMISSIONS: Record<ApiScope, readonly Permission[]> = {
  read: ["domains.view", "customers.view", "orders.view", "audit.view"],
  mailboxes: ["mailboxes.create", "mailboxes.manage"],
  aliases: ["mailboxes.manage"],
  paks: ["paks.autoRenew"],
  purchases: ["paks.purchase", "paks.renew"],
  customers: ["customers.manage"],
  audit: ["audit.view"],
};

/** The scopes a key limited to one customer may carry: nothing about other customers or the log. */
export const CUSTOMER_SCOPES = [
  "read",
  "mailboxes",
  "aliases",
  "paks",
  "purchases",
] as const satisfies readonly ApiScope[];
export type CustomerApiScope = (typeof CUSTOMER_SCOPES)[number];

export function isCustomerScope(scope: ApiScope): scope is CustomerApiScope {
  return (CUSTOMER_SCOPES as readonly ApiScope[]).includes(scope);
}

export function scopesAllow(scopes: readonly ApiScope[], permission: Permission): boolean {
  return scopes.some((scope) => SCOPE_PERMISSIONS[scope]?.includes(permission) ?? false);
}

export interface ScopeDescription {
  label: string;
  /** For the reseller's admins. */
  staff: string;
  /** For a customer's administrator in the portal (never names the upstream provider). */
  customer: string;
}

export const SCOPE_DESCRIPTIONS: Record<ApiScope, ScopeDescription> = {
  read: {
    label: "Read",
    staff:
      "List and read domains, paks, mailboxes, aliases, expirations, customers, orders and the audit log. Changes nothing.",
    customer: "List and read your domains, paks, mailboxes, aliases and orders. Changes nothing.",
  },
  mailboxes: {
    label: "Mailboxes",
    staff: "Create mailboxes, reset their passwords, change the administrator flag and delete them.",
    customer: "Create mailboxes and, where allowed, reset their passwords and delete them.",
  },
  aliases: {
    label: "Aliases",
    staff: "Manage aliases, forwarding and catch-all addresses.",
    customer: "Manage aliases, forwarding and catch-all addresses.",
  },
  paks: {
    label: "Paks",
    staff: "Turn auto-renew on or off.",
    customer: "Turn auto-renew on or off.",
  },
  purchases: {
    label: "Purchases",
    staff: "Buy paks, more mailboxes or storage, and renew paks. Each one debits the eNom account.",
    customer: "Buy and renew at your prices. Each purchase is billed to you.",
  },
  customers: {
    label: "Customers",
    staff: "Create and change customers, their domains and what they may do in the portal.",
    customer: "",
  },
  audit: {
    label: "Audit log",
    staff: "Read the audit log.",
    customer: "",
  },
};

/** A scope as a form offers it, described for whoever reads the form. */
export interface ScopeOffer {
  scope: ApiScope;
  label: string;
  description: string;
}

/**
 * The scopes a customer's administrator may give a key today: read always, the others only when
 * the reseller allows the customer at least one of what the scope does.
 */
export function scopesForCustomer(allowances: CustomerAllowances): CustomerApiScope[] {
  const offered: Record<CustomerApiScope, boolean> = {
    read: true,
    mailboxes: allowances.canCreateMailboxes || allowances.canManageMailboxes,
    aliases: allowances.canManageMailboxes,
    paks: allowances.canToggleAutoRenew,
    purchases: allowances.canPurchase || allowances.canRenew,
  };
  return CUSTOMER_SCOPES.filter((scope) => offered[scope]);
}
