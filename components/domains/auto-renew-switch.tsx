"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { setPakAutoRenewAction } from "@/lib/actions/paks";
import type { DomainEmailView, PakView } from "@/lib/domains/types";
import { queryKeys } from "@/lib/query-keys";
import { cn } from "@/lib/utils";
import { unwrapAction } from "./action-error";

function withAutoRenew(view: DomainEmailView, bundleId: number, autoRenew: boolean): DomainEmailView {
  return {
    ...view,
    paks: view.paks.map((pak) => (pak.bundleId === bundleId ? { ...pak, autoRenew } : pak)),
  };
}

/**
 * A pak's auto-renew as a switch. It flips at once (optimistic); if the change fails it flips
 * back, says why, and the paks are read again so the switch shows the true state.
 */
export function AutoRenewSwitch({ domain, pak }: { domain: string; pak: PakView }) {
  const queryClient = useQueryClient();
  const key = queryKeys.domainEmail(domain);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const mutation = useMutation({
    mutationFn: (autoRenew: boolean) =>
      unwrapAction(() => setPakAutoRenewAction({ domain, bundleId: pak.bundleId, autoRenew })),
    onMutate: async (autoRenew) => {
      setNotice(null);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<DomainEmailView>(key);
      if (previous) queryClient.setQueryData(key, withAutoRenew(previous, pak.bundleId, autoRenew));
      return { previous };
    },
    onError: (error, _autoRenew, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      setNotice({ ok: false, text: error.message });
    },
    onSuccess: (result) => setNotice({ ok: true, text: result.message ?? "Saved." }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  const checked = pak.autoRenew;
  return (
    <div>
      <div className="flex items-center gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={checked}
          aria-label={`Auto-renew for pak ${pak.bundleId}`}
          aria-disabled={mutation.isPending || undefined}
          onClick={() => {
            if (!mutation.isPending) mutation.mutate(!checked);
          }}
          className={cn(
            "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 border-transparent transition-colors",
            checked ? "bg-accent" : "bg-muted",
            mutation.isPending && "cursor-wait opacity-70",
          )}
        >
          <span
            aria-hidden="true"
            className={cn(
              "inline-block size-5 rounded-full bg-surface shadow transition-transform",
              checked ? "translate-x-5" : "translate-x-0",
            )}
          />
        </button>
        <span aria-hidden="true" className="text-sm font-medium">
          {checked ? "On" : "Off"}
        </span>
      </div>
      <div aria-live="polite" className="mt-1 text-xs">
        {notice ? (
          <p
            role={notice.ok ? "status" : "alert"}
            className={notice.ok ? "text-success" : "font-medium text-danger"}
          >
            {notice.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
