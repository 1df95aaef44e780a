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

/** How often the query asks again while the server reads the domain behind its answer. */
const POLL_WHILE_REFRESHING_MS = 2_000;

/**
 * A domain's paks and mailboxes, cached per domain. They come from the account mirror; when its
 * read is old the server reads eNom again behind its answer (`refreshing`), so the query asks
 * again every few seconds until the newer read arrives. When a refresh fails the last good data
 * stays on screen (React Query keeps it) and `isError` tells the page to mark it as stale.
 */
export function useDomainEmail(domain: string, initialData?: DomainEmailView) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.domainEmail(domain),
    queryFn: async () => {
      const data = await fetchDomainEmail(domain);
      const previous = queryClient.getQueryData<DomainEmailView>(queryKeys.domainEmail(domain));
      // A newer read of the domain also brought its catch-all and forwards: show those too.
      if (previous && previous.fetchedAt !== data.fetchedAt) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.domainCatchAll(domain) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.domainForwarding(domain) });
      }
      return data;
    },
    initialData,
    staleTime: 15_000,
    refetchInterval: (query) => (query.state.data?.refreshing ? POLL_WHILE_REFRESHING_MS : false),
  });
}

/** After a write (the action has already read it into the mirror): read the mirror again. */
export function useRefreshDomainEmail(domain: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.domainEmail(domain) });
}
