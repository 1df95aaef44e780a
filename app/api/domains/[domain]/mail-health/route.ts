import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guards";
import { NO_STORE, readFailure } from "@/lib/domains/read-errors";
import { getMailHealthView } from "@/lib/mail-health/queries";
import type { MailHealthResponse } from "@/lib/mail-health/view";
import { observeRoute } from "@/lib/metrics/observe";

/** A domain's mail health as last checked, for React Query; checks the caller like the page. */
export const GET = observeRoute(
  "/api/domains/[domain]/mail-health",
  async (
    _request: Request,
    { params }: { params: Promise<{ domain: string }> },
  ): Promise<NextResponse<MailHealthResponse>> => {
    const { domain } = await params;
    try {
      const user = await requireUser();
      return NextResponse.json(
        { ok: true, data: await getMailHealthView(user, domain) },
        { headers: NO_STORE },
      );
    } catch (error) {
      const { status, message } = readFailure(error, "this domain's mail health");
      return NextResponse.json({ ok: false, message }, { status, headers: NO_STORE });
    }
  },
);
