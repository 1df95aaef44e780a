"use server";

import { requirePermission } from "@/lib/auth/guards";
import { isStaffRole } from "@/lib/auth/permissions";
import { submitPurchase } from "@/lib/purchases/purchase";
import { loadVisibleAttempt, renewalDomains } from "@/lib/purchases/reads";
import { submitRenewal } from "@/lib/purchases/renewal";
import { settleStale, settleUnknown } from "@/lib/purchases/settle";
import { attemptView } from "@/lib/purchases/view";
import { attemptKeySchema, purchaseSubmitSchema, renewSubmitSchema } from "@/lib/validation/purchases";
import { domainAction, userAction } from "./builder";

/**
 * Server actions of the purchase, growth and renewal wizards: the writes. Each is a public
 * endpoint: the caller's right to every domain it names (someone else's is "not found", and eNom
 * is not asked) and the permission (paks.purchase, paks.renew) come first. The reads (quotes, the
 * domain search, an attempt's result) are GET routes over lib/purchases/reads.ts.
 *
 * Inputs (lib/validation/purchases.ts):
 * - purchaseAction({idempotencyKey, request: PurchaseRequest}) and
 *   renewAction({idempotencyKey, request: RenewRequest}): the key is made once per wizard
 *   (crypto.randomUUID()); submitting it again returns the first attempt's result and never buys
 *   twice. The same order under another key within 15 minutes (another tab, device or person)
 *   is not made either: the result is the earlier attempt with `earlier` set (reason
 *   `same-order`), carrying a server-issued `confirmation`; submitting again with
 *   `{..., confirmation}` buys again on purpose, once, audited (lib/purchases/gate.ts). While an
 *   order for a domain is unconfirmed (or being placed), every other order for it comes back with
 *   `earlier.reason` `domain-held` and that attempt. A result with status `failed` (nothing
 *   bought) has spent its key: to try again the wizard makes a new key and keeps the user's
 *   choices. Status `unknown` means eNom's answer was lost and could not be checked yet:
 *   checkAttemptAction({key}) checks again; nothing is bought for that domain meanwhile.
 * - renewAction of more than one pak answers at once with every attempt `pending` and `runId`:
 *   the paks are renewed by a job (lib/purchases/renewal-job.ts), each at most once, and the
 *   result page (`/purchases/<batchKey>`) follows the attempts as they settle.
 */

export const purchaseAction = domainAction(
  {
    name: "pak.purchase",
    schema: purchaseSubmitSchema,
    permission: "paks.purchase",
    domainOf: (input) => input.request.domain,
  },
  async ({ idempotencyKey, request, confirmation }, { user, domain }) =>
    submitPurchase(user, idempotencyKey.toLowerCase(), { ...request, domain }, confirmation ?? null),
);

export const renewAction = userAction(
  { name: "pak.renew", schema: renewSubmitSchema },
  async ({ idempotencyKey, request, confirmation }, { user }) => {
    // Every domain of the batch is checked before the permission, as for one domain.
    const checked = await renewalDomains(user, request);
    requirePermission(user, "paks.renew");
    return submitRenewal(user, idempotencyKey.toLowerCase(), checked, confirmation ?? null);
  },
);

/**
 * Checks an unknown attempt with eNom now (a read of eNom, never a new order) and records what it
 * found; other attempts just show. Support may run it: it buys nothing.
 */
export const checkAttemptAction = userAction(
  { name: "pak.purchase.check", schema: attemptKeySchema, supportMayRun: true },
  async ({ key }, { user }) => {
    const row = await loadVisibleAttempt(user, key);
    const settled = await settleUnknown(await settleStale(row, user), user, { fresh: false });
    return { ok: true, data: attemptView(settled, isStaffRole(user.role), false) };
  },
);
