import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guards";
import { getDomainCatchAll } from "@/lib/domains/email";
import { NO_STORE, readFailure } from "@/lib/domains/read-errors";
import { observeRoute } from "@/lib/metrics/observe";
import type { DomainCatchAllResponse } from "@/lib/domains/types";

/** A domain's catch-all for React Query; checks the caller like the page and the actions do. */
export const GET = observeRoute(
  "/api/domains/[domain]/catch-all",
  async (
    _request: Request,
    { params }: { params: Promise<{ domain: string }> },
  ): Promise<NextResponse<DomainCatchAllResponse>> => {
    const { domain } = await params;
    try {
      const user = await requireUser();
      const catchAll = await getDomainCatchAll(user, domain);
      return NextResponse.json({ ok: true, data: { catchAll } }, { headers: NO_STORE });
    } catch (error) {
      const { status, message } = readFailure(error, "this domain's catch-all");
      return NextResponse.json({ ok: false, message }, { status, headers: NO_STORE });
    }
  },
);
