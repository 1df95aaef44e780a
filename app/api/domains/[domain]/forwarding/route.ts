import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guards";
import { getDomainForwarding } from "@/lib/domains/email";
import { NO_STORE, readFailure } from "@/lib/domains/read-errors";
import { observeRoute } from "@/lib/metrics/observe";
import type { DomainForwardingResponse } from "@/lib/domains/types";

/**
 * A domain's forwards for the mailbox grid, from the account mirror (GetPOPForwarding as last
 * read; `fetchedAt` says when). Checks the caller like the page and the actions.
 */
export const GET = observeRoute(
  "/api/domains/[domain]/forwarding",
  async (
    _request: Request,
    { params }: { params: Promise<{ domain: string }> },
  ): Promise<NextResponse<DomainForwardingResponse>> => {
    const { domain } = await params;
    try {
      const user = await requireUser();
      const data = await getDomainForwarding(user, domain);
      return NextResponse.json({ ok: true, data }, { headers: NO_STORE });
    } catch (error) {
      const { status, message } = readFailure(error, "this domain's forwarding");
      return NextResponse.json({ ok: false, message }, { status, headers: NO_STORE });
    }
  },
);
