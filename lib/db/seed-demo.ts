import "server-only";
import { and, count, eq } from "drizzle-orm";
import { DEMO_PASSWORD } from "@/lib/auth/demo";
import { hashPassword } from "@/lib/auth/password";
import { getEnomClient } from "@/lib/enom";
import { logger } from "@/lib/logger";
import type { Database } from "./client";
import { customerDomains, customers, users } from "./schema";

export const DEMO_CUSTOMER_NAME = "Northwind Traders";
const DEMO_CUSTOMER_EMAIL = "customer@demo.test";
const DEMO_CUSTOMER_DOMAIN_COUNT = 4;
// eNom's own example domains stay with the reseller, so the documents' examples keep working.
const DOCUMENT_DOMAINS = new Set(["resellerdocs.com", "enom-email-example-123.com"]);

/**
 * The demo's data (MAILPAK_DEMO=1 only): an admin, a staff member and a customer login whose
 * customer owns a few of the eNom account's domains. Safe to run at every start.
 */
export async function seedDemo(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let [customer] = await db.select().from(customers).where(eq(customers.name, DEMO_CUSTOMER_NAME)).limit(1);
  customer ??= (
    await db
      .insert(customers)
      .values({
        name: DEMO_CUSTOMER_NAME,
        contactName: "Nancy Davolio",
        contactEmail: "it@northwind.example",
        contactPhone: "+1.2065550100",
        canManageMailboxes: true,
        canToggleAutoRenew: true,
        canPurchase: false,
        canRenew: false,
      })
      .returning()
  )[0];
  if (!customer) throw new Error("The demo customer could not be created.");

  await db
    .insert(users)
    .values([
      { email: "admin@demo.test", name: "Ada Admin", role: "admin", passwordHash },
      { email: "staff@demo.test", name: "Sam Staff", role: "staff", passwordHash },
      {
        email: DEMO_CUSTOMER_EMAIL,
        name: "Nancy Davolio",
        role: "customer",
        customerId: customer.id,
        passwordHash,
        // The customer's administrator: invites and removes colleagues under Team.
        customerAdmin: true,
      },
    ])
    .onConflictDoNothing();
  // Databases seeded before customer administrators existed get the flag too.
  await db
    .update(users)
    .set({ customerAdmin: true })
    .where(and(eq(users.email, DEMO_CUSTOMER_EMAIL), eq(users.customerId, customer.id)));

  const [assigned] = await db
    .select({ n: count() })
    .from(customerDomains)
    .where(eq(customerDomains.customerId, customer.id));
  if ((assigned?.n ?? 0) > 0) return;
  try {
    const { paks } = await getEnomClient().getPopExpirations();
    const withEmail = [...new Set(paks.map((pak) => pak.domainName.toLowerCase()))]
      .filter((domain) => !DOCUMENT_DOMAINS.has(domain))
      .sort()
      .slice(0, DEMO_CUSTOMER_DOMAIN_COUNT);
    if (withEmail.length) {
      await db
        .insert(customerDomains)
        .values(withEmail.map((domain) => ({ domain, customerId: customer.id })))
        .onConflictDoNothing();
    }
  } catch (error) {
    // The demo customer gets its domains at the next start when eNom answers.
    logger.warn({ err: error }, "demo seed: eNom did not answer; the demo customer has no domains yet");
  }
}
