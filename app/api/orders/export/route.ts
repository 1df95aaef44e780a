import { NextResponse, type NextRequest } from "next/server";
import { NotSignedInError } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import { csvDownload } from "@/lib/csv-download";
import { observeRoute } from "@/lib/metrics/observe";
import { ordersCsvChunks, ordersCsvFilename } from "@/lib/orders/csv";
import { iterateOrders, orderAudienceOf } from "@/lib/orders/orders";
import { parseOrderSearch, type OrderSearchParams } from "@/lib/validation/orders";

/**
 * The order history as a CSV download, with the page's filters (`/api/orders/export?kind=renew`):
 * every matching order, not one page, streamed. Staff get the staff page's columns; a customer
 * allowed to buy or renew gets its own orders with the portal's columns (retail only). A route,
 * not an action: it is a read, and a download must be a plain GET; lib/orders checks the caller.
 */
export const GET = observeRoute("/api/orders/export", async (request: NextRequest): Promise<Response> => {
  const user = await requireUser().catch((error: unknown) => {
    if (error instanceof NotSignedInError) return null;
    throw error;
  });
  if (!user) {
    return NextResponse.json(
      { error: "Your session has ended. Sign in again to download the orders." },
      { status: 401, headers: NO_STORE },
    );
  }
  const audience = orderAudienceOf(user);
  // As on the pages: for anyone else the order history does not exist.
  if (!audience) return NextResponse.json({ error: "Not found." }, { status: 404, headers: NO_STORE });

  const raw: OrderSearchParams = {};
  for (const key of new Set(request.nextUrl.searchParams.keys()))
    raw[key] = request.nextUrl.searchParams.getAll(key);
  const { filter, errors } = parseOrderSearch(raw);
  if (Object.keys(errors).length) {
    return NextResponse.json(
      { error: "Some filters could not be read.", fieldErrors: errors },
      { status: 400, headers: NO_STORE },
    );
  }

  // The export always starts from the newest order, whatever page the link was on.
  return csvDownload(ordersCsvChunks(iterateOrders(user, filter), audience), ordersCsvFilename(), "orders");
});

const NO_STORE = { "Cache-Control": "no-store" };
