import type { Metadata } from "next";
import { PortalDomainContent } from "@/components/portal/portal-domain";
import { UnconfirmedOrders } from "@/components/purchases/unconfirmed-orders";
import { unconfirmedOrders } from "@/components/purchases/unconfirmed";
import { normaliseDomain } from "@/lib/auth/guards";
import { requirePortalDomain, requirePortalUser } from "@/lib/auth/guards";
import { listPurchaseAttempts } from "@/lib/purchases/reads";

type Params = Promise<{ domain: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { domain } = await params;
  return { title: normaliseDomain(domain) ?? "Domain" };
}

/**
 * One of the customer's domains; another customer's, or an unknown one, is a real 404. Orders of
 * the domain the email service has not confirmed yet are said above the paks, which change on
 * their own once it answers.
 */
export default async function PortalDomainPage({ params }: { params: Params }) {
  const user = await requirePortalUser();
  const domain = await requirePortalDomain(user, (await params).domain);
  // The customer's own orders only (the read keeps to them); a read, nothing is written.
  const orders = unconfirmedOrders(await listPurchaseAttempts(user, domain));
  return (
    <PortalDomainContent
      user={user}
      domain={domain}
      base="/portal"
      notice={
        <UnconfirmedOrders
          domain={domain}
          initialOrders={orders}
          basePath="/portal"
          serviceName="the email service"
        />
      }
    />
  );
}
