import "server-only";
import { requirePermission } from "@/lib/auth/guards";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { listCustomerDomains } from "@/lib/customers/queries";
import type { NearlyFullMailbox } from "./model";
import { findNearlyFullOn } from "./queries";

/** How many the portal home names before "and N more". */
export const NEARLY_FULL_SHOWN = 10;

export interface NearlyFullList {
  total: number;
  /** The fullest first, at most NEARLY_FULL_SHOWN. */
  first: NearlyFullMailbox[];
}

/**
 * The nearly full mailboxes this user may see, from the account mirror: a customer's own domains
 * only (none when no domain is assigned), every domain for staff. No eNom call.
 */
export async function getNearlyFullMailboxes(
  user: SessionUser,
  limit: number = NEARLY_FULL_SHOWN,
): Promise<NearlyFullList> {
  requirePermission(user, "domains.view");
  if (isStaffRole(user.role)) return findNearlyFullOn("all", limit);
  if (user.role !== "customer" || !user.customerId) return { total: 0, first: [] };
  return findNearlyFullOn(await listCustomerDomains(user.customerId), limit);
}
