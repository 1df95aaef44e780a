import type { Metadata } from "next";
import { JobList } from "@/components/jobs/job-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";
import { listRuns } from "@/lib/jobs/runs";

export const metadata: Metadata = { title: "Activity" };

/** Every job of the panel: long mailbox lists, syncs, reminders; running and finished. */
export default async function ActivityPage() {
  const user = await requireStaffPage();
  const runs = await listRuns(user);
  return (
    <>
      <PageHeader
        title="Activity"
        description="Long changes and scheduled work run here on the server, each item once; they go on when you leave the page."
      />
      <JobList initialRuns={runs} portal={false} />
    </>
  );
}
