import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiReference } from "@/components/api/api-reference";
import { PageHeader } from "@/components/ui/page-header";
import { getPortalApiReference } from "@/lib/api/reference";
import { NotFoundError } from "@/lib/auth/errors";
import { requirePortalUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "API reference" };

/** A customer's administrator: how its systems call the API with the keys made here. */
export default async function PortalApiReferencePage() {
  const user = await requirePortalUser();
  const document = await getPortalApiReference(user).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title="API reference"
        description="Every call your systems can make with your API keys, what each takes and what it answers."
        actions={
          <Link href="/portal/api-keys" className="text-sm text-accent underline">
            Back to API keys
          </Link>
        }
      />
      <ApiReference document={document} documentHref={null} keysWhere="API keys, on the previous page" />
    </>
  );
}
