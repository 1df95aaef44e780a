import "server-only";
import { NotFoundError } from "@/lib/auth/errors";
import { requirePermission, requireTeamAdmin } from "@/lib/auth/guards";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getCustomers } from "@/lib/customers/pages";
import type { ApiKeyView } from "./key-model";
import { listApiKeys } from "./keys";
import { API_SCOPES, SCOPE_DESCRIPTIONS, scopesForCustomer, type ScopeOffer } from "./scopes";

/**
 * The reads of the API key pages, each checking its caller inside: Settings → API keys (admins)
 * and the portal's API keys (a customer's administrator, their own customer's keys only).
 */

export async function getStaffApiKeysPage(user: SessionUser): Promise<{
  keys: ApiKeyView[];
  customers: { id: string; name: string }[];
  scopes: ScopeOffer[];
}> {
  if (!isStaffRole(user.role)) throw new NotFoundError("That page");
  requirePermission(user, "settings.manage");
  const [keys, customers] = await Promise.all([listApiKeys({ customerId: "all" }), getCustomers(user)]);
  return {
    keys,
    customers: customers.map(({ customer }) => ({ id: customer.id, name: customer.name })),
    scopes: API_SCOPES.map((scope) => ({
      scope,
      label: SCOPE_DESCRIPTIONS[scope].label,
      description: SCOPE_DESCRIPTIONS[scope].staff,
    })),
  };
}

export async function getPortalApiKeysPage(user: SessionUser): Promise<{
  keys: ApiKeyView[];
  customerName: string;
  scopes: ScopeOffer[];
}> {
  const { customer } = await requireTeamAdmin(user);
  return {
    keys: await listApiKeys({ customerId: customer.id }),
    customerName: customer.name,
    scopes: scopesForCustomer(customer).map((scope) => ({
      scope,
      label: SCOPE_DESCRIPTIONS[scope].label,
      description: SCOPE_DESCRIPTIONS[scope].customer,
    })),
  };
}
