/** React Query keys, shared by server prefetching and client components. */
export const queryKeys = {
  domainEmail: (domain: string) => ["domain-email", domain.toLowerCase()] as const,
  domainCatchAll: (domain: string) => ["domain-catch-all", domain.toLowerCase()] as const,
  domainForwarding: (domain: string) => ["domain-forwarding", domain.toLowerCase()] as const,
  /** A quote, by the query string the wizard sends (the same choices are the same quote). */
  purchaseQuote: (query: string) => ["purchase-quote", query] as const,
  renewalQuote: (query: string) => ["renewal-quote", query] as const,
  /** The purchase wizard's domain search, by the text typed. */
  purchaseDomains: (q: string) => ["purchase-domains", q.trim().toLowerCase()] as const,
  /** One attempt or renewal batch, as its result page shows it. */
  purchaseResult: (key: string) => ["purchase-result", key.toLowerCase()] as const,
};
