import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session";
import { insertCustomer, setCustomerDomains } from "@/lib/customers/queries";
import { insertUser } from "@/lib/users/queries";
import type { Role } from "@/lib/db/schema";

/** Users and customers for database tests, made through the same queries the app uses. */
export async function createTestUser(options: {
  email: string;
  role: Role;
  password?: string;
  customerId?: string;
  name?: string;
}): Promise<SessionUser> {
  const row = await insertUser({
    email: options.email,
    name: options.name ?? options.email.split("@")[0] ?? "Test user",
    role: options.role,
    customerId: options.customerId ?? null,
    passwordHash: await hashPassword(options.password ?? "correct-horse-battery"),
  });
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    customerId: row.customerId,
    customerName: null,
    customer: options.customerId
      ? {
          canCreateMailboxes: true,
          canManageMailboxes: true,
          canToggleAutoRenew: false,
          canPurchase: false,
          canRenew: false,
        }
      : null,
    totpEnabled: false,
  };
}

export async function createTestCustomer(
  name: string,
  domains: string[] = [],
  allowances: Partial<{
    canCreateMailboxes: boolean;
    canManageMailboxes: boolean;
    canToggleAutoRenew: boolean;
    canPurchase: boolean;
    canRenew: boolean;
  }> = {},
) {
  const customer = await insertCustomer({
    name,
    contactName: "",
    contactEmail: "",
    contactPhone: "",
    notes: "",
    // As the migration did: a customer without "manage mailboxes" cannot create them either.
    canCreateMailboxes: allowances.canCreateMailboxes ?? allowances.canManageMailboxes ?? true,
    canManageMailboxes: allowances.canManageMailboxes ?? true,
    canToggleAutoRenew: allowances.canToggleAutoRenew ?? false,
    canPurchase: allowances.canPurchase ?? false,
    canRenew: allowances.canRenew ?? false,
  });
  if (domains.length) await setCustomerDomains(customer.id, domains);
  return customer;
}
