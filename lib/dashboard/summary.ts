import { daysUntil } from "@/lib/domains/expiry";

/** A pak as the dashboard counts it (the account mirror's row). */
export interface CountedPak {
  domain: string;
  purchased: number;
  available: number;
  /** ISO calendar date. */
  expires: string;
}

export interface PakSummary {
  paks: number;
  domainsWithEmail: number;
  /**
   * Mailboxes bought and in use, and full paks. `domainsRead` of `domainsWithEmail` have their
   * paks' sizes known: all of them, now that the account mirror holds every domain's GetPOP3.
   */
  mailboxes: { purchased: number; used: number; fullPaks: number; domainsRead: number };
  expired: number;
  dueIn30Days: number;
}

/** The account at a glance, from every pak of the mirror. */
export function summarisePaks(paks: readonly CountedPak[], today = new Date()): PakSummary {
  const summary: PakSummary = {
    paks: paks.length,
    domainsWithEmail: 0,
    mailboxes: { purchased: 0, used: 0, fullPaks: 0, domainsRead: 0 },
    expired: 0,
    dueIn30Days: 0,
  };
  const domains = new Set<string>();
  for (const pak of paks) {
    domains.add(pak.domain.toLowerCase());
    const days = daysUntil(pak.expires, today);
    if (days < 0) summary.expired += 1;
    else if (days <= 30) summary.dueIn30Days += 1;
    summary.mailboxes.purchased += pak.purchased;
    summary.mailboxes.used += Math.max(0, pak.purchased - pak.available);
    if (pak.purchased > 0 && pak.available === 0) summary.mailboxes.fullPaks += 1;
  }
  summary.domainsWithEmail = domains.size;
  summary.mailboxes.domainsRead = domains.size;
  return summary;
}
