import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JobDetail } from "@/components/jobs/job-detail";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/auth/errors";
import { requireStaffPage } from "@/lib/auth/guards";
import { mayCancelJob } from "@/lib/jobs/cancel";
import { getRun } from "@/lib/jobs/runs";

export const metadata: Metadata = { title: "Job" };

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireStaffPage();
  const { id } = await params;
  const run = await getRun(user, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/activity" className="text-accent underline">
          Activity
        </Link>
      </p>
      <PageHeader title={run.title} />
      <JobDetail initialRun={run} canCancel={await mayCancelJob(user, run.id)} />
    </>
  );
}
