import type { ExpiryState } from "@/lib/domains/expiry";
import type { DomainCapabilities } from "@/lib/domains/types";

/**
 * What the portal offers a customer, from what its reseller allows: an entry to buy or renew
 * wherever that is allowed and leads somewhere, and otherwise words that say who can do it. Each
 * link here opens a page the same customer may use (the wizards answer 404 without the allowance).
 * Plain functions, so every combination of allowances is testable.
 */

/** The allowances these decisions read (a customer's, or the staff preview's: none). */
export interface OrderAllowances {
  purchase: boolean;
  renew: boolean;
}

/** What the portal knows of a domain on the home page. */
export interface HomeDomain {
  domain: string;
  paks: number;
  /** Email can be bought for it (registered with the account, or on its DNS hosting). */
  emailAvailable: boolean;
}

export interface HomeActions {
  /** The purchase wizard, when buying is allowed and some domain can take email. */
  buy: string | null;
  /** The renewal page, when renewing is allowed and some domain has a pak to renew. */
  renew: string | null;
}

export function portalHomeActions(
  allowed: OrderAllowances,
  domains: readonly HomeDomain[],
  base: string,
): HomeActions {
  return {
    buy: allowed.purchase && domains.some((domain) => domain.emailAvailable) ? `${base}/purchase` : null,
    renew: allowed.renew && domains.some((domain) => domain.paks > 0) ? `${base}/renew` : null,
  };
}

/**
 * A domain card without email: a way to buy it when allowed, else who can add it. Null for a
 * domain that has email (its page has the rest).
 */
export type EmptyDomainAction = { kind: "buy"; href: string } | { kind: "ask"; text: string } | null;

export function emptyDomainAction(
  allowed: OrderAllowances,
  domain: HomeDomain,
  base: string,
): EmptyDomainAction {
  if (domain.paks > 0) return null;
  if (!domain.emailAvailable)
    return { kind: "ask", text: "Email cannot be added to this domain yet: ask your provider." };
  if (allowed.purchase)
    return { kind: "buy", href: `${base}/purchase?domain=${encodeURIComponent(domain.domain)}` };
  return { kind: "ask", text: "Ask your provider to add email to it." };
}

/**
 * The domain page's line under its name: what this customer cannot do here, and who can. Turning
 * auto-renew on or off alone does not count as "making changes" (the pak cards show the switch).
 */
export function portalDomainDescription(
  capabilities: Pick<DomainCapabilities, "createMailboxes" | "manageMailboxes" | "purchase" | "renew">,
): string {
  const base = "Mailboxes, storage and renewals of this domain.";
  const mailboxes = capabilities.createMailboxes || capabilities.manageMailboxes;
  const orders = capabilities.purchase || capabilities.renew;
  if (!mailboxes && !orders) return `${base} Ask your provider to make changes.`;
  if (!mailboxes) return `${base} Ask your provider to add or change mailboxes.`;
  if (!orders) return `${base} Ask your provider for more mailboxes, storage or a renewal.`;
  return base;
}

/**
 * The renew page opened without a pak: the customer's paks that can be renewed, soonest expiry
 * first, each domain once; a domain without email has nothing to renew.
 */
export interface RenewableDomain {
  domain: string;
  paks: number;
  nearestExpiry: { iso: string; state: ExpiryState; days: number } | null;
}

export function renewableDomains<T extends RenewableDomain>(domains: readonly T[]): T[] {
  return domains
    .filter((domain) => domain.paks > 0)
    .sort(
      (a, b) =>
        (a.nearestExpiry?.iso ?? "9999-12-31").localeCompare(b.nearestExpiry?.iso ?? "9999-12-31") ||
        a.domain.localeCompare(b.domain),
    );
}
