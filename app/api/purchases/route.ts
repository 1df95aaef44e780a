import { z } from "zod";
import { domainNameSchema } from "@/lib/validation/paks";
import { listPurchaseAttempts } from "@/lib/purchases/reads";
import { purchaseReadRoute, searchParamsOf } from "@/lib/purchases/read-route";

/** A domain's recent purchases and renewals, newest first (`?domain=a.com`). */
export const GET = purchaseReadRoute(
  "/api/purchases",
  "this domain's purchases",
  z.object({ domain: domainNameSchema }),
  searchParamsOf,
  async (user, { domain }) => listPurchaseAttempts(user, domain),
);
