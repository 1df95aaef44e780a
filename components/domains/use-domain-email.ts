"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { DomainEmailResponse, DomainEmailView } from "@/lib/domains/types";
import { queryKeys } from "@/lib/query-keys";

export class DomainEmailError extends Error {}

export async function fetchDomainEmail(domain: string): Promise<DomainEmailView> {
  const response = await fetch(`/api/domains/${encodeURIComponent(domain)}/email`, { cache: "no-store" });
  const body = (await response.json().catch(() => null)) as DomainEmailResponse | null;
  if (!body) throw new DomainEmailError("The panel did not answer. Check your connection and try again.");
  if (!body.ok) throw new DomainEmailError(body.message);
  return body.data;
}

/**
 * A domain's paks and mailboxes, cached per domain. When a refresh fails the last good data
 * stays on screen (React Query keeps it) and `isError` tells the page to mark it as stale.
 */
export function useDomainEmail(domain: string, initialData?: DomainEmailView) {
  return useQuery({
    queryKey: queryKeys.domainEmail(domain),
    queryFn: () => fetchDomainEmail(domain),
    initialData,
    staleTime: 15_000,
  });
}

/** After a write: read eNom's true state again. */
export function useRefreshDomainEmail(domain: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.domainEmail(domain) });
}
