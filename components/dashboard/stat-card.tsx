import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

export function StatCard({
  label,
  value,
  detail,
  href,
  tone = "neutral",
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  href?: string;
  tone?: "neutral" | "warning" | "danger";
}) {
  const body = (
    <>
      <p className="text-sm text-muted">{label}</p>
      <p
        className={cn(
          "mt-1 text-2xl font-semibold tabular-nums",
          tone === "warning" && "text-warning",
          tone === "danger" && "text-danger",
        )}
      >
        {value}
      </p>
      {detail ? <p className="mt-1 text-xs text-muted">{detail}</p> : null}
    </>
  );
  const classes = "block rounded-lg border border-line bg-surface p-4 shadow-sm";
  return href ? (
    <Link href={href} className={cn(classes, "hover:border-accent")}>
      {body}
    </Link>
  ) : (
    <div className={classes}>{body}</div>
  );
}
