import { Badge } from "@/components/ui/badge";
import type { ExpiryState } from "@/lib/domains/expiry";

/** Marks an expired pak, or one due within 30 days; nothing for the rest. */
export function ExpiryBadge({ state, days }: { state: ExpiryState; days: number }) {
  if (state === "expired") return <Badge tone="danger">Expired</Badge>;
  if (state === "soon")
    return <Badge tone="warning">{days === 0 ? "Today" : days === 1 ? "Tomorrow" : `In ${days} days`}</Badge>;
  return null;
}
