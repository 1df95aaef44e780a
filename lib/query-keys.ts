/** React Query keys, shared by server prefetching and client components. */
export const queryKeys = {
  domainEmail: (domain: string) => ["domain-email", domain.toLowerCase()] as const,
  domainCatchAll: (domain: string) => ["domain-catch-all", domain.toLowerCase()] as const,
  domainForwarding: (domain: string) => ["domain-forwarding", domain.toLowerCase()] as const,
};
