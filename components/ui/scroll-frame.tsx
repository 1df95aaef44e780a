"use client";

import { MoveHorizontal } from "lucide-react";
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * Shadows at the edges that still hide columns: each edge is covered by a surface-coloured layer
 * that scrolls with the content (`local`) over a shadow fixed to the frame (`scroll`), so a shadow
 * shows only where there is more to scroll to. Colours follow the theme, dark mode included.
 */
const EDGE_SHADOWS: CSSProperties = {
  backgroundImage: [
    "linear-gradient(to right, var(--color-surface) 30%, transparent)",
    "linear-gradient(to left, var(--color-surface) 30%, transparent)",
    "radial-gradient(farthest-side at 0 50%, color-mix(in srgb, var(--color-fg) 22%, transparent), transparent)",
    "radial-gradient(farthest-side at 100% 50%, color-mix(in srgb, var(--color-fg) 22%, transparent), transparent)",
  ].join(", "),
  backgroundPosition: "left center, right center, left center, right center",
  backgroundRepeat: "no-repeat",
  backgroundSize: "2.5rem 100%, 2.5rem 100%, 0.875rem 100%, 0.875rem 100%",
  backgroundAttachment: "local, local, scroll, scroll",
};

/**
 * A frame that scrolls its table sideways instead of widening the page on a narrow screen.
 * When the table is wider than the frame, a line above it says so, the hidden edge shows a
 * shadow, and the frame becomes a named, focusable region so the keyboard can scroll it too
 * (`focusable={false}` where the table's own controls already take the focus). `relative`: the
 * visually hidden labels inside are absolutely placed and must not widen the page.
 */
export function ScrollFrame({
  label,
  focusable = true,
  className,
  children,
}: {
  /** What the table holds, for the region's name while it scrolls. */
  label?: string;
  focusable?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = frame.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const measure = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // The table grows and shrinks with its rows, inside a frame that keeps its size.
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  const named = overflowing && focusable;
  return (
    <div className="min-w-0">
      {overflowing ? (
        <p className="mb-1 flex items-center gap-1 text-xs text-muted">
          <MoveHorizontal aria-hidden="true" className="size-3.5 shrink-0" />
          Scroll sideways to see every column.
        </p>
      ) : null}
      <div
        ref={frame}
        role={named ? "region" : undefined}
        aria-label={named ? `${label ?? "Table"} (scrolls sideways)` : undefined}
        tabIndex={named ? 0 : undefined}
        style={overflowing ? EDGE_SHADOWS : undefined}
        className={cn("relative overflow-x-auto rounded-lg border border-line bg-surface", className)}
      >
        {children}
      </div>
    </div>
  );
}
