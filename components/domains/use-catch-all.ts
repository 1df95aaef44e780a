"use client";

import { useQuery } from "@tanstack/react-query";
import type { DomainCatchAllResponse } from "@/lib/domains/types";
import { queryKeys } from "@/lib/query-keys";
import { DomainEmailError } from "./use-domain-email";

export async function fetchCatchAll(domain: string): Promise<{ catchAll: string | null }> {
  const response = await fetch(`/api/domains/${encodeURIComponent(domain)}/catch-all`, { cache: "no-store" });
  const body = (await response.json().catch(() => null)) as DomainCatchAllResponse | null;
  if (!body) throw new DomainEmailError("The panel did not answer. Check your connection and try again.");
  if (!body.ok) throw new DomainEmailError(body.message);
  return body.data;
}

/** The domain's catch-all, cached per domain like its paks and mailboxes. */
export function useCatchAll(domain: string, initialData?: { catchAll: string | null }) {
  return useQuery({
    queryKey: queryKeys.domainCatchAll(domain),
    queryFn: () => fetchCatchAll(domain),
    initialData,
    staleTime: 15_000,
  });
}
