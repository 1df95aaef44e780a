import { renewRequestSchema } from "@/lib/validation/purchases";
import { renewalQuoteParams } from "@/lib/purchases/quote-query";
import { getRenewalQuote } from "@/lib/purchases/reads";
import { purchaseReadRoute, searchParamsOf } from "@/lib/purchases/read-route";

/** What renewing paks costs now (`?items=a.com:12,b.org:34&years=1`), for the renew wizard's review. */
export const GET = purchaseReadRoute(
  "/api/quotes/renewal",
  "the price",
  renewalQuoteParams.pipe(renewRequestSchema),
  searchParamsOf,
  getRenewalQuote,
);
