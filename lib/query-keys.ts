/**
 * React Query keys, shared by server prefetching and client components. Everything read of one
 * domain sits under `domain(name)`, so a write forgets or refetches all of it with one prefix.
 */
export const queryKeys = {
  /** The prefix of every read of one domain: its email, catch-all, forwarding and orders. */
  domain: (domain: string) => ["domain", domain.toLowerCase()] as const,
  domainEmail: (domain: string) => ["domain", domain.toLowerCase(), "email"] as const,
  domainCatchAll: (domain: string) => ["domain", domain.toLowerCase(), "catch-all"] as const,
  domainForwarding: (domain: string) => ["domain", domain.toLowerCase(), "forwarding"] as const,
  /** The domain's aliases (forward-only addresses, GET /api/domains/[domain]/aliases). */
  domainAliases: (domain: string) => ["domain", domain.toLowerCase(), "aliases"] as const,
  /** The domain's mail-delivery health as last checked, and what its fix would write. */
  domainMailHealth: (domain: string) => ["domain", domain.toLowerCase(), "mail-health"] as const,
  domainMailFix: (domain: string) => ["domain", domain.toLowerCase(), "mail-health", "fix"] as const,
  /** The domain's recent purchases and renewals (GET /api/purchases?domain=…). */
  domainOrders: (domain: string) => ["domain", domain.toLowerCase(), "orders"] as const,
  /** The prefix of every quote: a quote depends on the paks as they are, so an order forgets them all. */
  quotes: () => ["quote"] as const,
  /** A quote, by the query string the wizard sends (the same choices are the same quote). */
  purchaseQuote: (query: string) => ["quote", "purchase", query] as const,
  renewalQuote: (query: string) => ["quote", "renewal", query] as const,
  /** The prefix of every domain search of the purchase wizard (each domain's pak count changes with an order). */
  purchaseDomainSearches: () => ["purchase-domains"] as const,
  /** The purchase wizard's domain search, by the text typed. */
  purchaseDomains: (q: string) => ["purchase-domains", q.trim().toLowerCase()] as const,
  /** One attempt or renewal batch, as its result page shows it. */
  purchaseResult: (key: string) => ["purchase-result", key.toLowerCase()] as const,
};
