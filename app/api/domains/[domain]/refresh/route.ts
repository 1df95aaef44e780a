import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guards";
import { refreshDomainForUser } from "@/lib/domains/email";
import { NO_STORE, readFailure } from "@/lib/domains/read-errors";
import type { DomainRefreshResponse } from "@/lib/domains/types";
import { observeRoute } from "@/lib/metrics/observe";

/**
 * The domain page's "Refresh": reads the domain from eNom into the account mirror now (GetPOP3,
 * GetPOPForwarding, GetCatchAll), then the page's queries read the mirror again. A POST because it
 * makes eNom calls and rewrites the mirror; it changes nothing at eNom and writes no audit row. A
 * request from another site is refused, like a server action's.
 */
export const POST = observeRoute(
  "/api/domains/[domain]/refresh",
  async (
    request: Request,
    { params }: { params: Promise<{ domain: string }> },
  ): Promise<NextResponse<DomainRefreshResponse>> => {
    const origin = request.headers.get("origin");
    const host =
      request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
    if (origin && (!URL.canParse(origin) || new URL(origin).host !== host))
      return NextResponse.json({ ok: false, message: "Not allowed." }, { status: 403, headers: NO_STORE });
    const { domain } = await params;
    try {
      const user = await requireUser();
      const { readAt } = await refreshDomainForUser(user, domain);
      return NextResponse.json({ ok: true, readAt }, { headers: NO_STORE });
    } catch (error) {
      const { status, message } = readFailure(error, "this domain's email");
      return NextResponse.json({ ok: false, message }, { status, headers: NO_STORE });
    }
  },
);
