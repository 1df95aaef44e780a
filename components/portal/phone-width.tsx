import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * Keeps shared panels within a phone's width. Their tables scroll sideways inside their own
 * frame, but the visually hidden labels in them are absolutely placed, and without a positioned,
 * clipping ancestor they would widen the whole page past a 375 px screen.
 */
export function PhoneWidth({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("relative overflow-x-clip", className)}>{children}</div>;
}
