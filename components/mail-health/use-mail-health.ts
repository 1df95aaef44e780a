"use client";

import { useQuery } from "@tanstack/react-query";
import type { MailFixPreview, MailHealthView } from "@/lib/mail-health/view";
import { queryKeys } from "@/lib/query-keys";

async function read<T>(path: string): Promise<T> {
  const response = await fetch(path, { cache: "no-store" });
  const body = (await response.json().catch(() => null)) as
    { ok: true; data: T } | { ok: false; message: string } | null;
  if (!body) throw new Error("The panel did not answer. Check your connection and try again.");
  if (!body.ok) throw new Error(body.message);
  return body.data;
}

/** The domain's mail health as last checked (never waits on DNS: a check is an action). */
export function useMailHealth(domain: string, initialData?: MailHealthView) {
  return useQuery({
    queryKey: queryKeys.domainMailHealth(domain),
    queryFn: () => read<MailHealthView>(`/api/domains/${encodeURIComponent(domain)}/mail-health`),
    initialData,
    staleTime: 30_000,
  });
}

/** What the fix would write, checked afresh each time the dialog opens. */
export function useMailFixPreview(domain: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.domainMailFix(domain),
    queryFn: () => read<MailFixPreview>(`/api/domains/${encodeURIComponent(domain)}/mail-health/fix`),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}
