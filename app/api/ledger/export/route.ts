import { NextResponse, type NextRequest } from "next/server";
import { NotSignedInError } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import { csvDownload } from "@/lib/csv-download";
import { accountingCsvChunks, accountingCsvFilename } from "@/lib/ledger/csv";
import { exportInstants, exportRangeSchema } from "@/lib/ledger/model";
import { iterateAccounting, mayReadAccounting } from "@/lib/ledger/statements";
import { observeRoute } from "@/lib/metrics/observe";

/**
 * Every ledger row in a date range for the reseller's accounting: `/api/ledger/export?from=
 * 2026-01-01&to=2026-03-31` (days in UTC, both included), streamed. Staff with `orders.view`
 * only (cost prices); for anyone else it does not exist.
 */
export const GET = observeRoute("/api/ledger/export", async (request: NextRequest): Promise<Response> => {
  const user = await requireUser().catch((error: unknown) => {
    if (error instanceof NotSignedInError) return null;
    throw error;
  });
  if (!user)
    return NextResponse.json(
      { error: "Your session has ended. Sign in again to download the ledger." },
      { status: 401, headers: NO_STORE },
    );
  if (!mayReadAccounting(user))
    return NextResponse.json({ error: "Not found." }, { status: 404, headers: NO_STORE });
  const params = request.nextUrl.searchParams;
  const range = exportRangeSchema.safeParse({ from: params.get("from") ?? "", to: params.get("to") ?? "" });
  if (!range.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of range.error.issues) {
      const field = String(issue.path[0] ?? "range");
      (fieldErrors[field] ??= []).push(issue.message);
    }
    return NextResponse.json(
      { error: "The dates could not be read.", fieldErrors },
      { status: 400, headers: NO_STORE },
    );
  }
  return csvDownload(
    accountingCsvChunks(iterateAccounting(user, exportInstants(range.data))),
    accountingCsvFilename(range.data),
    "ledger",
  );
});

const NO_STORE = { "Cache-Control": "no-store" };
