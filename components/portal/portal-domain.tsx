import { ArrowLeft, PackagePlus } from "lucide-react";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { DomainEmailSections } from "@/components/domains/domain-email-sections";
import { DomainEmailSkeleton } from "@/components/domains/skeletons";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import type { SessionUser } from "@/lib/auth/session";
import { domainCapabilities } from "@/lib/domains/email";
import type { DomainCapabilities } from "@/lib/domains/types";
import { portalDomainDescription } from "./portal-actions";

/**
 * One of the customer's domains: the very panels staff use (paks, mailbox grid, catch-all), with
 * only what the reseller allows this customer. The caller has checked the domain is theirs.
 */
export function PortalDomainContent({
  user,
  domain,
  base,
  capabilities = domainCapabilities(user),
  notice,
}: {
  user: SessionUser;
  domain: string;
  base: string;
  capabilities?: DomainCapabilities;
  /** Shown above the paks: orders of the domain not confirmed yet. */
  notice?: ReactNode;
}) {
  return (
    <>
      <PageHeader
        title={domain}
        description={portalDomainDescription(capabilities)}
        actions={
          <>
            <Link href={base} className={buttonClasses("secondary")}>
              <ArrowLeft aria-hidden="true" className="size-4" />
              All domains
            </Link>
            {capabilities.purchase ? (
              <Link
                href={`${base}/purchase?domain=${encodeURIComponent(domain)}`}
                className={buttonClasses("primary")}
              >
                <PackagePlus aria-hidden="true" className="size-4" />
                Buy email
              </Link>
            ) : null}
          </>
        }
      />
      {notice}
      <Suspense fallback={<DomainEmailSkeleton />}>
        <DomainEmailSections user={user} domain={domain} capabilities={capabilities} />
      </Suspense>
    </>
  );
}
