import { NextResponse } from "next/server";
import { getDomainAliases } from "@/lib/aliases";
import type { DomainAliasesResponse } from "@/lib/aliases/model";
import { requireUser } from "@/lib/auth/guards";
import { NO_STORE, readFailure } from "@/lib/domains/read-errors";
import { observeRoute } from "@/lib/metrics/observe";

/**
 * A domain's aliases for React Query, read from the email service at each request (`fetchedAt`
 * says when). Checks the caller like the page and the actions: someone else's domain is 404.
 */
export const GET = observeRoute(
  "/api/domains/[domain]/aliases",
  async (
    _request: Request,
    { params }: { params: Promise<{ domain: string }> },
  ): Promise<NextResponse<DomainAliasesResponse>> => {
    const { domain } = await params;
    try {
      const user = await requireUser();
      const data = await getDomainAliases(user, domain);
      return NextResponse.json({ ok: true, data }, { headers: NO_STORE });
    } catch (error) {
      const { status, message } = readFailure(error, "this domain's aliases");
      return NextResponse.json({ ok: false, message }, { status, headers: NO_STORE });
    }
  },
);
