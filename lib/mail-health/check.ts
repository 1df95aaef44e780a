import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { domainMailHealth } from "@/lib/db/schema";
import { getEnomClient } from "@/lib/enom";
import { logger } from "@/lib/logger";
import { announceMailHealthChange } from "@/lib/webhooks/sources";
import { evaluateMailHealth, type MailHealth } from "./evaluate";
import { lookupMailDns } from "./lookup";
import { usesProviderNameServers, type EmailServiceState, type HealthStatus } from "./model";

/** A domain's latest check as stored: what pages read without waiting on DNS or eNom. */
export interface StoredMailHealth {
  domain: string;
  status: HealthStatus;
  health: MailHealth;
  /** Whether eNom hosts the domain's DNS, so the fix can be written there; null: not known. */
  dnsAtProvider: boolean | null;
  checkedAt: Date;
  previousStatus: HealthStatus | null;
}

/**
 * GetMailHosts' service: POP mail is eNom's hosted email switched on (GetMailHosts.md's
 * ServiceSelect table). Anything else is off; no answer (or an empty ServiceSelect, as in the
 * page's own sample) is "not known", never "off".
 */
async function emailServiceOf(domain: string): Promise<EmailServiceState> {
  try {
    const { emailService } = await getEnomClient().getMailHosts({ domain });
    return emailService === null ? "unknown" : emailService === "pop-mail";
  } catch (error) {
    logger.info({ err: error, domain }, "mail health: GetMailHosts gave no answer");
    return "unknown";
  }
}

/** GetDNS's answer on whose name servers the domain uses; null when it cannot tell. */
async function enomNameServersOf(domain: string): Promise<boolean | null> {
  try {
    return (await getEnomClient().getDns({ domain })).usesEnomNameServers;
  } catch (error) {
    logger.info({ err: error, domain }, "mail health: GetDNS gave no answer");
    return null;
  }
}

/**
 * Checks a domain's mail delivery now (real DNS answers, GetMailHosts, GetDNS) and stores the
 * result. No caller check here: the actions and the job that call it have made theirs.
 */
export async function checkMailHealth(domain: string): Promise<StoredMailHealth> {
  const name = domain.toLowerCase();
  const [lookups, emailService, enomNameServers] = await Promise.all([
    lookupMailDns(name),
    emailServiceOf(name),
    enomNameServersOf(name),
  ]);
  const health = evaluateMailHealth({ lookups, emailService });
  // When GetDNS cannot tell, the NS lookup does.
  const fromDns = usesProviderNameServers(lookups.ns);
  const dnsAtProvider = enomNameServers ?? (fromDns === "unknown" ? null : fromDns);
  const checkedAt = new Date();
  const db = await getDb();
  const [row] = await db
    .insert(domainMailHealth)
    .values({ domain: name, status: health.status, health, dnsAtProvider, checkedAt })
    .onConflictDoUpdate({
      target: domainMailHealth.domain,
      set: {
        status: health.status,
        health,
        dnsAtProvider,
        checkedAt,
        previousStatus: sql`${domainMailHealth.status}`,
      },
    })
    .returning();
  if (!row) throw new Error(`The mail health of ${name} was not stored.`);
  const stored = storedOf(row);
  await announceMailHealthChange(stored);
  return stored;
}

export async function readStoredMailHealth(domain: string): Promise<StoredMailHealth | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(domainMailHealth)
    .where(eq(domainMailHealth.domain, domain.toLowerCase()))
    .limit(1);
  return row ? storedOf(row) : null;
}

function storedOf(row: typeof domainMailHealth.$inferSelect): StoredMailHealth {
  return {
    domain: row.domain,
    status: row.status,
    health: row.health as MailHealth,
    dnsAtProvider: row.dnsAtProvider,
    checkedAt: row.checkedAt,
    previousStatus: row.previousStatus,
  };
}
