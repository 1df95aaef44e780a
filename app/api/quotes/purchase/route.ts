import { purchaseRequestSchema } from "@/lib/validation/purchases";
import { getPurchaseQuote } from "@/lib/purchases/reads";
import { purchaseReadRoute, searchParamsOf } from "@/lib/purchases/read-route";

/** What a purchase or growth costs now (`?kind=purchase&domain=…`), for the wizard's review step. */
export const GET = purchaseReadRoute(
  "/api/quotes/purchase",
  "the price",
  purchaseRequestSchema,
  searchParamsOf,
  getPurchaseQuote,
);
