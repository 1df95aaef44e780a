import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guards";
import { jobReadFailure, NO_STORE } from "@/lib/jobs/read-failure";
import type { JobRunResponse } from "@/lib/jobs/model";
import { getRun } from "@/lib/jobs/runs";
import { observeRoute } from "@/lib/metrics/observe";

/** One job with each item's outcome, polled by the progress view until the job is finished. */
export const GET = observeRoute(
  "/api/jobs/[id]",
  async (
    _request: Request,
    { params }: { params: Promise<{ id: string }> },
  ): Promise<NextResponse<JobRunResponse>> => {
    const { id } = await params;
    try {
      const user = await requireUser();
      return NextResponse.json({ ok: true, data: await getRun(user, id) }, { headers: NO_STORE });
    } catch (error) {
      const { status, message } = jobReadFailure(error);
      return NextResponse.json({ ok: false, message }, { status, headers: NO_STORE });
    }
  },
);
