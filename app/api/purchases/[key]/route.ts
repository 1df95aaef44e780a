import { attemptKeySchema } from "@/lib/validation/purchases";
import { getPurchaseResult } from "@/lib/purchases/reads";
import { purchaseReadRoute } from "@/lib/purchases/read-route";
import { NotFoundError } from "@/lib/auth/errors";

/**
 * A purchase, growth or renewal by its reference, or a renewal of several paks by the wizard's
 * key: what the result page polls while an attempt is pending. Someone else's is 404.
 */
export const GET = purchaseReadRoute(
  "/api/purchases/[key]",
  "this purchase",
  attemptKeySchema,
  async (_request: Request, { params }: { params: Promise<{ key: string }> }) => ({
    key: (await params).key,
  }),
  async (user, { key }) => {
    const result = await getPurchaseResult(user, key);
    if (!result) throw new NotFoundError("That purchase");
    return result;
  },
);
