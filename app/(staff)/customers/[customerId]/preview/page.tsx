import type { Metadata } from "next";
import { Suspense } from "react";
import { PortalHomeContent } from "@/components/portal/portal-home";
import { PortalHomeSkeleton } from "@/components/portal/portal-home-skeleton";
import { PreviewFrame } from "@/components/portal/preview-frame";
import { PreviewStart } from "@/components/portal/preview-start";
import { getBranding } from "@/lib/branding/settings";
import { getCustomerDomains } from "@/lib/customers/pages";
import { PREVIEW_GRANT_MINUTES } from "@/lib/portal/preview-grant";
import { requirePortalPreview } from "@/lib/portal/preview";

type Params = Promise<{ customerId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { customer } = await requirePortalPreview((await params).customerId);
  return { title: `Portal preview: ${customer.name}` };
}

/**
 * Staff: the customer's portal home as the customer sees it, read-only. A read: without a preview
 * started (and audited) by the Start button, it offers that button instead.
 */
export default async function PortalPreviewPage({ params }: { params: Params }) {
  const preview = await requirePortalPreview((await params).customerId);
  if (!preview.granted)
    return (
      <PreviewStart
        customerId={preview.customer.id}
        customerName={preview.customer.name}
        minutes={PREVIEW_GRANT_MINUTES}
      />
    );
  const [branding, assigned] = await Promise.all([
    getBranding(),
    getCustomerDomains(preview.staff, preview.customer.id),
  ]);
  return (
    <PreviewFrame preview={preview} branding={branding}>
      <Suspense fallback={<PortalHomeSkeleton />}>
        <PortalHomeContent user={preview.viewer} base={preview.base} hasDomains={assigned.length > 0} />
      </Suspense>
    </PreviewFrame>
  );
}
