import { Globe, PackagePlus, RefreshCcw } from "lucide-react";
import Link from "next/link";
import { formatReadAt } from "@/components/domains/format";
import { MirrorSyncNotice } from "@/components/domains/mirror-sync-notice";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { describeUpstreamFailure } from "@/lib/domains/upstream-failure";
import { getPortalHome } from "@/lib/portal/home";
import { getNearlyFullMailboxes } from "@/lib/storage-alerts/reads";
import { AttentionList } from "./attention-list";
import { DomainCards } from "./domain-cards";
import { NearlyFullMailboxes } from "./nearly-full-list";
import { portalHomeActions, type HomeActions, type OrderAllowances } from "./portal-actions";

/**
 * The customer's home: what needs attention, then every domain as a card. Shared by the portal
 * and the staff preview (which passes a customer's view and its own base address).
 */
export async function PortalHomeContent({
  user,
  base,
  hasDomains,
}: {
  user: SessionUser;
  base: string;
  /** Whether any domain is assigned at all (read from the database, so no upstream call is needed to know). */
  hasDomains: boolean;
}) {
  if (!hasDomains) {
    return (
      <>
        <PageHeader title="Your domains" />
        <EmptyState icon={Globe} title="No domains yet">
          No domains have been added to your account yet. Once they are, their email appears here.
        </EmptyState>
      </>
    );
  }
  const [home, nearlyFull] = await Promise.all([
    getPortalHome(user).catch((error: unknown) => {
      // Not answering, or answering in a form the panel does not understand: each said as it is.
      const failure = describeUpstreamFailure(error, "your domains", "The email service");
      if (failure) return failure;
      throw error;
    }),
    // From the mirror, the customer's own domains only.
    getNearlyFullMailboxes(user),
  ]);
  if ("kind" in home) {
    return (
      <>
        <PageHeader title="Your domains" />
        <Alert tone="danger" title={home.title}>
          {home.message}
        </Alert>
      </>
    );
  }
  const allowed: OrderAllowances = { purchase: can(user, "paks.purchase"), renew: can(user, "paks.renew") };
  const actions = portalHomeActions(allowed, home.domains, base);
  return (
    <>
      <PageHeader
        title="Your domains"
        actions={actions.buy || actions.renew ? <HomeOrderLinks actions={actions} /> : undefined}
        description={
          <>
            Mailboxes, renewals and storage of your domains.{" "}
            <span className="whitespace-nowrap">
              {home.stale ? "Some domains are from an earlier read; read" : "Read"} at{" "}
              {formatReadAt(home.fetchedAt)}.
            </span>
          </>
        }
      />
      <MirrorSyncNotice status={home.mirror} service="the email service" />
      <AttentionList items={home.attention} base={base} />
      <NearlyFullMailboxes list={nearlyFull} base={base} canBuy={allowed.purchase} />
      {home.domains.length ? (
        <DomainCards domains={home.domains} base={base} allowed={allowed} />
      ) : home.mirror.state !== "synced" ? null : (
        <EmptyState icon={Globe} title="Your domains are not available right now">
          Your domains were not found with the email service. Contact support if this persists.
        </EmptyState>
      )}
    </>
  );
}

/** Buy and renew, each only when allowed and when it leads somewhere. */
function HomeOrderLinks({ actions }: { actions: HomeActions }) {
  return (
    <>
      {actions.renew ? (
        <Link href={actions.renew} className={buttonClasses("secondary")}>
          <RefreshCcw aria-hidden="true" className="size-4" />
          Renew
        </Link>
      ) : null}
      {actions.buy ? (
        <Link href={actions.buy} className={buttonClasses("primary")}>
          <PackagePlus aria-hidden="true" className="size-4" />
          Buy email
        </Link>
      ) : null}
    </>
  );
}
