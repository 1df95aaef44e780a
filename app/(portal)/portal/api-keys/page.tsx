import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiKeyList } from "@/components/api-keys/api-key-list";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPortalApiKeysPage } from "@/lib/api/key-pages";
import { NotFoundError } from "@/lib/auth/errors";
import { requirePortalUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "API keys" };

/** A customer's administrator makes keys for their own systems; anyone else gets a 404. */
export default async function PortalApiKeysPage() {
  const user = await requirePortalUser();
  const page = await getPortalApiKeysPage(user).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title="API keys"
        description={`Keys that let the systems of ${page.customerName} manage your email through the API.`}
      />
      <div className="flex flex-col gap-8">
        <p className="text-sm text-muted">
          A key sees only your domains and never does more than your account may here. Anyone with a key can
          use it: give each system its own, limit it to the addresses it calls from, and revoke it when it is
          no longer needed.{" "}
          <Link href="/portal/api-keys/reference" className="text-accent underline">
            How to call the API
          </Link>
        </p>
        <Card aria-labelledby="create-key-heading">
          <CardTitle className="mb-3">
            <span id="create-key-heading">Create an API key</span>
          </CardTitle>
          <CreateApiKeyForm audience="customer" scopes={page.scopes} />
        </Card>
        <section aria-labelledby="keys-heading" className="flex flex-col gap-3">
          <h2 id="keys-heading" className="text-base font-semibold">
            API keys ({page.keys.length})
          </h2>
          <ApiKeyList keys={page.keys} audience="customer" />
        </section>
      </div>
    </>
  );
}
