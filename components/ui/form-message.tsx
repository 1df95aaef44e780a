import type { ActionResult } from "@/lib/actions/result";
import { cn } from "@/lib/utils";

/** The outcome of a form's last submission, announced to screen readers. */
export function FormMessage({
  state,
  className,
}: {
  state: ActionResult<unknown> | undefined;
  className?: string;
}) {
  if (!state || (!state.message && state.ok === false)) return <div aria-live="polite" className="sr-only" />;
  const text = state.ok ? state.message : state.message;
  if (!text) return <div aria-live="polite" className="sr-only" />;
  return (
    <div
      role={state.ok ? "status" : "alert"}
      className={cn(
        "rounded-md border px-3 py-2 text-sm",
        state.ok ? "border-success/40 bg-success-soft" : "border-danger/40 bg-danger-soft",
        className,
      )}
    >
      {text}
    </div>
  );
}
