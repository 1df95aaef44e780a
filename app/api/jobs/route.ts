import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guards";
import { jobReadFailure, NO_STORE } from "@/lib/jobs/read-failure";
import type { JobRunListResponse } from "@/lib/jobs/model";
import { listRuns } from "@/lib/jobs/runs";
import { observeRoute } from "@/lib/metrics/observe";

/** The activity view's list of jobs, newest first (a customer's own only), for React Query. */
export const GET = observeRoute(
  "/api/jobs",
  async (_request: Request): Promise<NextResponse<JobRunListResponse>> => {
    try {
      const user = await requireUser();
      return NextResponse.json({ ok: true, data: await listRuns(user) }, { headers: NO_STORE });
    } catch (error) {
      const { status, message } = jobReadFailure(error);
      return NextResponse.json({ ok: false, message }, { status, headers: NO_STORE });
    }
  },
);
