import { purchaseDomainSearchSchema, searchPurchaseDomains } from "@/lib/purchases/domain-search";
import { purchaseReadRoute, searchParamsOf } from "@/lib/purchases/read-route";

/** The purchase wizard's domain search (`?q=…`): the caller's own email-capable domains. */
export const GET = purchaseReadRoute(
  "/api/purchases/domains",
  "your domains",
  purchaseDomainSearchSchema,
  (request: Request) => ({ q: "", ...searchParamsOf(request) }),
  async (user, { q }) => searchPurchaseDomains(user, q),
);
