"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";

type CopyState = "idle" | "copied" | "failed";

/**
 * Copies a value to the clipboard. What happened is shown next to the button and announced by a
 * polite live region that is on the page before it changes, so screen readers hear it.
 */
export function CopyButton({
  value,
  label,
  className,
}: {
  value: string;
  /** What is copied, for the button's name: "Copy order id". */
  label: string;
  className?: string;
}) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // Without a secure context or permission; the value stays selectable on the page.
      setState("failed");
    }
    timer.current = setTimeout(() => setState("idle"), 4000);
  }

  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <button
        type="button"
        onClick={copy}
        title={label}
        className="inline-flex size-8 shrink-0 items-center justify-center rounded-md border border-line bg-surface text-muted hover:bg-raised hover:text-fg"
      >
        {state === "copied" ? (
          <Check aria-hidden="true" className="size-4 text-success" />
        ) : (
          <Copy aria-hidden="true" className="size-4" />
        )}
        <span className="sr-only">{label}</span>
      </button>
      <span role="status" className={cn("text-xs", state === "failed" ? "text-danger" : "text-success")}>
        {state === "copied" ? "Copied" : state === "failed" ? "Could not copy; select the text instead" : ""}
      </span>
    </span>
  );
}
