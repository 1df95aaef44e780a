"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { setPakAutoRenewAction } from "@/lib/actions/paks";
import { cn } from "@/lib/utils";

/**
 * One pak's auto-renew in the expirations table. It flips at once and stays flipped while the
 * change is sent and the table is read again; if the change fails it flips back and says why.
 */
export function PakAutoRenewSwitch({
  domain,
  bundleId,
  autoRenew,
  disabled = false,
}: {
  domain: string;
  bundleId: number;
  autoRenew: boolean;
  /** The user may look but not change it. */
  disabled?: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(autoRenew);
  const [error, setError] = useState<string | null>(null);

  const toggle = () => {
    if (pending || disabled) return;
    const next = !shown;
    setError(null);
    startTransition(async () => {
      setShown(next);
      let message: string | null = null;
      try {
        const result = await setPakAutoRenewAction({ domain, bundleId, autoRenew: next });
        if (!result.ok) message = result.message;
      } catch {
        message =
          "The panel did not answer, so the change may not have been made. The table now shows the current state.";
      }
      if (message) setError(message);
      // Either way the table is read again, so the switch ends on the true state.
      router.refresh();
    });
  };

  return (
    <div>
      <div className="flex items-center gap-2">
        <button
          type="button"
          role="switch"
          aria-checked={shown}
          aria-label={`Auto-renew for pak ${bundleId} of ${domain}`}
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
        <span aria-hidden="true" className="text-sm">
          {shown ? "On" : "Off"}
        </span>
      </div>
      {error ? (
        <p role="alert" className="mt-1 max-w-56 text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
