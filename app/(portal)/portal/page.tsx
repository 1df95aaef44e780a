import type { Metadata } from "next";
import { Suspense } from "react";
import { PortalHomeSkeleton } from "@/components/portal/portal-home-skeleton";
import { PortalHomeContent } from "@/components/portal/portal-home";
import { requirePortalUser } from "@/lib/auth/guards";
import { customerHasDomains } from "@/lib/portal/home";

export const metadata: Metadata = { title: "Your domains" };

/** The customer's home: its domains, with what needs attention first. */
export default async function PortalHome() {
  const user = await requirePortalUser();
  const hasDomains = await customerHasDomains(user);
  return (
    <Suspense fallback={<PortalHomeSkeleton />}>
      <PortalHomeContent user={user} base="/portal" hasDomains={hasDomains} />
    </Suspense>
  );
}
