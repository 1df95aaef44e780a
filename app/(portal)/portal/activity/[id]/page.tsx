import type { Metadata } from "next";
import { JobPage } from "@/components/jobs/job-page";
import { requirePortalUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Job" };

/** One of the customer's jobs; another customer's is the same 404 as one that does not exist. */
export default async function PortalJobPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePortalUser();
  const { id } = await params;
  return <JobPage user={user} id={id} basePath="/portal" />;
}
