import { describeExpiry } from "@/lib/domains/expiry";
import type { DomainListRow } from "@/lib/domains/domain-list";

/**
 * What needs the customer's attention on its home page: expired paks, paks expiring within 30
 * days, and full paks (no room for another mailbox; known once the domain's pak details are read).
 * Pure, from the rows of the domain list.
 */
export type AttentionTone = "danger" | "warning";

export interface AttentionItem {
  domain: string;
  kind: "expired" | "expiring" | "full";
  tone: AttentionTone;
  /** One sentence, e.g. "A pak of example.com expires in 12 days." */
  text: string;
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

export function attentionItems(rows: readonly DomainListRow[], today: Date): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const row of rows) {
    const expiry = row.nearestExpiry;
    if (expiry && expiry.state !== "later") {
      const when = describeExpiry(expiry.iso, today).replace(/^E/, "e");
      const renews = row.autoRenew === "on" ? " Auto-renew is on." : "";
      items.push({
        domain: row.domain,
        kind: expiry.state === "expired" ? "expired" : "expiring",
        tone: expiry.state === "expired" ? "danger" : "warning",
        text:
          expiry.state === "expired"
            ? `A pak of ${row.domain} ${when}: its mailboxes no longer receive mail.`
            : `A pak of ${row.domain} ${when}.${renews}`,
      });
    }
    // Null while the domain's pak details are not read: nothing is claimed until they are.
    const full = row.fullPaks ?? 0;
    if (full > 0) {
      items.push({
        domain: row.domain,
        kind: "full",
        tone: "warning",
        text:
          full === 1 && row.paks === 1
            ? `The pak of ${row.domain} is full: there is no room for another mailbox.`
            : `${full} ${plural(full, "pak", "paks")} of ${row.domain} ${plural(full, "is", "are")} full.`,
      });
    }
  }
  // Expired first, then the soonest expiries, then full paks.
  const rank = { expired: 0, expiring: 1, full: 2 } as const;
  const days = (item: AttentionItem) =>
    rows.find((row) => row.domain === item.domain)?.nearestExpiry?.days ?? Number.POSITIVE_INFINITY;
  return items.sort((a, b) => rank[a.kind] - rank[b.kind] || days(a) - days(b));
}
