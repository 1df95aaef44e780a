import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { customerDomains, customers, renewalReminders, users } from "@/lib/db/schema";

export interface DomainOwner {
  customerId: string;
  customerName: string;
  /** Active administrators of the customer: the reminders' recipients. */
  adminEmails: string[];
}

/** Every assigned domain with its customer and that customer's active administrators. */
export async function listDomainOwnersWithAdmins(): Promise<Map<string, DomainOwner>> {
  const db = await getDb();
  const domains = await db
    .select({ domain: customerDomains.domain, customerId: customers.id, customerName: customers.name })
    .from(customerDomains)
    .innerJoin(customers, eq(customers.id, customerDomains.customerId));
  const customerIds = [...new Set(domains.map((row) => row.customerId))];
  const admins = customerIds.length
    ? await db
        .select({ customerId: users.customerId, email: users.email })
        .from(users)
        .where(
          and(
            inArray(users.customerId, customerIds),
            eq(users.customerAdmin, true),
            eq(users.disabled, false),
          ),
        )
        .orderBy(asc(users.email))
    : [];
  const adminsOf = new Map<string, string[]>();
  for (const admin of admins) {
    if (!admin.customerId) continue;
    adminsOf.set(admin.customerId, [...(adminsOf.get(admin.customerId) ?? []), admin.email]);
  }
  return new Map(
    domains.map((row) => [
      row.domain.toLowerCase(),
      {
        customerId: row.customerId,
        customerName: row.customerName,
        adminEmails: adminsOf.get(row.customerId) ?? [],
      },
    ]),
  );
}

export interface ReminderKey {
  domain: string;
  bundleId: string;
  expires: string;
  daysBefore: number;
}

/**
 * Claims a reminder before it is sent: true when this run inserted the row, false when another run
 * (this instance earlier, or another instance now) already did. The primary key decides.
 */
export async function claimReminder(
  key: ReminderKey,
  values: { customerId: string; recipients: string[] },
): Promise<boolean> {
  const db = await getDb();
  const inserted = await db
    .insert(renewalReminders)
    .values({ ...key, ...values })
    .onConflictDoNothing()
    .returning({ domain: renewalReminders.domain });
  return inserted.length === 1;
}

/** Gives a claimed reminder back (its email failed), so the next run tries again. */
export async function releaseReminder(key: ReminderKey): Promise<void> {
  const db = await getDb();
  await db
    .delete(renewalReminders)
    .where(
      and(
        eq(renewalReminders.domain, key.domain),
        eq(renewalReminders.bundleId, key.bundleId),
        eq(renewalReminders.expires, key.expires),
        eq(renewalReminders.daysBefore, key.daysBefore),
      ),
    );
}
