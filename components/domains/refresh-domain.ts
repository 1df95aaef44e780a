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
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.domainEmail(domain) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.domainCatchAll(domain) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.domainForwarding(domain) }),
  ]);
  return failure;
}
