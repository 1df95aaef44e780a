import { NextResponse, type NextRequest } from "next/server";
import { ForbiddenError, NotSignedInError } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import { logger } from "@/lib/logger";
import { observeRoute } from "@/lib/metrics/observe";
import { BadCursorError } from "@/lib/search/cursor";
import { parseSearch, type SearchResponse } from "@/lib/search/model";
import { searchAccount } from "@/lib/search/search";

const NO_STORE = { "Cache-Control": "no-store" } as const;

/**
 * Account-wide search for the header's dialog (`/api/search?q=ann&filter=admins&cursor=…`): a
 * read of the mirror, so a GET route; the caller's reach is checked inside `searchAccount`.
 */
export const GET = observeRoute(
  "/api/search",
  async (request: NextRequest): Promise<NextResponse<SearchResponse>> => {
    const fail = (status: number, message: string) =>
      NextResponse.json<SearchResponse>({ ok: false, message }, { status, headers: NO_STORE });
    try {
      const user = await requireUser();
      const parsed = parseSearch(request.nextUrl.searchParams);
      if (!parsed.ok) return fail(400, parsed.message);
      const data = await searchAccount(user, parsed.input);
      return NextResponse.json<SearchResponse>({ ok: true, data }, { headers: NO_STORE });
    } catch (error) {
      if (error instanceof NotSignedInError) return fail(401, error.message);
      if (error instanceof ForbiddenError) return fail(403, error.message);
      if (error instanceof BadCursorError) return fail(400, error.message);
      const reference = crypto.randomUUID().slice(0, 8);
      logger.error({ err: error, reference }, "search failed");
      return fail(500, `Something went wrong on our side. (Reference ${reference})`);
    }
  },
);
