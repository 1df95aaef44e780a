import type { PopExpiration } from "@/lib/enom/types";

export interface PakSummary {
  paks: number;
  domainsWithEmail: number;
  mailboxesPurchased: number;
  mailboxesUsed: number;
  expired: number;
  dueIn30Days: number;
  autoRenewOff: number;
  fullPaks: number;
}

const DAY_MS = 86_400_000;

function daysUntil(iso: string, today: Date): number {
  const [year, month, day] = iso.split("-").map(Number);
  const expiry = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((expiry - start) / DAY_MS);
}

/** The account at a glance, from GetPOPExpirations alone (one eNom call for any account size). */
export function summarisePaks(paks: readonly PopExpiration[], today = new Date()): PakSummary {
  const summary: PakSummary = {
    paks: paks.length,
    domainsWithEmail: 0,
    mailboxesPurchased: 0,
    mailboxesUsed: 0,
    expired: 0,
    dueIn30Days: 0,
    autoRenewOff: 0,
    fullPaks: 0,
  };
  const domains = new Set<string>();
  for (const pak of paks) {
    domains.add(pak.domainName.toLowerCase());
    const purchased = pak.qtyPurchased ?? 0;
    const available = pak.qtyAvailable ?? 0;
    summary.mailboxesPurchased += purchased;
    summary.mailboxesUsed += Math.max(0, purchased - available);
    if (purchased > 0 && available === 0) summary.fullPaks += 1;
    const days = daysUntil(pak.expires.iso, today);
    if (days < 0) summary.expired += 1;
    else if (days <= 30) summary.dueIn30Days += 1;
    if (!pak.autoRenew) summary.autoRenewOff += 1;
  }
  summary.domainsWithEmail = domains.size;
  return summary;
}
