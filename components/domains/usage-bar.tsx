import { cn } from "@/lib/utils";

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
