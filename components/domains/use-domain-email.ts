"use client";

import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
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
 * Whether the page's server read is a later read of the domain than the one this tab holds.
 * Only a strictly later read wins: a page restored from the browser's history carries an older
 * read, and the tab's copy may hold changes confirmed since. Exported for tests.
 */
export function isLaterRead(
  server: Pick<DomainEmailView, "fetchedAt"> | undefined,
  held: Pick<DomainEmailView, "fetchedAt"> | undefined,
): server is DomainEmailView {
  if (!server || !held) return false;
  const serverAt = Date.parse(server.fetchedAt);
  const heldAt = Date.parse(held.fetchedAt);
  return Number.isFinite(serverAt) && (!Number.isFinite(heldAt) || serverAt > heldAt);
}

/** Puts the server's read in the cache when it is later than what the cache holds. */
function adoptLaterRead(queryClient: QueryClient, domain: string, server: DomainEmailView | undefined) {
  const key = queryKeys.domainEmail(domain);
  if (isLaterRead(server, queryClient.getQueryData<DomainEmailView>(key)))
    queryClient.setQueryData<DomainEmailView>(key, server);
}

/**
 * A domain's paks and mailboxes, cached per domain. They come from the account mirror; when its
 * read is old the server reads eNom again behind its answer (`refreshing`), so the query asks
 * again every few seconds until the newer read arrives. When a refresh fails the last good data
 * stays on screen (React Query keeps it) and `isError` tells the page to mark it as stale.
 *
 * React Query takes `initialData` only when it holds nothing for the domain; a page rendered
 * after a write (an order's "Open ‹domain›") brings a later read than the tab's, so that read
 * replaces the tab's before the first paint: never the old pak size or expiry first.
 */
export function useDomainEmail(domain: string, initialData?: DomainEmailView) {
  const queryClient = useQueryClient();
  // On mount, before the query reads the cache; later pages (router.refresh) in an effect, since
  // a render may not change what other mounted components are showing.
  useState(() => adoptLaterRead(queryClient, domain, initialData));
  useEffect(() => adoptLaterRead(queryClient, domain, initialData), [queryClient, domain, initialData]);
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
