"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useOptimistic, useState, useTransition } from "react";
import { setPakAutoRenewAction } from "@/lib/actions/paks";
import type { PakView } from "@/lib/domains/types";
import { queryKeys } from "@/lib/query-keys";
import { cn } from "@/lib/utils";

/**
 * A pak's auto-renew as a switch: the one control of the domain page and the expirations table,
 * on the one server path (setPakAutoRenewAction). It flips at once and stays flipped while the
 * change is sent and the page reads the pak again (`reread`); if the change fails it says why and
 * ends on the true state, since the page has read it again either way.
 */
export function PakAutoRenewSwitch({
  domain,
  bundleId,
  autoRenew,
  label,
  reread,
  disabled = false,
  sayDone = true,
}: {
  domain: string;
  bundleId: number;
  autoRenew: boolean;
  /** The switch's accessible name. */
  label: string;
  /** Reads the pak again after the change, whatever its outcome. */
  reread: () => unknown;
  /** The user may look but not change it. */
  disabled?: boolean;
  /** Say what was done under the switch (a table row keeps to its errors). */
  sayDone?: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(autoRenew);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const toggle = () => {
    if (pending || disabled) return;
    const next = !shown;
    setNotice(null);
    startTransition(async () => {
      setShown(next);
      try {
        const result = await setPakAutoRenewAction({ domain, bundleId, autoRenew: next });
        setNotice({ ok: result.ok, text: result.message ?? "Saved." });
      } catch {
        setNotice({
          ok: false,
          text: "The panel did not answer, so the change may not have been made. The page now shows the current state.",
        });
      }
      await reread();
    });
  };

  const shownNotice = notice && (sayDone || !notice.ok) ? notice : null;
  return (
    <div>
      <div className="flex items-center gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={shown}
          aria-label={label}
          aria-disabled={pending || disabled || undefined}
          onClick={toggle}
          className={cn(
            "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 border-transparent transition-colors",
            shown ? "bg-accent" : "bg-muted",
            pending && "cursor-wait opacity-70",
            disabled && "cursor-not-allowed opacity-60",
          )}
        >
          <span
            aria-hidden="true"
            className={cn(
              "inline-block size-5 rounded-full bg-surface shadow transition-transform",
              shown ? "translate-x-5" : "translate-x-0",
            )}
          />
        </button>
        <span aria-hidden="true" className="text-sm font-medium">
          {shown ? "On" : "Off"}
        </span>
      </div>
      <div aria-live="polite" className="mt-1 max-w-56 text-xs">
        {shownNotice ? (
          <p
            role={shownNotice.ok ? "status" : "alert"}
            className={shownNotice.ok ? "text-success" : "font-medium text-danger"}
          >
            {shownNotice.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** The switch on a domain's page, whose paks are read with React Query. */
export function AutoRenewSwitch({ domain, pak }: { domain: string; pak: PakView }) {
  const queryClient = useQueryClient();
  return (
    <PakAutoRenewSwitch
      domain={domain}
      bundleId={pak.bundleId}
      autoRenew={pak.autoRenew}
      label={`Auto-renew for pak ${pak.bundleId}`}
      reread={() => queryClient.invalidateQueries({ queryKey: queryKeys.domainEmail(domain) })}
    />
  );
}
