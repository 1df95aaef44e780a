import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

type Tone = "info" | "warning" | "danger" | "success";

const tones: Record<Tone, string> = {
  info: "border-accent/40 bg-accent-soft text-fg",
  warning: "border-warning/40 bg-warning-soft text-fg",
  danger: "border-danger/40 bg-danger-soft text-fg",
  success: "border-success/40 bg-success-soft text-fg",
};

/** A message block; `role="alert"` only for problems, so routine notes are not announced loudly. */
export function Alert({
  tone = "info",
  title,
  children,
}: {
  tone?: Tone;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      className={cn("rounded-md border p-4 text-sm", tones[tone])}
    >
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-1 text-muted">{children}</div> : null}
    </div>
  );
}
