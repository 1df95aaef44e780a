import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guards";
import { getDomainEmail } from "@/lib/domains/email";
import { NO_STORE, readFailure } from "@/lib/domains/read-errors";
import { observeRoute } from "@/lib/metrics/observe";
import type { DomainEmailResponse } from "@/lib/domains/types";

/**
 * A domain's paks and mailboxes for React Query (`useDomainEmail`): a read, so a GET route and not
 * a server action. It checks the caller itself, through the same data-access layer as the page.
 */
export const GET = observeRoute(
  "/api/domains/[domain]/email",
  async (
    _request: Request,
    { params }: { params: Promise<{ domain: string }> },
  ): Promise<NextResponse<DomainEmailResponse>> => {
    const { domain } = await params;
    try {
      const user = await requireUser();
      const data = await getDomainEmail(user, domain);
      return NextResponse.json({ ok: true, data, readAt: data.fetchedAt }, { headers: NO_STORE });
    } catch (error) {
      const { status, message } = readFailure(error, "this domain's email");
      return NextResponse.json({ ok: false, message }, { status, headers: NO_STORE });
    }
  },
);
