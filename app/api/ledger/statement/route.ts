import { NextResponse, type NextRequest } from "next/server";
import { NotFoundError, NotSignedInError } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import { statementCsv, statementCsvFilename } from "@/lib/ledger/csv";
import { monthSchema } from "@/lib/ledger/model";
import { getStatement } from "@/lib/ledger/statements";
import { observeRoute } from "@/lib/metrics/observe";

/**
 * A customer's statement for a month as CSV: `/api/ledger/statement?customerId=…&month=2026-05`
 * for staff (cost and margin with `orders.view`), `?month=2026-05` for a customer's administrator
 * (its own, retail only). Anyone else is told it does not exist; lib/ledger checks the reader.
 */
export const GET = observeRoute("/api/ledger/statement", async (request: NextRequest): Promise<Response> => {
  const user = await requireUser().catch((error: unknown) => {
    if (error instanceof NotSignedInError) return null;
    throw error;
  });
  if (!user)
    return NextResponse.json(
      { error: "Your session has ended. Sign in again to download the statement." },
      { status: 401, headers: NO_STORE },
    );
  const params = request.nextUrl.searchParams;
  const month = monthSchema.safeParse(params.get("month") ?? "");
  if (!month.success)
    return NextResponse.json(
      { error: "Choose a month such as 2026-05." },
      { status: 400, headers: NO_STORE },
    );
  // A customer reads its own statement only, whatever the address names.
  const customerId = user.role === "customer" ? user.customerId : params.get("customerId");
  if (!customerId) return NOT_FOUND();
  try {
    const statement = await getStatement(user, customerId, month.data);
    return new Response(statementCsv(statement), {
      headers: {
        ...NO_STORE,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${statementCsvFilename(month.data)}"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return NOT_FOUND();
    throw error;
  }
});

const NO_STORE = { "Cache-Control": "no-store" };
const NOT_FOUND = () => NextResponse.json({ error: "Not found." }, { status: 404, headers: NO_STORE });
