import { Badge } from "@/components/ui/badge";
import {
  ORDER_STATUS_LABELS,
  REQUEST_STATUS_LABELS,
  type PurchaseRequestStatus,
  type PurchaseStatus,
} from "@/lib/purchase-requests/types";

const REQUEST_TONES = {
  waiting: "warning",
  approved: "success",
  declined: "danger",
  withdrawn: "neutral",
} as const satisfies Record<PurchaseRequestStatus, string>;

const ORDER_TONES = {
  pending: "neutral",
  ok: "success",
  failed: "danger",
  unknown: "warning",
} as const satisfies Record<PurchaseStatus, string>;

export function RequestStatusBadge({ status }: { status: PurchaseRequestStatus }) {
  return <Badge tone={REQUEST_TONES[status]}>{REQUEST_STATUS_LABELS[status]}</Badge>;
}

export function OrderStatusBadge({ status }: { status: PurchaseStatus }) {
  return <Badge tone={ORDER_TONES[status]}>Order {ORDER_STATUS_LABELS[status]}</Badge>;
}
