import { daysUntil } from "@/lib/domains/expiry";
import type { PakDetailsMap } from "@/lib/domains/pak-details";
import type { PopExpiration } from "@/lib/enom/types";

export interface PakSummary {
  paks: number;
  domainsWithEmail: number;
  /**
   * Mailboxes bought and in use, and full paks, over the domains whose pak details (GetPOP3) are
   * read: `domainsRead` of `domainsWithEmail`. GetPOPExpirations gives no pak sizes.
   */
  mailboxes: { purchased: number; used: number; fullPaks: number; domainsRead: number };
  expired: number;
  dueIn30Days: number;
}

/**
 * The account at a glance: paks, domains and expiries from GetPOPExpirations (one eNom call for
 * any account size), mailbox figures from the pak details known so far.
 */
export function summarisePaks(
  paks: readonly PopExpiration[],
  details: PakDetailsMap,
  today = new Date(),
): PakSummary {
  const summary: PakSummary = {
    paks: paks.length,
    domainsWithEmail: 0,
    mailboxes: { purchased: 0, used: 0, fullPaks: 0, domainsRead: 0 },
    expired: 0,
    dueIn30Days: 0,
  };
  const domains = new Set<string>();
  for (const pak of paks) {
    domains.add(pak.domainName.toLowerCase());
    const days = daysUntil(pak.expires.iso, today);
    if (days < 0) summary.expired += 1;
    else if (days <= 30) summary.dueIn30Days += 1;
  }
  summary.domainsWithEmail = domains.size;
  for (const domain of domains) {
    const read = details.get(domain);
    if (read?.state !== "loaded") continue;
    summary.mailboxes.domainsRead += 1;
    for (const pak of read.details.paks) {
      summary.mailboxes.purchased += pak.qtyPurchased;
      summary.mailboxes.used += Math.max(0, pak.qtyPurchased - pak.qtyAvailable);
      if (pak.qtyPurchased > 0 && pak.qtyAvailable === 0) summary.mailboxes.fullPaks += 1;
    }
  }
  return summary;
}
