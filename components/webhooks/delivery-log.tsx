import { Inbox } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import type { WebhookDeliveryPage, WebhookDeliveryView } from "@/lib/webhooks/model";
import { formatUtcSecond } from "./format";
import { ResendDelivery } from "./resend-button";

const STATUS: Record<
  WebhookDeliveryView["status"],
  { label: string; tone: "success" | "warning" | "danger" }
> = {
  delivered: { label: "Delivered", tone: "success" },
  pending: { label: "Waiting", tone: "warning" },
  failed: { label: "Failed", tone: "danger" },
};

function lastAnswer(delivery: WebhookDeliveryView): string {
  if (delivery.attempts === 0) return "Not sent yet";
  if (delivery.lastError) return delivery.lastError;
  return delivery.lastStatusCode === null ? "—" : `HTTP ${delivery.lastStatusCode}`;
}

/** An endpoint's deliveries, newest first, a page at a time, each with "Resend". */
export function WebhookDeliveryLog({ endpointId, log }: { endpointId: string; log: WebhookDeliveryPage }) {
  if (log.total === 0)
    return (
      <EmptyState icon={Inbox} title="No deliveries yet">
        Events this endpoint subscribes to show here as they are sent. Send a test event to try it.
      </EmptyState>
    );
  return (
    <>
      <Table caption="Deliveries, newest first">
        <thead>
          <tr>
            <Th>Event</Th>
            <Th>Status</Th>
            <Th>Attempts</Th>
            <Th>Last answer</Th>
            <Th>Time</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {log.rows.map((delivery) => (
            <tr key={delivery.id}>
              <Td>
                <span className="font-medium">{delivery.eventType}</span>
                <p className="font-mono text-xs break-all text-muted">{delivery.eventId}</p>
              </Td>
              <Td>
                <Badge tone={STATUS[delivery.status].tone}>{STATUS[delivery.status].label}</Badge>
              </Td>
              <Td>{delivery.attempts}</Td>
              <Td className="max-w-xs text-xs break-words">
                {lastAnswer(delivery)}
                {delivery.status === "pending" && delivery.nextAttemptAt ? (
                  <p className="text-muted">Next try {formatUtcSecond(delivery.nextAttemptAt)}</p>
                ) : null}
              </Td>
              <Td className="text-xs whitespace-nowrap">
                {formatUtcSecond(delivery.deliveredAt ?? delivery.lastAttemptAt ?? delivery.createdAt)}
              </Td>
              <Td className="text-right">
                <ResendDelivery deliveryId={delivery.id} eventType={delivery.eventType} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination
        label="Pages of the delivery log"
        page={log.page}
        pageCount={log.pageCount}
        hrefFor={(page) => `/settings/webhooks/${endpointId}?page=${page}`}
      />
    </>
  );
}
