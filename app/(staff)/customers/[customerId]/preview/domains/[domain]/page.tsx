import type { Metadata } from "next";
import { PortalDomainContent } from "@/components/portal/portal-domain";
import { PreviewFrame } from "@/components/portal/preview-frame";
import { getBranding } from "@/lib/branding/settings";
import { domainCapabilities } from "@/lib/domains/email";
import { requirePortalDomain } from "@/lib/auth/guards";
import { auditPortalPreview, requirePortalPreview } from "@/lib/portal/preview";

type Params = Promise<{ customerId: string; domain: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { customerId, domain } = await params;
  const { customer } = await requirePortalPreview(customerId);
  return { title: `Portal preview: ${domain.toLowerCase()} · ${customer.name}` };
}

/** Staff: one of the customer's domains as the customer sees it, with every change turned off. */
export default async function PortalPreviewDomainPage({ params }: { params: Params }) {
  const { customerId, domain: requested } = await params;
  const preview = await requirePortalPreview(customerId);
  // Only the customer's own domains: the stand-in user has exactly their access.
  const domain = await requirePortalDomain(preview.viewer, requested);
  const [branding] = await Promise.all([getBranding(), auditPortalPreview(preview, "domain", domain)]);
  return (
    <PreviewFrame preview={preview} branding={branding}>
      <PortalDomainContent
        user={preview.viewer}
        domain={domain}
        base={preview.base}
        capabilities={domainCapabilities(preview.viewer)}
      />
    </PreviewFrame>
  );
}
