import { AlertTriangle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { formatMegabytes } from "@/lib/format";
import { cn } from "@/lib/utils";
import { isNearlyFull, storagePercent } from "@/lib/validation/mailbox-rules";

/** Mailboxes used out of those purchased, as a bar that screen readers read as a sentence. */
export function UsageBar({ used, purchased, label }: { used: number; purchased: number; label: string }) {
  const share = purchased > 0 ? Math.min(100, Math.round((used / purchased) * 100)) : 0;
  const available = Math.max(0, purchased - used);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={purchased}
      aria-valuenow={used}
      aria-valuetext={`${used} of ${purchased} mailboxes used, ${available} available`}
      className="h-2.5 w-full overflow-hidden rounded-full bg-raised"
    >
      <div
        className={cn("h-full rounded-full", share >= 100 ? "bg-warning" : "bg-accent")}
        style={{ width: `${share}%` }}
      />
    </div>
  );
}

export { formatMegabytes };

/**
 * A mailbox's storage used against its quota (GetPOP3's `quotaused` and `quota`): a bar, the
 * amounts in words, and from NEARLY_FULL_PERCENT a warning icon with "97 % full" in text, so the
 * flag never rests on colour alone.
 */
export function StorageBar({
  usedMb,
  quotaMb,
  label,
}: {
  usedMb: number | null;
  quotaMb: number | null;
  label: string;
}) {
  const percent = storagePercent(usedMb, quotaMb);
  if (percent === null || usedMb === null || quotaMb === null)
    return <span className="text-xs text-muted">Not reported</span>;
  const nearlyFull = isNearlyFull(usedMb, quotaMb);
  const words = `${formatMegabytes(usedMb)} of ${formatMegabytes(quotaMb)}`;
  return (
    <span className="flex min-w-28 flex-col gap-1">
      <span
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, percent)}
        aria-valuetext={`${words} used (${percent} %)${nearlyFull ? ", nearly full" : ""}`}
        className="block h-2 w-full overflow-hidden rounded-full bg-raised"
      >
        <span
          className={cn("block h-full rounded-full", nearlyFull ? "bg-warning" : "bg-accent")}
          style={{ width: `${Math.min(100, percent)}%` }}
        />
      </span>
      <span className="flex flex-wrap items-center gap-1 text-xs whitespace-nowrap text-muted">
        {words}
        {nearlyFull ? (
          <Badge tone="warning" className="gap-1">
            <AlertTriangle aria-hidden="true" className="size-3" />
            {percent} % full
          </Badge>
        ) : null}
      </span>
    </span>
  );
}
