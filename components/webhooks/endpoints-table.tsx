import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { WebhookEndpointView } from "@/lib/webhooks/model";
import { formatUtcSecond } from "./format";

/** The registered endpoints: where each sends, what, whether it is on, and how its deliveries went. */
export function WebhookEndpointsTable({ endpoints }: { endpoints: WebhookEndpointView[] }) {
  return (
    <Table caption="Webhook endpoints">
      <thead>
        <tr>
          <Th>Address</Th>
          <Th>Events</Th>
          <Th>Status</Th>
          <Th>Deliveries</Th>
          <Th>Last attempt</Th>
        </tr>
      </thead>
      <tbody>
        {endpoints.map((endpoint) => (
          <tr key={endpoint.id}>
            <Td className="max-w-md">
              <Link
                href={`/settings/webhooks/${endpoint.id}`}
                className="font-medium break-all text-accent underline-offset-2 hover:underline"
              >
                {endpoint.url}
              </Link>
              {endpoint.description ? <p className="text-xs text-muted">{endpoint.description}</p> : null}
            </Td>
            <Td className="text-xs">{endpoint.events.join(", ")}</Td>
            <Td>
              <Badge tone={endpoint.enabled ? "success" : "neutral"}>
                {endpoint.enabled ? "Enabled" : "Disabled"}
              </Badge>
            </Td>
            <Td className="text-xs whitespace-nowrap">
              {endpoint.delivered} delivered
              {endpoint.pending ? `, ${endpoint.pending} waiting` : ""}
              {endpoint.failed ? <span className="text-danger">, {endpoint.failed} failed</span> : null}
            </Td>
            <Td className="whitespace-nowrap">
              {endpoint.lastAttemptAt ? formatUtcSecond(endpoint.lastAttemptAt) : "None yet"}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
