"use client";

import { useQuery } from "@tanstack/react-query";
import { DomainEmailError } from "@/components/domains/use-domain-email";
import type { DomainForwardingResponse, DomainForwardingView } from "@/lib/domains/types";
import { queryKeys } from "@/lib/query-keys";

export async function fetchDomainForwarding(domain: string): Promise<DomainForwardingView> {
  const response = await fetch(`/api/domains/${encodeURIComponent(domain)}/forwarding`, {
    cache: "no-store",
  });
  const body = (await response.json().catch(() => null)) as DomainForwardingResponse | null;
  if (!body) throw new DomainEmailError("The panel did not answer. Check your connection and try again.");
  if (!body.ok) throw new DomainEmailError(body.message);
  return body.data;
}

/**
 * The domain's forwards (one GetPOPForwarding), cached per domain apart from its mailboxes: the
 * grid shows the mailboxes at once and each mailbox's forwarding when this arrives. A failed read
 * is said as such, never shown as "no forwarding".
 */
export function useDomainForwarding(domain: string) {
  return useQuery({
    queryKey: queryKeys.domainForwarding(domain),
    queryFn: () => fetchDomainForwarding(domain),
    staleTime: 15_000,
  });
}
