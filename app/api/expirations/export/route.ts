import { NextResponse, type NextRequest } from "next/server";
import { NotSignedInError } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import { can, isStaffRole } from "@/lib/auth/permissions";
import { describeUpstreamFailure } from "@/lib/domains/upstream-failure";
import { expirationCsvChunks, expirationsCsvFilename } from "@/lib/expirations/csv";
import {
  parseExpirationSearch,
  selectExpirations,
  type ExpirationSearchParams,
} from "@/lib/expirations/list";
import { loadExpirations } from "@/lib/expirations/load";
import { describeMirrorSync } from "@/lib/mirror/status";

/**
 * The expirations table as a CSV download, with the page's filter, search and order
 * (`/api/expirations/export?filter=30`): every matching pak, not one page. A route, not an action:
 * it is a read, and a download must be a plain GET; it checks the caller itself.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const user = await requireUser().catch((error: unknown) => {
    if (error instanceof NotSignedInError) return null;
    throw error;
  });
  if (!user) {
    return NextResponse.json(
      { error: "Your session has ended. Sign in again to download the expirations." },
      { status: 401, headers: NO_STORE },
    );
  }
  // Cost prices are the reseller's own: for a customer this download does not exist.
  if (!isStaffRole(user.role) || !can(user, "domains.view")) {
    return NextResponse.json({ error: "Not found." }, { status: 404, headers: NO_STORE });
  }

  const raw: ExpirationSearchParams = {};
  for (const key of new Set(request.nextUrl.searchParams.keys()))
    raw[key] = request.nextUrl.searchParams.getAll(key);
  const query = parseExpirationSearch(raw);

  let data;
  try {
    // From the account mirror: every pak's size is known, and no eNom call is made.
    data = await loadExpirations(user);
  } catch (error) {
    const failure = describeUpstreamFailure(error, "the paks");
    if (!failure) throw error;
    return NextResponse.json(
      { error: failure.message },
      { status: failure.kind === "not-answering" ? 503 : 502, headers: NO_STORE },
    );
  }

  // Before the first full sync of the account has finished, a download would miss paks.
  const syncing = describeMirrorSync(data.mirror, "eNom");
  if (syncing)
    return NextResponse.json(
      { error: `${syncing} Try the download again when it has finished.` },
      { status: 503, headers: { ...NO_STORE, "Retry-After": "30" } },
    );

  const encoder = new TextEncoder();
  const chunks = expirationCsvChunks(selectExpirations(data.rows, query));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      chunks.return(undefined);
    },
  });

  return new Response(body, {
    headers: {
      ...NO_STORE,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${expirationsCsvFilename(query, data.todayIso)}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

const NO_STORE = { "Cache-Control": "no-store" };
