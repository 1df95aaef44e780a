import { Badge } from "@/components/ui/badge";
import type { ItemStatus, RunStatus } from "@/lib/jobs/model";

const RUN_LABELS: Record<
  RunStatus,
  { label: string; tone: "neutral" | "accent" | "success" | "warning" | "danger" }
> = {
  queued: { label: "Waiting", tone: "neutral" },
  running: { label: "Running", tone: "accent" },
  done: { label: "Finished", tone: "success" },
  failed: { label: "Stopped", tone: "danger" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const { label, tone } = RUN_LABELS[status];
  return <Badge tone={tone}>{label}</Badge>;
}

const ITEM_LABELS: Record<
  ItemStatus,
  { label: string; tone: "neutral" | "accent" | "success" | "warning" | "danger" }
> = {
  pending: { label: "Waiting", tone: "neutral" },
  running: { label: "Sending", tone: "accent" },
  ok: { label: "Done", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  unknown: { label: "Not confirmed", tone: "warning" },
  skipped: { label: "Not sent", tone: "neutral" },
};

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  const { label, tone } = ITEM_LABELS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
