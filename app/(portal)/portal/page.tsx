import { Globe } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { listCustomerDomains } from "@/lib/db/queries/customers";

export const metadata: Metadata = { title: "Your domains" };

export default async function PortalHome() {
  const user = await requirePageUser();
  const domains =
    user.role === "customer" && user.customerId ? await listCustomerDomains(user.customerId) : [];
  return (
    <>
      <PageHeader title="Your domains" description="The domains whose email you manage here." />
      {domains.length === 0 ? (
        <EmptyState icon={Globe} title="No domains yet">
          Your provider has not assigned any domains to your account yet.
        </EmptyState>
      ) : (
        <ul aria-label="Your domains" className="grid gap-3 sm:grid-cols-2">
          {domains.map((domain) => (
            <li key={domain} className="flex items-center gap-3 rounded-lg border border-line bg-surface p-4">
              <Globe aria-hidden="true" className="size-5 text-muted" />
              <span className="font-medium">{domain}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
