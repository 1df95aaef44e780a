import type { Metadata } from "next";
import { Suspense } from "react";
import { PortalHomeContent } from "@/components/portal/portal-home";
import { PortalHomeSkeleton } from "@/components/portal/portal-home-skeleton";
import { PreviewFrame } from "@/components/portal/preview-frame";
import { getBranding } from "@/lib/branding/settings";
import { getCustomerDomains } from "@/lib/customers/pages";
import { auditPortalPreview, requirePortalPreview } from "@/lib/portal/preview";

type Params = Promise<{ customerId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { customer } = await requirePortalPreview((await params).customerId);
  return { title: `Portal preview: ${customer.name}` };
}

/** Staff: the customer's portal home as the customer sees it, read-only; audited. */
export default async function PortalPreviewPage({ params }: { params: Params }) {
  const preview = await requirePortalPreview((await params).customerId);
  const [branding, assigned] = await Promise.all([
    getBranding(),
    getCustomerDomains(preview.staff, preview.customer.id),
    auditPortalPreview(preview, "home"),
  ]);
  return (
    <PreviewFrame preview={preview} branding={branding}>
      <Suspense fallback={<PortalHomeSkeleton />}>
        <PortalHomeContent user={preview.viewer} base={preview.base} hasDomains={assigned.length > 0} />
      </Suspense>
    </PreviewFrame>
  );
}
