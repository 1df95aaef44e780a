import "server-only";
import { NotFoundError } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/session";
import { findCustomer } from "@/lib/db/queries/customers";
import { findUserById } from "@/lib/db/queries/users";
import type { CustomerRow, UserRow } from "@/lib/db/schema";

export interface TeamAdmin {
  admin: UserRow;
  customer: CustomerRow;
}

/**
 * The caller manages their customer's team: a customer's login marked as its administrator,
 * read again from the database. Anyone else (a colleague who is not an administrator, staff) is
 * told the page does not exist, as for every area outside their reach; staff manage customers'
 * logins on the customer's page instead.
 */
export async function requireTeamAdmin(user: SessionUser): Promise<TeamAdmin> {
  if (user.role !== "customer" || !user.customerId) throw new NotFoundError("That page");
  const admin = await findUserById(user.id);
  if (!admin || admin.disabled || !admin.customerAdmin || admin.customerId !== user.customerId)
    throw new NotFoundError("That page");
  const customer = await findCustomer(user.customerId);
  if (!customer) throw new NotFoundError("That page");
  return { admin, customer };
}
