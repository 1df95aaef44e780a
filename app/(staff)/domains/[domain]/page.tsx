import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ArrowLeft } from "lucide-react";
import { DomainEmailSections } from "@/components/domains/domain-email-sections";
import { DomainEmailSkeleton } from "@/components/domains/skeletons";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/auth/errors";
import { requireDomainAccess, requireStaffPage } from "@/lib/auth/guards";
import { domainCapabilities } from "@/lib/domains/email";

type Params = Promise<{ domain: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { domain } = await params;
  return { title: domain.toLowerCase() };
}

/**
 * One domain: its paks, its mailboxes and its catch-all. The access check runs first (someone
 * else's domain is a real 404); the sections are the portal's too (DomainEmailSections).
 */
export default async function DomainPage({ params }: { params: Params }) {
  const user = await requireStaffPage("domains.view");
  const { domain: requested } = await params;
  const domain = await requireDomainAccess(user, requested).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title={domain}
        description="Email paks, mailboxes and catch-all."
        actions={
          <Link href="/domains" className={buttonClasses("secondary")}>
            <ArrowLeft aria-hidden="true" className="size-4" />
            All domains
          </Link>
        }
      />
      <Suspense fallback={<DomainEmailSkeleton />}>
        <DomainEmailSections user={user} domain={domain} capabilities={domainCapabilities(user)} />
      </Suspense>
    </>
  );
}
