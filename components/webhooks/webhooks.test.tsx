import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { WEBHOOK_EVENTS, type WebhookDeliveryView } from "@/lib/webhooks/model";
import { WebhookDeliveryLog } from "./delivery-log";
import { EMPTY_ENDPOINT, EndpointFields } from "./endpoint-fields";
import { WebhookEndpointsTable } from "./endpoints-table";

vi.mock("@/lib/actions/webhooks", () => ({ resendWebhookDeliveryAction: vi.fn() }));

const delivery = (patch: Partial<WebhookDeliveryView>): WebhookDeliveryView => ({
  id: "d1",
  eventId: "0b6f7c4e-5d1a-4f4e-9a53-2f8d4c1e9b70",
  eventType: "mailbox.created",
  status: "delivered",
  attempts: 4,
  lastStatusCode: 200,
  lastError: null,
  lastAttemptAt: "2026-12-07T22:14:05.123Z",
  nextAttemptAt: null,
  deliveredAt: "2026-12-07T22:14:05.123Z",
  createdAt: "2026-12-07T22:13:58.000Z",
  ...patch,
});

describe("the delivery log", () => {
  it("shows each delivery's event, status, attempts, last answer and time, with Resend", () => {
    const html = renderToStaticMarkup(
      <WebhookDeliveryLog
        endpointId="e1"
        log={{
          rows: [
            delivery({}),
            delivery({
              id: "d2",
              eventType: "pak.purchased",
              status: "pending",
              attempts: 2,
              lastStatusCode: 500,
              lastError: "The receiver answered HTTP 500.",
              deliveredAt: null,
              nextAttemptAt: "2026-12-07T22:24:05.000Z",
            }),
            delivery({
              id: "d3",
              status: "failed",
              attempts: 8,
              lastStatusCode: null,
              lastError: "The connection was refused.",
            }),
          ],
          page: 2,
          pageCount: 3,
          total: 60,
        }}
      />,
    );
    expect(html).toContain('<caption class="sr-only">Deliveries, newest first</caption>');
    expect(html).toContain("Delivered");
    expect(html).toContain("Waiting");
    expect(html).toContain("Failed");
    expect(html).toContain("HTTP 200");
    expect(html).toContain("The receiver answered HTTP 500.");
    expect(html).toContain("Next try 2026-12-07 22:24:05 UTC");
    expect(html).toContain("The connection was refused.");
    expect(html).toContain("2026-12-07 22:14:05 UTC");
    expect(html).toContain('aria-label="Resend pak.purchased"');
    expect(html).toContain('href="/settings/webhooks/e1?page=3"');
  });

  it("says when nothing was sent yet", () => {
    const html = renderToStaticMarkup(
      <WebhookDeliveryLog endpointId="e1" log={{ rows: [], page: 1, pageCount: 1, total: 0 }} />,
    );
    expect(html).toContain("No deliveries yet");
  });
});

describe("the endpoint form and list", () => {
  it("offers every event as a checkbox with what it means", () => {
    const html = renderToStaticMarkup(
      <EndpointFields
        draft={{ ...EMPTY_ENDPOINT, events: ["pak.renewed"] }}
        onChange={() => undefined}
        errors={{ url: ["The address must start with https:// (or http://)."] }}
      />,
    );
    for (const event of WEBHOOK_EVENTS) expect(html).toContain(`value="${event}"`);
    expect(html.match(/type="checkbox"/g)).toHaveLength(WEBHOOK_EVENTS.length);
    expect(html).toMatch(/value="pak.renewed"[^>]*checked=""|checked=""[^>]*value="pak.renewed"/);
    expect(html).toContain("The address must start with https://");
    expect(html).toContain("Address (URL)");
  });

  it("lists endpoints with their status and deliveries, linking to each", () => {
    const html = renderToStaticMarkup(
      <WebhookEndpointsTable
        endpoints={[
          {
            id: "e1",
            url: "https://billing.example.com/hooks",
            description: "WHMCS",
            events: ["mailbox.created", "pak.purchased"],
            enabled: false,
            createdByEmail: "admin@example.com",
            createdAt: "2026-12-01T10:00:00.000Z",
            pending: 2,
            failed: 1,
            delivered: 40,
            lastAttemptAt: null,
          },
        ]}
      />,
    );
    expect(html).toContain('href="/settings/webhooks/e1"');
    expect(html).toContain("Disabled");
    expect(html).toContain("40 delivered, 2 waiting");
    expect(html).toContain("1 failed");
    expect(html).toContain("None yet");
  });
});
