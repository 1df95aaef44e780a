import type { Metadata } from "next";
import { PortalDomainContent } from "@/components/portal/portal-domain";
import { normaliseDomain } from "@/lib/auth/guards";
import { requirePortalDomain, requirePortalUser } from "@/lib/auth/guards";

type Params = Promise<{ domain: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { domain } = await params;
  return { title: normaliseDomain(domain) ?? "Domain" };
}

/** One of the customer's domains; another customer's, or an unknown one, is a real 404. */
export default async function PortalDomainPage({ params }: { params: Params }) {
  const user = await requirePortalUser();
  const domain = await requirePortalDomain(user, (await params).domain);
  return <PortalDomainContent user={user} domain={domain} base="/portal" />;
}
