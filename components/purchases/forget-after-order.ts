"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { forgetDomainReads } from "@/components/domains/refresh-domain";
import type { AttemptView } from "@/lib/purchases/types";

/**
 * The domains whose reads this tab must forget, once for each change of an order's state: when
 * the page opens (the order was just placed, or is being looked at again) and each time one of
 * its paks settles. Keyed by domain, status and new expiry, so polling that changes nothing
 * forgets nothing. Exported for tests.
 */
export function orderChangeKey(attempts: readonly Pick<AttemptView, "domain" | "status" | "newExpiry">[]) {
  return attempts
    .map((attempt) => `${attempt.domain.toLowerCase()}:${attempt.status}:${attempt.newExpiry ?? ""}`)
    .sort()
    .join("|");
}

export function domainsOf(changeKey: string): string[] {
  if (!changeKey) return [];
  return [...new Set(changeKey.split("|").map((part) => part.slice(0, part.indexOf(":"))))];
}

/**
 * An order's result page: what the tab holds of the ordered domains (paks, mailboxes, quotes) is
 * forgotten as the order changes, so "Open ‹domain›" shows the pak as the server read it back
 * after the order, never the size or expiry from before it.
 */
export function useForgetAfterOrder(attempts: readonly AttemptView[]): void {
  const queryClient = useQueryClient();
  const changeKey = orderChangeKey(attempts);
  useEffect(() => {
    void forgetDomainReads(queryClient, domainsOf(changeKey));
  }, [queryClient, changeKey]);
}
