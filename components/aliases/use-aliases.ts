"use client";

import { useQuery } from "@tanstack/react-query";
import { DomainEmailError } from "@/components/domains/use-domain-email";
import type { DomainAliasesResponse, DomainAliasesView } from "@/lib/aliases/model";
import { queryKeys } from "@/lib/query-keys";

export async function fetchAliases(domain: string): Promise<DomainAliasesView> {
  const response = await fetch(`/api/domains/${encodeURIComponent(domain)}/aliases`, { cache: "no-store" });
  const body = (await response.json().catch(() => null)) as DomainAliasesResponse | null;
  if (!body) throw new DomainEmailError("The panel did not answer. Check your connection and try again.");
  if (!body.ok) throw new DomainEmailError(body.message);
  return body.data;
}

/** The domain's aliases: read from the email service at each fetch, kept 30 s per domain. */
export function useAliases(domain: string) {
  return useQuery({
    queryKey: queryKeys.domainAliases(domain),
    queryFn: () => fetchAliases(domain),
    staleTime: 30_000,
  });
}
