"use server";

import { NotFoundError } from "@/lib/auth/errors";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { PurchaseAttemptRow } from "@/lib/db/schema";
import { findAttempt, findBatch, listAttemptsOfDomain } from "@/lib/purchases/attempts";
import { quotePurchase, submitPurchase } from "@/lib/purchases/purchase";
import { quoteRenewal, submitRenewal } from "@/lib/purchases/renewal";
import { settleStale, settleUnknown } from "@/lib/purchases/settle";
import type { AttemptView, Quote, RenewalBatchView } from "@/lib/purchases/types";
import { attemptView } from "@/lib/purchases/view";
import { domainNameSchema } from "@/lib/validation/paks";
import {
  attemptKeySchema,
  idempotencyKeySchema,
  purchaseRequestSchema,
  purchaseSubmitSchema,
  renewRequestSchema,
  renewSubmitSchema,
  type RenewRequest,
} from "@/lib/validation/purchases";
import { z } from "zod";
import type { ActionResult } from "./result";
import { runAction } from "./safe-action";

/**
 * Server actions of the purchase, growth and renewal wizards. Each is a public endpoint: the
 * caller's right to every domain it names (someone else's is "not found", and eNom is not asked)
 * and the permission (paks.purchase, paks.renew) come first.
 *
 * Inputs (lib/validation/purchases.ts):
 * - quotePurchaseAction(PurchaseRequest), quoteRenewalAction(RenewRequest): what it costs now.
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
 * - getAttemptAction({key}), getRenewalBatchAction({key}): the result page's reads.
 */

/** Every domain of a request, normalised, after checking the caller may reach each. */
async function renewalDomains(user: SessionUser, request: RenewRequest): Promise<RenewRequest> {
  const names = new Map<string, string>();
  for (const item of request.items)
    if (!names.has(item.domain)) names.set(item.domain, await requireDomainAccess(user, item.domain));
  return {
    ...request,
    items: request.items.map((item) => ({ ...item, domain: names.get(item.domain) ?? item.domain })),
  };
}

export async function quotePurchaseAction(input: unknown): Promise<ActionResult<Quote>> {
  return runAction(
    { name: "pak.purchase.quote", schema: purchaseRequestSchema },
    input,
    async (request, user) => {
      const domain = await requireDomainAccess(user, request.domain);
      requirePermission(user, "paks.purchase");
      return { ok: true, data: await quotePurchase(user, { ...request, domain }) };
    },
  );
}

export async function quoteRenewalAction(input: unknown): Promise<ActionResult<Quote>> {
  return runAction({ name: "pak.renew.quote", schema: renewRequestSchema }, input, async (request, user) => {
    const checked = await renewalDomains(user, request);
    requirePermission(user, "paks.renew");
    return { ok: true, data: await quoteRenewal(user, checked) };
  });
}

export async function purchaseAction(input: unknown): Promise<ActionResult<AttemptView>> {
  return runAction(
    { name: "pak.purchase", schema: purchaseSubmitSchema },
    input,
    async ({ idempotencyKey, request, confirmation }, user) => {
      const domain = await requireDomainAccess(user, request.domain);
      requirePermission(user, "paks.purchase");
      return submitPurchase(user, idempotencyKey.toLowerCase(), { ...request, domain }, confirmation ?? null);
    },
  );
}

export async function renewAction(input: unknown): Promise<ActionResult<RenewalBatchView>> {
  return runAction(
    { name: "pak.renew", schema: renewSubmitSchema },
    input,
    async ({ idempotencyKey, request, confirmation }, user) => {
      const checked = await renewalDomains(user, request);
      requirePermission(user, "paks.renew");
      return submitRenewal(user, idempotencyKey.toLowerCase(), checked, confirmation ?? null);
    },
  );
}

/**
 * An attempt its viewer may see: the person who made it, staff, or a colleague of the customer it
 * was made for (on a domain still theirs). Anyone else is told it does not exist.
 */
async function loadVisibleAttempt(user: SessionUser, key: string): Promise<PurchaseAttemptRow> {
  const row = await findAttempt(key.toLowerCase());
  if (!row) throw new NotFoundError("That purchase");
  if (isStaffRole(user.role)) return row;
  const sameCustomer = user.customerId !== null && row.customerId === user.customerId;
  if (row.actorId !== user.id && !sameCustomer) throw new NotFoundError("That purchase");
  try {
    await requireDomainAccess(user, row.domain);
  } catch {
    throw new NotFoundError("That purchase");
  }
  return row;
}

/** Checks an unknown attempt with eNom now (a read, never a new order); others just show. */
export async function checkAttemptAction(input: unknown): Promise<ActionResult<AttemptView>> {
  return runAction({ name: "pak.purchase.check", schema: attemptKeySchema }, input, async ({ key }, user) => {
    const row = await loadVisibleAttempt(user, key);
    const settled = await settleUnknown(await settleStale(row, user), user, { fresh: false });
    return { ok: true, data: attemptView(settled, isStaffRole(user.role), false) };
  });
}

export async function getAttemptAction(input: unknown): Promise<ActionResult<AttemptView>> {
  return runAction({ name: "pak.purchase.view", schema: attemptKeySchema }, input, async ({ key }, user) => {
    const row = await loadVisibleAttempt(user, key);
    return { ok: true, data: attemptView(row, isStaffRole(user.role), false) };
  });
}

/** A bulk renewal's results, by the wizard's key; only the attempts this viewer may see. */
export async function getRenewalBatchAction(input: unknown): Promise<ActionResult<RenewalBatchView>> {
  return runAction(
    { name: "pak.renew.view", schema: z.object({ key: idempotencyKeySchema }) },
    input,
    async ({ key }, user) => {
      const batchKey = key.toLowerCase();
      const attempts: AttemptView[] = [];
      for (const row of await findBatch(batchKey)) {
        const visible = await loadVisibleAttempt(user, row.key).catch(() => null);
        if (visible) attempts.push(attemptView(visible, isStaffRole(user.role), false));
      }
      if (attempts.length === 0) throw new NotFoundError("That renewal");
      return { ok: true, data: { batchKey, attempts, earlier: null } };
    },
  );
}

/** Recent purchases and renewals of a domain, newest first (customers: their own customer's). */
export async function listPurchaseAttemptsAction(input: unknown): Promise<ActionResult<AttemptView[]>> {
  return runAction(
    { name: "pak.purchase.list", schema: z.object({ domain: domainNameSchema }) },
    input,
    async ({ domain }, user) => {
      const name = await requireDomainAccess(user, domain);
      const staff = isStaffRole(user.role);
      const rows = (await listAttemptsOfDomain(name)).filter(
        (row) =>
          staff ||
          row.actorId === user.id ||
          (user.customerId !== null && row.customerId === user.customerId),
      );
      return { ok: true, data: rows.map((row) => attemptView(row, staff, false)) };
    },
  );
}
