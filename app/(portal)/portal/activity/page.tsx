import type { Metadata } from "next";
import { JobList } from "@/components/jobs/job-list";
import { PageHeader } from "@/components/ui/page-header";
import { listRuns } from "@/lib/jobs/runs";
import { requirePortalUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Activity" };

/** The customer's own long changes (lists of more than 99 mailboxes), running and finished. */
export default async function PortalActivityPage() {
  const user = await requirePortalUser();
  const runs = await listRuns(user);
  return (
    <>
      <PageHeader
        title="Activity"
        description="Long changes run here, each mailbox once; they go on when you leave the page."
      />
      <JobList initialRuns={runs} portal />
    </>
  );
}
