import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ArrowLeft } from "lucide-react";
import { CatchAllPanel } from "@/components/domains/catch-all-panel";
import { PaksPanel } from "@/components/domains/paks-panel";
import { DomainEmailSkeleton } from "@/components/domains/skeletons";
import { MailboxGrid } from "@/components/mailboxes/mailbox-grid";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/auth/errors";
import { requireDomainAccess, requireStaffPage } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { domainCapabilities, getDomainCatchAll, getDomainEmail } from "@/lib/domains/email";
import { isUpstreamFailure } from "@/lib/domains/read-errors";

type Params = Promise<{ domain: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { domain } = await params;
  return { title: domain.toLowerCase() };
}

/**
 * One domain: its paks, its mailboxes and its catch-all. The access check runs first (someone
 * else's domain is a real 404); then the server reads eNom once for the paks and mailboxes
 * (GetPOP3) and once for the catch-all, so the page arrives with data, and React Query keeps both
 * fresh in the browser. If eNom fails here, the panels say so and offer to try again.
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
        <DomainEmailSections user={user} domain={domain} />
      </Suspense>
    </>
  );
}

async function DomainEmailSections({ user, domain }: { user: SessionUser; domain: string }) {
  const [email, catchAll] = await Promise.allSettled([
    getDomainEmail(user, domain),
    getDomainCatchAll(user, domain),
  ]);
  for (const read of [email, catchAll])
    if (read.status === "rejected" && !isUpstreamFailure(read.reason)) throw read.reason;
  const initialEmail = email.status === "fulfilled" ? email.value : undefined;
  const initialCatchAll = catchAll.status === "fulfilled" ? { catchAll: catchAll.value } : undefined;
  const capabilities = domainCapabilities(user);
  return (
    <div className="flex flex-col gap-6">
      <PaksPanel domain={domain} initialData={initialEmail} capabilities={capabilities} />
      <div className="rounded-lg border border-line bg-surface p-5 shadow-sm">
        <MailboxGrid domain={domain} initialData={initialEmail} capabilities={capabilities} />
      </div>
      <CatchAllPanel
        domain={domain}
        initialCatchAll={initialCatchAll}
        initialEmail={initialEmail}
        canManage={capabilities.manageMailboxes}
      />
    </div>
  );
}
