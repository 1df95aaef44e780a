import "server-only";
import { NotFoundError } from "@/lib/auth/errors";
import { requirePermission } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import {
  findCustomer,
  listCustomerDomains,
  listCustomersWithCounts,
  listDomainOwners,
} from "@/lib/customers/queries";
import { listCustomerUsers } from "@/lib/users/queries";
import type { CustomerRow, UserRow } from "@/lib/db/schema";
import { customerIdSchema } from "@/lib/validation/customers";

/**
 * The reads of the Customers pages (staff with customers.view). Each checks its caller inside; a
 * malformed or unknown customer id is "not found".
 */

export type { CustomerRow };

export async function getCustomers(user: SessionUser) {
  requirePermission(user, "customers.view");
  return listCustomersWithCounts();
}

/** The customer an address names, or NotFoundError. */
export async function getCustomer(user: SessionUser, customerId: string): Promise<CustomerRow> {
  requirePermission(user, "customers.view");
  const id = customerIdSchema.safeParse(customerId);
  const customer = id.success ? await findCustomer(id.data) : undefined;
  if (!customer) throw new NotFoundError("That customer");
  return customer;
}

export async function getCustomerLogins(user: SessionUser, customerId: string): Promise<UserRow[]> {
  requirePermission(user, "customers.view");
  return listCustomerUsers(customerId);
}

export async function getCustomerDomains(user: SessionUser, customerId: string): Promise<string[]> {
  requirePermission(user, "customers.view");
  return listCustomerDomains(customerId);
}

/** Which customer holds each assigned domain (a domain belongs to one customer at most). */
export async function getDomainOwners(user: SessionUser) {
  requirePermission(user, "customers.view");
  return listDomainOwners();
}
