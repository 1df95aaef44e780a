import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { CatchAllPanel } from "@/components/domains/catch-all-panel";
import { PaksPanel } from "@/components/domains/paks-panel";
import { DomainEmailSkeleton } from "@/components/domains/skeletons";
import { MailboxGrid } from "@/components/mailboxes/mailbox-grid";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import type { SessionUser } from "@/lib/auth/session";
import { domainCapabilities, getDomainCatchAll, getDomainEmail } from "@/lib/domains/email";
import { isUpstreamFailure } from "@/lib/domains/read-errors";
import type { DomainCapabilities } from "@/lib/domains/types";
import { PhoneWidth } from "./phone-width";

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
          capabilities.manageMailboxes
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
        <DomainSections user={user} domain={domain} capabilities={capabilities} />
      </Suspense>
    </>
  );
}

async function DomainSections({
  user,
  domain,
  capabilities,
}: {
  user: SessionUser;
  domain: string;
  capabilities: DomainCapabilities;
}) {
  const [email, catchAll] = await Promise.allSettled([
    getDomainEmail(user, domain),
    getDomainCatchAll(user, domain),
  ]);
  for (const read of [email, catchAll])
    if (read.status === "rejected" && !isUpstreamFailure(read.reason)) throw read.reason;
  const initialEmail = email.status === "fulfilled" ? email.value : undefined;
  const initialCatchAll = catchAll.status === "fulfilled" ? { catchAll: catchAll.value } : undefined;
  return (
    <div className="flex flex-col gap-6">
      <PaksPanel domain={domain} initialData={initialEmail} capabilities={capabilities} />
      <PhoneWidth className="rounded-lg border border-line bg-surface p-3 shadow-sm sm:p-5">
        <MailboxGrid domain={domain} initialData={initialEmail} capabilities={capabilities} />
      </PhoneWidth>
      <CatchAllPanel
        domain={domain}
        initialCatchAll={initialCatchAll}
        initialEmail={initialEmail}
        canManage={capabilities.manageMailboxes}
      />
    </div>
  );
}
