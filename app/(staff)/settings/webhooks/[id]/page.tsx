import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SettingsNav } from "@/components/settings/settings-nav";
import { CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { WebhookDeliveryLog } from "@/components/webhooks/delivery-log";
import { WebhookEndpointSettings } from "@/components/webhooks/endpoint-settings";
import { NotFoundError } from "@/lib/auth/errors";
import { requireStaffPage } from "@/lib/auth/guards";
import { getWebhookDeliveries, getWebhookEndpoint } from "@/lib/webhooks/endpoints";

export const metadata: Metadata = { title: "Webhook endpoint · Settings" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Admins: one endpoint's settings and its delivery log, newest first, with "Resend". */
interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function WebhookEndpointPage({ params, searchParams }: Props) {
  const user = await requireStaffPage("settings.manage");
  const { id } = await params;
  const { page } = await searchParams;
  if (!UUID.test(id)) notFound();
  const wanted = Number(typeof page === "string" ? page : "1");
  let endpoint;
  let log;
  try {
    endpoint = await getWebhookEndpoint(user, id);
    log = await getWebhookDeliveries(user, id, Number.isInteger(wanted) && wanted > 0 ? wanted : 1);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <>
      <PageHeader
        title="Settings"
        description={<span className="break-all">Webhook endpoint {endpoint.url}</span>}
      />
      <SettingsNav current="/settings/webhooks" />
      <p className="mb-4 text-sm">
        <Link href="/settings/webhooks" className="text-accent underline-offset-2 hover:underline">
          ← All webhook endpoints
        </Link>
      </p>
      <WebhookEndpointSettings endpoint={endpoint} />
      <section aria-labelledby="delivery-log-title" className="mt-8">
        <CardTitle className="mb-3">
          <span id="delivery-log-title">Delivery log</span>
        </CardTitle>
        <WebhookDeliveryLog endpointId={endpoint.id} log={log} />
      </section>
    </>
  );
}
