import type { Metadata } from "next";
import { JobPage } from "@/components/jobs/job-page";
import { requireStaffPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Job" };

export default async function StaffJobPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireStaffPage();
  const { id } = await params;
  return <JobPage user={user} id={id} basePath="" />;
}
