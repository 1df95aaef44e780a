import "server-only";
import { NotFoundError } from "@/lib/auth/errors";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { PurchaseAttemptRow } from "@/lib/db/schema";
import { getRunRow } from "@/lib/jobs/runs";
import type { PurchaseRequest, RenewRequest } from "@/lib/validation/purchases";
import { findAttempt, findBatch, listAttemptsOfDomain } from "./attempts";
import { quotePurchase } from "./purchase";
import { quoteRenewal } from "./renewal";
import { findRenewalRun, RENEW_AT_ONCE_MAX } from "./renewal-job";
import type { AttemptView, PurchaseResultView, Quote, RenewalBatchView } from "./types";
import { attemptView } from "./view";

/**
 * The purchase feature's reads, for the result page and the GET routes behind React Query. Each
 * checks the caller inside; none writes (no audit row, no reconciliation): a refused read is
 * simply "not found".
 */

/**
 * An attempt its viewer may see: the person who made it, staff, or a colleague of the customer it
 * was made for (on a domain still theirs). Anyone else is told it does not exist.
 */
export async function loadVisibleAttempt(user: SessionUser, key: string): Promise<PurchaseAttemptRow> {
  const row = await findAttempt(key.toLowerCase());
  if (!row || !(await mayViewAttempt(user, row))) throw new NotFoundError("That purchase");
  return row;
}

/**
 * Whether this viewer may see this attempt (see loadVisibleAttempt). `reachable` remembers each
 * domain's access check, so a renewal of many paks on a few domains asks once per domain.
 */
async function mayViewAttempt(
  user: SessionUser,
  row: PurchaseAttemptRow,
  reachable = new Map<string, Promise<boolean>>(),
): Promise<boolean> {
  if (isStaffRole(user.role)) return true;
  const sameCustomer = user.customerId !== null && row.customerId === user.customerId;
  if (row.actorId !== user.id && !sameCustomer) return false;
  let access = reachable.get(row.domain);
  if (!access) {
    access = requireDomainAccess(user, row.domain).then(
      () => true,
      () => false,
    );
    reachable.set(row.domain, access);
  }
  return access;
}

export async function getAttempt(user: SessionUser, key: string): Promise<AttemptView> {
  return attemptView(await loadVisibleAttempt(user, key), isStaffRole(user.role), false);
}

/**
 * A bulk renewal's results, by the wizard's key; only the attempts this viewer may see. The result
 * page polls this (one read for the whole order): the batch's rows in one query, each domain's
 * access checked once.
 */
export async function getRenewalBatch(user: SessionUser, key: string): Promise<RenewalBatchView> {
  const batchKey = key.toLowerCase();
  const attempts: AttemptView[] = [];
  const rows = await findBatch(batchKey);
  const reachable = new Map<string, Promise<boolean>>();
  for (const row of rows) {
    if (await mayViewAttempt(user, row, reachable))
      attempts.push(attemptView(row, isStaffRole(user.role), false));
  }
  if (attempts.length === 0) throw new NotFoundError("That renewal");
  return { batchKey, attempts, earlier: null, runId: await followableRun(user, batchKey, rows) };
}

/** The batch's renewal job, if it ran as one and this viewer may open it in the activity view. */
async function followableRun(
  user: SessionUser,
  batchKey: string,
  rows: readonly PurchaseAttemptRow[],
): Promise<string | null> {
  const first = rows[0];
  if (!first || rows.length <= RENEW_AT_ONCE_MAX) return null;
  const runId = await findRenewalRun(batchKey, first.createdAt);
  if (!runId) return null;
  return (await getRunRow(user, runId).catch(ignoreNotFound)) ? runId : null;
}

/**
 * What `/purchases/<key>` shows: one purchase, growth or renewal by its key, or a renewal of
 * several paks by the wizard's key. Null when this viewer may see none of it.
 */
export async function getPurchaseResult(user: SessionUser, key: string): Promise<PurchaseResultView | null> {
  const single = await getAttempt(user, key).catch(ignoreNotFound);
  if (single) return { attempts: [single], isBatch: false };
  if (!/^[0-9a-f-]{36}$/i.test(key)) return null;
  const batch = await getRenewalBatch(user, key).catch(ignoreNotFound);
  return batch ? { attempts: batch.attempts, isBatch: true, runId: batch.runId ?? null } : null;
}

function ignoreNotFound(error: unknown): null {
  if (error instanceof NotFoundError) return null;
  throw error;
}

/** Recent purchases and renewals of a domain, newest first (customers: their own customer's). */
export async function listPurchaseAttempts(user: SessionUser, domain: string): Promise<AttemptView[]> {
  const name = await requireDomainAccess(user, domain);
  const staff = isStaffRole(user.role);
  const rows = (await listAttemptsOfDomain(name)).filter(
    (row) =>
      staff || row.actorId === user.id || (user.customerId !== null && row.customerId === user.customerId),
  );
  return rows.map((row) => attemptView(row, staff, false));
}

/** What a purchase or growth costs now; the domain is checked first, so eNom is not asked for others'. */
export async function getPurchaseQuote(user: SessionUser, request: PurchaseRequest): Promise<Quote> {
  const domain = await requireDomainAccess(user, request.domain);
  requirePermission(user, "paks.purchase");
  return quotePurchase(user, { ...request, domain });
}

/** Every domain of a renewal, normalised, after checking the caller may reach each. */
export async function renewalDomains(user: SessionUser, request: RenewRequest): Promise<RenewRequest> {
  const names = new Map<string, string>();
  for (const item of request.items)
    if (!names.has(item.domain)) names.set(item.domain, await requireDomainAccess(user, item.domain));
  return {
    ...request,
    items: request.items.map((item) => ({ ...item, domain: names.get(item.domain) ?? item.domain })),
  };
}

export async function getRenewalQuote(user: SessionUser, request: RenewRequest): Promise<Quote> {
  const checked = await renewalDomains(user, request);
  requirePermission(user, "paks.renew");
  return quoteRenewal(user, checked);
}
