import { Webhook } from "lucide-react";
import type { Metadata } from "next";
import { SettingsNav } from "@/components/settings/settings-nav";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AddWebhookEndpoint } from "@/components/webhooks/add-webhook-endpoint";
import { WebhookEndpointsTable } from "@/components/webhooks/endpoints-table";
import { requireStaffPage } from "@/lib/auth/guards";
import { getWebhookEndpoints } from "@/lib/webhooks/endpoints";

export const metadata: Metadata = { title: "Webhooks · Settings" };

/** Admins: the addresses that receive the panel's events (a billing system's), and how they fare. */
export default async function WebhooksSettingsPage() {
  const user = await requireStaffPage("settings.manage");
  const endpoints = await getWebhookEndpoints(user);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Prices, the brand your customers see, how people sign in, and where events are sent."
        actions={<AddWebhookEndpoint />}
      />
      <SettingsNav current="/settings/webhooks" />
      <p className="mb-4 max-w-3xl text-sm text-muted">
        Each endpoint receives the events it subscribes to as signed JSON POSTs (Standard Webhooks: headers{" "}
        <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code>). A
        delivery that fails is tried again for about two days, waiting longer each time.
      </p>
      {endpoints.length === 0 ? (
        <EmptyState icon={Webhook} title="No endpoints yet">
          Add one to tell your billing system when mailboxes are created, paks are bought or renewed, and
          more.
        </EmptyState>
      ) : (
        <WebhookEndpointsTable endpoints={endpoints} />
      )}
    </>
  );
}
