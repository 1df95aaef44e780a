import "server-only";
import { getEnomClient } from "@/lib/enom";
import { logger } from "@/lib/logger";
import { listMirrorDomainNames } from "@/lib/mirror/read";

/**
 * The eNom account's domain names (`sld.tld`, lower-case, sorted), for assigning domains to
 * customers: registered with the account and on its DNS hosting (GetDomains tabs IOwn and IHost;
 * both can have email, seeds/000). The Customers pages and actions reach eNom only through this
 * function. It reads eNom itself rather than the domains page's shared copy, so that assigning
 * works from eNom's current list and an outage shows as one. It throws what the eNom client throws
 * (EnomError, EnomUnavailable); callers decide what still works without it.
 */
export async function listAccountDomainNames(): Promise<string[]> {
  const { domains, truncated } = await getEnomClient().getDomains();
  // Only past the client's page limit (hundreds of thousands of domains); the rest cannot be assigned.
  if (truncated)
    logger.warn(
      { listed: domains.length },
      "eNom's domain list was cut short; later domains cannot be assigned",
    );
  return [...new Set(domains.map((domain) => domain.name.toLowerCase()))].sort();
}

/**
 * The account's domain names as the account mirror holds them (lower-case, sorted), for pages:
 * no eNom call. Empty until the first full sync has listed the account. Assigning still checks
 * against eNom itself (`listAccountDomainNames`), since a write should rest on eNom's word.
 */
export async function listMirroredDomainNames(): Promise<string[]> {
  return listMirrorDomainNames();
}
