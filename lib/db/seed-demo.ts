import "server-only";
import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import { DEMO_PASSWORD } from "@/lib/auth/demo";
import { hashPassword } from "@/lib/auth/password";
import { getEnomClient } from "@/lib/enom";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { Database } from "./client";
import { customerDomains, customers, mailboxDisplayNames, users } from "./schema";

export const DEMO_CUSTOMER_NAME = "Northwind Traders";
const DEMO_CUSTOMER_EMAIL = "customer@demo.test";
const DEMO_CUSTOMER_DOMAIN_COUNT = 4;
/**
 * A second demo customer that may buy and renew, within a monthly limit and with each order sent
 * to staff for approval, so the portal's buying pages and the approval queue have someone to show.
 * Northwind keeps the everyday allowances (mailboxes, auto-renew) and no buying.
 */
export const DEMO_BUYER = {
  name: "Oakridge Bakery",
  email: "bakery@demo.test",
  loginName: "Olive Baker",
  domains: ["oakridge-bakery.co", "valley-cafe.co", "wildflower-cafe.com"],
  monthlySpendLimitCents: 300_00,
} as const;
// eNom's own example domains stay with the reseller, so the documents' examples keep working.
const DOCUMENT_DOMAINS = new Set(["resellerdocs.com", "enom-email-example-123.com"]);

/**
 * The demo's data (MAILPAK_DEMO=1 only): an admin, a staff member and a customer login whose
 * customer owns a few of the eNom account's domains, and (against the simulator) the display
 * names of its seeded mailboxes. Safe to run at every start.
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
        canCreateMailboxes: true,
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

  const buyerId = await seedBuyer(db, passwordHash);

  const [assigned] = await db
    .select({ n: count() })
    .from(customerDomains)
    .where(eq(customerDomains.customerId, customer.id));
  const [buyerAssigned] = await db
    .select({ n: count() })
    .from(customerDomains)
    .where(eq(customerDomains.customerId, buyerId));
  const [named] = await db.select({ n: count() }).from(mailboxDisplayNames);
  const needsDomains = (assigned?.n ?? 0) === 0;
  const buyerNeedsDomains = (buyerAssigned?.n ?? 0) === 0;
  const needsNames = (named?.n ?? 0) === 0;
  if (!needsDomains && !buyerNeedsDomains && !needsNames) return;
  let domains: string[];
  try {
    const { paks } = await getEnomClient().getPopExpirations();
    domains = [...new Set(paks.map((pak) => pak.domainName.toLowerCase()))].sort();
  } catch (error) {
    // The demo customer gets its domains at the next start when eNom answers.
    logger.warn({ err: error }, "demo seed: eNom did not answer; the demo customer has no domains yet");
    return;
  }
  const buyerDomains = new Set<string>(DEMO_BUYER.domains);
  const forCustomer = domains
    .filter((domain) => !DOCUMENT_DOMAINS.has(domain) && !buyerDomains.has(domain))
    .slice(0, DEMO_CUSTOMER_DOMAIN_COUNT);
  const forBuyer = domains.filter((domain) => buyerDomains.has(domain));
  if (buyerNeedsDomains && forBuyer.length)
    await db
      .insert(customerDomains)
      .values(forBuyer.map((domain) => ({ domain, customerId: buyerId })))
      .onConflictDoNothing();
  if (needsDomains && forCustomer.length) {
    await db
      .insert(customerDomains)
      .values(forCustomer.map((domain) => ({ domain, customerId: customer.id })))
      .onConflictDoNothing();
  }
  if (needsNames) await copySimulatorDisplayNames(db, domains);
}

/** The buying customer and its login (see DEMO_BUYER); returns the customer's id. */
async function seedBuyer(db: Database, passwordHash: string): Promise<string> {
  let [buyer] = await db.select().from(customers).where(eq(customers.name, DEMO_BUYER.name)).limit(1);
  buyer ??= (
    await db
      .insert(customers)
      .values({
        name: DEMO_BUYER.name,
        contactName: DEMO_BUYER.loginName,
        contactEmail: "olive@oakridge.example",
        canCreateMailboxes: true,
        canManageMailboxes: false,
        canToggleAutoRenew: false,
        canPurchase: true,
        canRenew: true,
        monthlySpendLimitCents: DEMO_BUYER.monthlySpendLimitCents,
        purchaseApproval: true,
      })
      .returning()
  )[0];
  if (!buyer) throw new Error("The demo's buying customer could not be created.");
  await db
    .insert(users)
    .values({
      email: DEMO_BUYER.email,
      name: DEMO_BUYER.loginName,
      role: "customer",
      customerId: buyer.id,
      passwordHash,
      customerAdmin: true,
    })
    .onConflictDoNothing();
  return buyer.id;
}

const simDomainSchema = z.object({
  mailboxes: z.array(z.object({ userName: z.string(), displayName: z.string().nullish() })),
});

/**
 * eNom takes a display name when a mailbox is created but never returns one, so the panel shows
 * only the names it set itself, and a demo against the simulator would say "Not known" for every
 * seeded mailbox. When the eNom URL is the simulator (its control API answers on loopback), the
 * demo copies the names the simulator's seed gave its mailboxes, once. Against eNom it does
 * nothing.
 */
async function copySimulatorDisplayNames(db: Database, domains: readonly string[]): Promise<void> {
  let origin: string;
  try {
    origin = new URL(getEnv().ENOM_BASE_URL).origin;
    const health = await fetch(`${origin}/_sim/health`, { signal: AbortSignal.timeout(2_000) });
    if (!health.ok) return;
  } catch {
    return; // not the simulator
  }
  const rows: (typeof mailboxDisplayNames.$inferInsert)[] = [];
  for (const domain of domains) {
    try {
      const response = await fetch(`${origin}/_sim/state/domain/${encodeURIComponent(domain)}`, {
        signal: AbortSignal.timeout(5_000),
      });
      const parsed = simDomainSchema.safeParse(await response.json());
      if (!parsed.success) continue;
      for (const mailbox of parsed.data.mailboxes)
        if (mailbox.displayName)
          rows.push({ domain, userName: mailbox.userName.toLowerCase(), displayName: mailbox.displayName });
    } catch (error) {
      logger.warn({ err: error, domain }, "demo seed: the simulator's display names could not be read");
    }
  }
  // In chunks: one statement of 50,000 rows (a large simulated account) overflows the query builder.
  for (let index = 0; index < rows.length; index += 1_000)
    await db
      .insert(mailboxDisplayNames)
      .values(rows.slice(index, index + 1_000))
      .onConflictDoNothing();
}
