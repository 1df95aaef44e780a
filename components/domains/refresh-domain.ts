"use client";

import type { QueryClient } from "@tanstack/react-query";
import type { DomainRefreshResponse } from "@/lib/domains/types";
import { queryKeys } from "@/lib/query-keys";

/**
 * Asks the panel to read the domain from eNom now (POST …/refresh), then refetches everything the
 * page shows of it. Resolves to the reason the read failed, or null.
 */
export async function refreshDomainNow(domain: string, queryClient: QueryClient): Promise<string | null> {
  let failure: string | null = null;
  try {
    const response = await fetch(`/api/domains/${encodeURIComponent(domain)}/refresh`, { method: "POST" });
    const body = (await response.json().catch(() => null)) as DomainRefreshResponse | null;
    if (!body?.ok)
      failure = body?.message ?? "The panel did not answer. Check your connection and try again.";
  } catch {
    failure = "The panel did not answer. Check your connection and try again.";
  }
  await queryClient.invalidateQueries({ queryKey: queryKeys.domain(domain) });
  return failure;
}

/**
 * After a write that changed these domains (a purchase, growth or renewal, whose server action has
 * already read them back into the mirror): what this tab holds of them is old. Reads on screen are
 * fetched again at once; reads of a page not on screen are dropped, so the next visit takes the
 * server's new read instead of showing the old one while it asks again. Quotes and the purchase
 * wizard's domain search depend on the paks too, and go the same way.
 */
export async function forgetDomainReads(queryClient: QueryClient, domains: readonly string[]): Promise<void> {
  const prefixes = [...new Set(domains.map((domain) => domain.toLowerCase()))].map((domain) =>
    queryKeys.domain(domain),
  );
  for (const queryKey of [...prefixes, queryKeys.quotes(), queryKeys.purchaseDomainSearches()])
    queryClient.removeQueries({ queryKey, type: "inactive" });
  await Promise.all(
    prefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey, refetchType: "active" })),
  );
}
