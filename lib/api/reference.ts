import "server-only";
import { requireTeamAdmin } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { getBranding } from "@/lib/branding/settings";
import { buildOpenApiDocument } from "./openapi";
import { API_OPERATIONS } from "./registry";
import { isCustomerScope } from "./scopes";

/**
 * The API reference a customer's administrator reads in the portal: only the operations a
 * customer key can call (its scopes, and what a customer may do at all), under the reseller's
 * product name, never the panel's nor the upstream provider's.
 */
export async function getPortalApiReference(user: SessionUser): Promise<Record<string, unknown>> {
  await requireTeamAdmin(user);
  const { productName } = await getBranding();
  const operations = API_OPERATIONS.filter(
    (operation) => isCustomerScope(operation.scope) && !CUSTOMER_NEVER.has(operation.permission),
  );
  return buildOpenApiDocument(operations, "/api/v1", {
    title: `${productName} API`,
    description: `Your domains, paks, mailboxes, aliases and orders in ${productName}. Authenticate with one of your API keys as a bearer token (\`Authorization: Bearer mpk_…\`); a key does only what its scopes and your account allow. Errors are \`application/problem+json\`. Lists page with \`cursor\` and \`nextCursor\`.`,
  });
}

/** Staff's own reads: a customer key is refused them whatever its scopes. */
const CUSTOMER_NEVER = new Set(["customers.view", "customers.manage", "audit.view", "orders.view"]);
