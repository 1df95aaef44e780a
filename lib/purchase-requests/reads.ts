import "server-only";
import { NotFoundError } from "@/lib/auth/errors";
import { can, isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { monthSpendingOf } from "@/lib/purchases/spend-limit";
import { requestView } from "./model";
import {
  attemptsOfKeys,
  listDecidedRequests,
  listRequestsOfCustomer,
  listWaitingRequests,
  type ListedRequest,
} from "./queries";
import type { ApprovalQueue, CustomerRequests, PurchaseRequestView } from "./types";

/**
 * The approval pages' reads; each checks its caller inside and writes nothing. Staff who may buy
 * or renew see every customer's requests; a customer sees its own.
 */

async function viewsOf(
  listed: ListedRequest[],
  audience: "staff" | "customer",
): Promise<PurchaseRequestView[]> {
  const keys = listed.flatMap(({ request }) => (request.attemptKey ? [request.attemptKey] : []));
  const attempts = await attemptsOfKeys(keys);
  return listed.map((row) => requestView(row, attempts, audience));
}

export async function getApprovalQueue(user: SessionUser): Promise<ApprovalQueue> {
  if (!isStaffRole(user.role) || !(can(user, "paks.purchase") || can(user, "paks.renew")))
    throw new NotFoundError("That page");
  const [waiting, decided] = await Promise.all([listWaitingRequests(), listDecidedRequests()]);
  return { waiting: await viewsOf(waiting, "staff"), decided: await viewsOf(decided, "staff") };
}

/** The number of requests waiting, for a badge beside the navigation's "Approvals". */
export async function countWaitingRequests(user: SessionUser): Promise<number> {
  if (!isStaffRole(user.role) || !can(user, "paks.purchase")) return 0;
  return (await listWaitingRequests()).length;
}

export async function getCustomerRequests(user: SessionUser): Promise<CustomerRequests> {
  if (user.role !== "customer" || !user.customerId) throw new NotFoundError("That page");
  const [listed, spending] = await Promise.all([
    listRequestsOfCustomer(user.customerId),
    monthSpendingOf(user),
  ]);
  return { requests: await viewsOf(listed, "customer"), spending };
}
