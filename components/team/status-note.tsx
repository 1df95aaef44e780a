"use client";

import { forwardRef } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { cn } from "@/lib/utils";

/**
 * The outcome of the last change in a list, announced to screen readers and able to take focus
 * (the row whose button was pressed may be gone after the change).
 */
export const StatusNote = forwardRef<HTMLDivElement, { result: ActionResult<unknown> | null }>(
  function StatusNote({ result }, ref) {
    return (
      <div ref={ref} tabIndex={-1} aria-live="polite" className="focus:outline-none">
        {result?.message ? (
          <p
            role={result.ok ? "status" : "alert"}
            className={cn(
              "mb-3 rounded-md border px-3 py-2 text-sm",
              result.ok ? "border-success/40 bg-success-soft" : "border-danger/40 bg-danger-soft",
            )}
          >
            {result.message}
          </p>
        ) : null}
      </div>
    );
  },
);
