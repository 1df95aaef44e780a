import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { DomainEmailSections } from "@/components/domains/domain-email-sections";
import { DomainEmailSkeleton } from "@/components/domains/skeletons";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import type { SessionUser } from "@/lib/auth/session";
import { domainCapabilities } from "@/lib/domains/email";
import type { DomainCapabilities } from "@/lib/domains/types";

/**
 * One of the customer's domains: the very panels staff use (paks, mailbox grid, catch-all), with
 * only what the reseller allows this customer. The caller has checked the domain is theirs.
 */
export function PortalDomainContent({
  user,
  domain,
  base,
  capabilities = domainCapabilities(user),
}: {
  user: SessionUser;
  domain: string;
  base: string;
  capabilities?: DomainCapabilities;
}) {
  return (
    <>
      <PageHeader
        title={domain}
        description={
          capabilities.manageMailboxes || capabilities.createMailboxes
            ? "Mailboxes, storage and renewals of this domain."
            : "Mailboxes, storage and renewals of this domain. Ask your provider to make changes."
        }
        actions={
          <Link href={base} className={buttonClasses("secondary")}>
            <ArrowLeft aria-hidden="true" className="size-4" />
            All domains
          </Link>
        }
      />
      <Suspense fallback={<DomainEmailSkeleton />}>
        <DomainEmailSections user={user} domain={domain} capabilities={capabilities} />
      </Suspense>
    </>
  );
}
