import type { AutoRenewSummary } from "@/lib/domains/domain-list";

/** Storage per mailbox: 1024 MB → "1 GB", 1536 MB (with extra storage) → "1.5 GB". */
export function formatQuota(mb: number): string {
  const gb = mb / 1024;
  return `${Number.isInteger(gb) ? gb : gb.toFixed(1)} GB`;
}

const clock = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** When data was read, e.g. "Mar 4, 14:05 UTC" (fixed zone, so server and browser agree). */
export function formatReadAt(iso: string): string {
  return `${clock.format(new Date(iso))} UTC`;
}

export const AUTO_RENEW_LABELS: Record<AutoRenewSummary, string> = {
  on: "On",
  off: "Off",
  mixed: "Some paks",
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
