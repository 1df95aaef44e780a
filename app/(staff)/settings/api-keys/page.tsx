import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeyList } from "@/components/api-keys/api-key-list";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getStaffApiKeysPage } from "@/lib/api/key-pages";
import { requireStaffPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "API keys" };

/** Admins only: the keys that let other systems (billing, provisioning) use the API. */
export default async function ApiKeysSettingsPage() {
  const user = await requireStaffPage("settings.manage");
  const { keys, customers, scopes } = await getStaffApiKeysPage(user);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Keys that let your billing system and other tools use the API, each with its own scopes."
      />
      <SettingsNav current="/settings/api-keys" />
      <div className="flex flex-col gap-8">
        <p className="text-sm text-muted">
          A staff key acts as you, with your role; a key limited to a customer sees only that customer&apos;s
          domains and never does more than the customer may in the portal. Every call is in the{" "}
          <Link href="/audit" className="text-accent underline">
            audit log
          </Link>{" "}
          under the key&apos;s name. The{" "}
          <Link href="/settings/api" className="text-accent underline">
            API reference
          </Link>{" "}
          lists every endpoint.
        </p>
        <Card aria-labelledby="create-key-heading">
          <CardTitle className="mb-3">
            <span id="create-key-heading">Create an API key</span>
          </CardTitle>
          <CreateApiKeyForm audience="staff" scopes={scopes} customers={customers} />
        </Card>
        <section aria-labelledby="keys-heading" className="flex flex-col gap-3">
          <h2 id="keys-heading" className="text-base font-semibold">
            API keys ({keys.length})
          </h2>
          <ApiKeyList keys={keys} audience="staff" />
        </section>
      </div>
    </>
  );
}
