import { daysBetween, DUE_SOON_DAYS, upcomingMonths, CHART_MONTHS } from "@/lib/expirations/model";
import { NEARLY_FULL_PERCENT } from "@/lib/validation/mailbox-rules";
import { RENEW_BATCH_MAX } from "@/lib/validation/purchases";

/**
 * The morning page's model: what needs attention now, renewals per month against the balance,
 * the account over time. Pure (dates as ISO strings, "today" passed in) and browser-safe, so the
 * page, its charts and the tests agree without a clock.
 */

/** How many items of each kind the page names before "and N more". */
export const ATTENTION_SHOWN = 5;

export const ATTENTION_KINDS = [
  "expired",
  "expiring",
  "unknown-orders",
  "approvals",
  "mail-delivery",
  "full",
  "near-full",
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export interface AttentionLink {
  label: string;
  href: string;
}

/** One thing to act on: how many, in words, the first few by name, and the one click to fix it. */
export interface AttentionItem {
  kind: AttentionKind;
  count: number;
  /** "3 paks have expired". */
  title: string;
  /** One sentence about this item alone. */
  detail: string;
  tone: "danger" | "warning";
  /** The first few, each linking to its own page. */
  entries: AttentionLink[];
  fix: AttentionLink;
}

/** A pak as the attention list reads it (the account mirror's row). */
export interface AttentionPak {
  domain: string;
  bundleId: number;
  /** ISO calendar date. */
  expires: string;
  autoRenew: boolean;
  purchased: number;
  available: number;
}

export function domainHref(domain: string): string {
  return `/domains/${encodeURIComponent(domain)}`;
}

/** The renew wizard with these paks chosen (`/renew?items=a.com:12,b.org:34&years=1`), at most a batch. */
export function renewHref(paks: readonly Pick<AttentionPak, "domain" | "bundleId">[]): string {
  const params = new URLSearchParams({
    items: paks
      .slice(0, RENEW_BATCH_MAX)
      .map((pak) => `${pak.domain}:${pak.bundleId}`)
      .join(","),
    years: "1",
  });
  return `/renew?${params}`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

function ago(days: number): string {
  if (days === -1) return "expired yesterday";
  if (days < 0) return `expired ${-days} days ago`;
  if (days === 0) return "expires today";
  if (days === 1) return "expires tomorrow";
  return `expires in ${days} days`;
}

function renewFix(
  paks: readonly AttentionPak[],
  canRenew: boolean,
  listHref: string,
  what: string,
): AttentionLink {
  if (!canRenew) return { label: `See the ${what}`, href: listHref };
  const label =
    paks.length > RENEW_BATCH_MAX
      ? `Renew the first ${RENEW_BATCH_MAX}`
      : paks.length === 1
        ? "Renew it"
        : `Renew these ${paks.length.toLocaleString("en-US")}`;
  return { label, href: renewHref(paks) };
}

/**
 * The paks' items: expired, expiring within 30 days (each to the renew wizard with exactly those
 * paks chosen), and full paks (to their domain's page, where mailboxes are added). Soonest first.
 */
export function pakAttention(
  paks: readonly AttentionPak[],
  todayIso: string,
  options: { canRenew: boolean },
): AttentionItem[] {
  const sorted = [...paks].sort(
    (a, b) =>
      a.expires.localeCompare(b.expires) || a.domain.localeCompare(b.domain) || a.bundleId - b.bundleId,
  );
  const expired: AttentionPak[] = [];
  const expiring: AttentionPak[] = [];
  const full: AttentionPak[] = [];
  for (const pak of sorted) {
    const days = daysBetween(todayIso, pak.expires);
    if (days < 0) expired.push(pak);
    else if (days <= DUE_SOON_DAYS) expiring.push(pak);
    if (pak.purchased > 0 && pak.available === 0) full.push(pak);
  }
  const entry = (pak: AttentionPak): AttentionLink => ({
    label: `${pak.domain} · pak ${pak.bundleId} ${ago(daysBetween(todayIso, pak.expires))}`,
    href: domainHref(pak.domain),
  });
  const items: AttentionItem[] = [];
  if (expired.length) {
    const autoRenewOn = expired.filter((pak) => pak.autoRenew).length;
    items.push({
      kind: "expired",
      count: expired.length,
      title: `${count(expired.length, "pak")} ${expired.length === 1 ? "has" : "have"} expired`,
      detail:
        "Their mailboxes stop working until renewed." +
        (autoRenewOn
          ? ` ${autoRenewOn.toLocaleString("en-US")} of them had auto-renew on: check the balance.`
          : ""),
      tone: "danger",
      entries: expired.slice(0, ATTENTION_SHOWN).map(entry),
      fix: renewFix(expired, options.canRenew, "/expirations?filter=expired", "expired paks"),
    });
  }
  if (expiring.length) {
    const off = expiring.filter((pak) => !pak.autoRenew).length;
    items.push({
      kind: "expiring",
      count: expiring.length,
      title: `${count(expiring.length, "pak")} ${expiring.length === 1 ? "expires" : "expire"} within ${DUE_SOON_DAYS} days`,
      detail: off
        ? `${off.toLocaleString("en-US")} of them ${off === 1 ? "has" : "have"} auto-renew off and will lapse unless renewed.`
        : "All of them have auto-renew on; the balance must cover them.",
      tone: "warning",
      entries: expiring.slice(0, ATTENTION_SHOWN).map(entry),
      fix: renewFix(expiring, options.canRenew, "/expirations?filter=30", "paks due within 30 days"),
    });
  }
  if (full.length) {
    const domains = [...new Set(full.map((pak) => pak.domain))];
    items.push({
      kind: "full",
      count: full.length,
      title: `${count(full.length, "pak")} ${full.length === 1 ? "is" : "are"} full`,
      detail: `No free mailbox left on ${count(domains.length, "domain")}; add mailboxes or a pak before the next one is needed.`,
      tone: "warning",
      entries: domains.slice(0, ATTENTION_SHOWN).map((domain) => ({
        label: `${domain} · ${count(full.filter((pak) => pak.domain === domain).length, "full pak")}`,
        href: domainHref(domain),
      })),
      fix:
        domains.length === 1 && domains[0]
          ? { label: "Open the domain", href: domainHref(domains[0]) }
          : { label: "See the domains with full paks", href: "/domains?filter=full" },
    });
  }
  return items;
}

/** A purchase whose answer was lost: it may have been made, and must be checked. */
export interface UnknownOrder {
  key: string;
  domain: string;
  kind: string;
  createdAt: string;
}

export function unknownOrdersAttention(total: number, first: readonly UnknownOrder[]): AttentionItem | null {
  if (total === 0) return null;
  return {
    kind: "unknown-orders",
    count: total,
    title: `${count(total, "order")} with an unknown outcome`,
    detail: "eNom's answer was lost; check whether each went through before ordering again.",
    tone: "danger",
    entries: first.slice(0, ATTENTION_SHOWN).map((order) => ({
      label: `${order.domain} · ${KIND_WORDS[order.kind] ?? order.kind} on ${order.createdAt.slice(0, 10)}`,
      href: `/purchases/${encodeURIComponent(order.key)}`,
    })),
    fix: { label: "Check these orders", href: "/orders?outcome=unknown" },
  };
}

const KIND_WORDS: Record<string, string> = {
  purchase: "new pak",
  "add-mailboxes": "more mailboxes",
  "add-storage": "more storage",
  renew: "renewal",
};

/** A customer's purchase waiting for staff approval. */
export interface WaitingRequest {
  id: string;
  domain: string;
  kind: string;
  customerName: string;
  createdAt: string;
}

export function approvalsAttention(total: number, first: readonly WaitingRequest[]): AttentionItem | null {
  if (total === 0) return null;
  return {
    kind: "approvals",
    count: total,
    title: `${count(total, "customer purchase")} waiting for approval`,
    detail: "Nothing is ordered until someone approves it.",
    tone: "warning",
    entries: first.slice(0, ATTENTION_SHOWN).map((request) => ({
      label: `${request.customerName}: ${KIND_WORDS[request.kind] ?? request.kind} for ${request.domain}`,
      href: "/approvals",
    })),
    fix: { label: "Review the approvals", href: "/approvals" },
  };
}

/** A mailbox at NEARLY_FULL_PERCENT of its storage or more. */
export interface NearFullMailbox {
  address: string;
  domain: string;
  percent: number;
}

export function nearFullAttention(total: number, first: readonly NearFullMailbox[]): AttentionItem | null {
  if (total === 0) return null;
  return {
    kind: "near-full",
    count: total,
    title: `${count(total, "mailbox", "mailboxes")} nearly full`,
    detail: `At ${NEARLY_FULL_PERCENT} % of their storage or more; mail to them may soon bounce.`,
    tone: "warning",
    entries: first.slice(0, ATTENTION_SHOWN).map((mailbox) => ({
      label: `${mailbox.address} · ${mailbox.percent} % used`,
      href: domainHref(mailbox.domain),
    })),
    fix: { label: "See the nearly full mailboxes", href: "/search?filter=near-full" },
  };
}

/** Domains whose last mail-delivery check found a problem (red) or something to improve (amber). */
export function mailDeliveryAttention(
  found: {
    red: number;
    amber: number;
    domains: readonly { domain: string; status: "red" | "amber" }[];
  } | null,
): AttentionItem | null {
  if (!found) return null;
  const total = found.red + found.amber;
  if (total === 0) return null;
  return {
    kind: "mail-delivery",
    count: total,
    title: `${count(total, "domain")} with mail delivery problems`,
    detail:
      found.red > 0
        ? `${count(found.red, "domain")} may lose mail or have it marked as spam; each page shows the records that fix it.`
        : "Mail may be marked as spam until a record or two is added; each page shows which.",
    tone: found.red > 0 ? "danger" : "warning",
    entries: found.domains.slice(0, ATTENTION_SHOWN).map(({ domain, status }) => ({
      label: `${domain} · ${status === "red" ? "problem" : "needs attention"}`,
      href: domainHref(domain),
    })),
    fix: { label: "See the domains with mail problems", href: "/domains?filter=mailProblems" },
  };
}

/** Most urgent first: lapsed and unknown money before capacity. */
export function sortAttention(items: readonly (AttentionItem | null)[]): AttentionItem[] {
  return items
    .filter((item): item is AttentionItem => item !== null)
    .sort((a, b) => ATTENTION_KINDS.indexOf(a.kind) - ATTENTION_KINDS.indexOf(b.kind));
}

/* Renewals per month against the balance. */

/** A pak to renew, with what one year costs at the cost price list (null: not priced). */
export interface PricedExpiry {
  /** ISO calendar date. */
  expires: string;
  renewalCents: number | null;
}

export interface RenewalMonthLine {
  /** `2026-11` */
  month: string;
  /** `Nov 2026` */
  label: string;
  paks: number;
  /** One year of each priced pak at cost, in cents. */
  costCents: number;
  unpriced: number;
  /** Everything due up to the end of this month, expired paks included, in cents. */
  cumulativeCents: number;
  /** Whether the balance still pays for everything up to here; null when the balance is unknown. */
  covered: boolean | null;
}

export interface RenewalOutlook {
  /** Paks already expired: due now, before any month. */
  overdue: { paks: number; costCents: number; unpriced: number };
  months: RenewalMonthLine[];
  /** The balance the line is drawn at (available when eNom says it), cents; null when unknown. */
  balanceCents: number | null;
  /** The first month the balance no longer covers, and by how much then; null when it covers all. */
  firstShort: { month: string; label: string; shortCents: number } | null;
  totalCents: number;
  totalPaks: number;
}

/**
 * Renewals due in this month and the eleven after it, by the month of each pak's expiry (UTC
 * calendar), with the running total that the balance must cover: expired paks count from the
 * start, since they need renewing now. Paks beyond the twelve months are left out.
 */
export function renewalOutlook(
  paks: readonly PricedExpiry[],
  todayIso: string,
  balanceCents: number | null,
  monthsAhead = CHART_MONTHS,
): RenewalOutlook {
  const months = upcomingMonths(todayIso, monthsAhead).map((month) => ({
    ...month,
    paks: 0,
    costCents: 0,
    unpriced: 0,
  }));
  const index = new Map(months.map((month, i) => [month.month, i]));
  const overdue = { paks: 0, costCents: 0, unpriced: 0 };
  for (const pak of paks) {
    const target =
      daysBetween(todayIso, pak.expires) < 0 ? overdue : months[index.get(pak.expires.slice(0, 7)) ?? -1];
    if (!target) continue;
    target.paks += 1;
    if (pak.renewalCents === null) target.unpriced += 1;
    else target.costCents += pak.renewalCents;
  }
  let running = overdue.costCents;
  let firstShort: RenewalOutlook["firstShort"] = null;
  const lines = months.map((month): RenewalMonthLine => {
    running += month.costCents;
    const covered = balanceCents === null ? null : running <= balanceCents;
    if (covered === false && !firstShort && balanceCents !== null)
      firstShort = { month: month.month, label: month.label, shortCents: running - balanceCents };
    return { ...month, cumulativeCents: running, covered };
  });
  return {
    overdue,
    months: lines,
    balanceCents,
    firstShort,
    totalCents: running,
    totalPaks: overdue.paks + months.reduce((sum, month) => sum + month.paks, 0),
  };
}

/* The account over time. */

export interface GrowthPoint {
  /** `2026-11-24` */
  day: string;
  paks: number;
  mailboxes: number;
  mailboxesPurchased: number;
  domainsWithEmail: number;
}

export interface GrowthSummary {
  points: GrowthPoint[];
  /** The change from the first point to the last; null with fewer than two points. */
  change: { days: number; paks: number; mailboxes: number } | null;
}

/** Oldest first, one point a day; the change over the whole span. */
export function growthOf(points: readonly GrowthPoint[]): GrowthSummary {
  const sorted = [...points].sort((a, b) => a.day.localeCompare(b.day));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return {
    points: sorted,
    change:
      first && last && sorted.length > 1
        ? {
            days: daysBetween(first.day, last.day),
            paks: last.paks - first.paks,
            mailboxes: last.mailboxes - first.mailboxes,
          }
        : null,
  };
}

/** "+12", "−3", "no change". */
export function signed(n: number): string {
  if (n === 0) return "no change";
  return n > 0 ? `+${n.toLocaleString("en-US")}` : `−${Math.abs(n).toLocaleString("en-US")}`;
}
