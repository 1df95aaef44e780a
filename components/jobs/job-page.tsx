import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/session";
import { mayCancelJob } from "@/lib/jobs/cancel";
import { getRun } from "@/lib/jobs/runs";
import { JobDetail } from "./job-detail";

/**
 * One job's page, for staff and the portal alike: someone else's job is the same 404 as one
 * that does not exist (getRun checks the caller).
 */
export async function JobPage({
  user,
  id,
  basePath,
}: {
  user: SessionUser;
  id: string;
  basePath: "" | "/portal";
}) {
  const run = await getRun(user, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`${basePath}/activity`} className="text-accent underline">
          Activity
        </Link>
      </p>
      <PageHeader title={run.title} />
      <JobDetail initialRun={run} canCancel={await mayCancelJob(user, run.id)} />
    </>
  );
}
