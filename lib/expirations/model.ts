import type { PakDetailsState } from "@/lib/domains/domain-list";
import { renewalPrice, storageUnitsOf, type Prices } from "@/lib/pricing/price-list";
import { CAPACITIES_GB, QUOTA_MB_BY_CAPACITY, type CapacityGb } from "@/lib/validation/enom-rules";

/**
 * The expirations dashboard's model: every pak of the account placed in its renewal window, what
 * renewing it for one term costs the reseller, and the account-wide figures built from those.
 * Pure (dates as ISO strings, "today" passed in), so the page, the CSV export and the home
 * dashboard agree to the cent, and tests need no clock.
 */

/**
 * One pak in plain data: domain, pak and expiry as GetPOPExpirations lists them (always known),
 * its size and auto-renew from the pak details (GetPOP3 of its domain; null until read).
 */
export interface PakExpiry {
  domain: string;
  bundleId: number;
  /** ISO calendar date. */
  expires: string;
  /** Null while not known (GetPOPExpirations gives it only in its Text format). */
  autoRenew: boolean | null;
  /** Whether the pak details below are read. */
  details: PakDetailsState;
  qtyPurchased: number | null;
  quotaMb: number | null;
  capacityGb: CapacityGb | null;
  /** 38 a classic 10-pak, 2011 a Mailbox pak. */
  prodType: number | null;
}

/** Disjoint windows: already expired, due within 30 days, 31–60, 61–90, and later. */
export const EXPIRY_BUCKETS = ["expired", "30", "60", "90", "later"] as const;
export type ExpiryBucket = (typeof EXPIRY_BUCKETS)[number];

export const BUCKET_LABELS: Record<ExpiryBucket, string> = {
  expired: "Expired",
  "30": "Due within 30 days",
  "60": "Due in 31–60 days",
  "90": "Due in 61–90 days",
  later: "Due in more than 90 days",
};

/** The window a renewal counts as "due now": the home dashboard's warning uses the same. */
export const DUE_SOON_DAYS = 30;
/** The chart covers this month and the eleven after it. */
export const CHART_MONTHS = 12;

const DAY_MS = 86_400_000;

/** Whole days from `todayIso` to `iso` (both calendar dates): 0 today, negative once passed. */
export function daysBetween(todayIso: string, iso: string): number {
  return Math.round((dayNumber(iso) - dayNumber(todayIso)) / DAY_MS);
}

function dayNumber(iso: string): number {
  const [year = 0, month = 1, day = 1] = iso.split("-").map(Number);
  return Date.UTC(year, month - 1, day);
}

export function bucketOf(days: number): ExpiryBucket {
  if (days < 0) return "expired";
  if (days <= 30) return "30";
  if (days <= 60) return "60";
  if (days <= 90) return "90";
  return "later";
}

/**
 * The capacity eNom sold a pak at. GetPOP3 gives the quota; a quota with extra
 * storage (1536 MB) is read as the largest capacity it holds plus 512 MB units, the way eNom adds
 * storage on top of a pak. Null when eNom gave no quota.
 */
export function baseCapacityOf(pak: Pick<PakExpiry, "quotaMb" | "capacityGb">): CapacityGb | null {
  if (pak.capacityGb !== null) return pak.capacityGb;
  if (pak.quotaMb === null) return null;
  const quota = pak.quotaMb;
  const fitting = CAPACITIES_GB.filter((gb) => QUOTA_MB_BY_CAPACITY[gb] <= quota);
  return fitting[fitting.length - 1] ?? null;
}

/**
 * What renewing a pak for one year costs at `prices` (cents): every mailbox it holds at its
 * capacity's price plus its extra storage. A year because no eNom reply gives a pak's billing
 * period, and a year is what RenewPOPBundle ("the annual subscription") and the renewal wizard
 * sell. Null while its size is not read (or eNom did not say), so the figure cannot be trusted.
 */
export function oneTermRenewalCents(pak: PakExpiry, prices: Prices): number | null {
  const capacityGb = baseCapacityOf(pak);
  if (pak.qtyPurchased === null || capacityGb === null) return null;
  return renewalPrice(prices, {
    capacityGb,
    billingPeriod: "year",
    mailboxes: pak.qtyPurchased,
    terms: 1,
    storageUnits: storageUnitsOf(pak.quotaMb, capacityGb),
  });
}

/** A pak placed in time, with its cost and its customer: one row of the dashboard's table. */
export interface ExpirationRow extends PakExpiry {
  days: number;
  bucket: ExpiryBucket;
  /** One year at the cost price list, in cents; null when it cannot be priced (yet). */
  renewalCents: number | null;
  customer: { id: string; name: string } | null;
}

export type DomainOwners = ReadonlyMap<string, { customerId: string; customerName: string }>;

export function toExpirationRows(
  paks: readonly PakExpiry[],
  context: { todayIso: string; prices: Prices; owners: DomainOwners },
): ExpirationRow[] {
  return paks.map((pak) => {
    const days = daysBetween(context.todayIso, pak.expires);
    const owner = context.owners.get(pak.domain);
    return {
      ...pak,
      days,
      bucket: bucketOf(days),
      renewalCents: oneTermRenewalCents(pak, context.prices),
      customer: owner ? { id: owner.customerId, name: owner.customerName } : null,
    };
  });
}

export interface RenewalMonth {
  /** `2026-11` */
  month: string;
  /** `Nov 2026` */
  label: string;
  paks: number;
  /** One year of each pak at cost, in cents (paks that cannot be priced yet count as 0). */
  costCents: number;
}

export interface RenewalsDue {
  /** Expired paks plus those due within 30 days: all of them need renewing now. */
  paks: number;
  expired: number;
  costCents: number;
  /** Paks in that set whose cost could not be worked out, or not yet (left out of `costCents`). */
  unpriced: number;
}

export interface ExpirationSummary {
  total: number;
  /** Paks per disjoint window. */
  buckets: Record<ExpiryBucket, number>;
  /** Due from today up to 30, 60 and 90 days (each includes the shorter windows; not expired). */
  dueWithin: { 30: number; 60: number; 90: number };
  /** Paks known to have auto-renew off. */
  autoRenewOff: number;
  /** Paks whose auto-renew is not read yet. */
  autoRenewUnknown: number;
  /** Expired or due within 30 days, with auto-renew off: these lapse unless someone acts. */
  atRiskAutoRenewOff: number;
  /** Paks whose details (size, auto-renew) are not read yet or could not be: figures leave them out. */
  detailsPending: number;
  dueSoon: RenewalsDue;
  months: RenewalMonth[];
}

const monthLabel = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** This month and the next `count - 1`, as `YYYY-MM` with a short label. */
export function upcomingMonths(todayIso: string, count = CHART_MONTHS): { month: string; label: string }[] {
  const [year = 1970, month = 1] = todayIso.split("-").map(Number);
  return Array.from({ length: count }, (_, offset) => {
    const date = new Date(Date.UTC(year, month - 1 + offset, 1));
    return {
      month: date.toISOString().slice(0, 7),
      label: monthLabel.format(date),
    };
  });
}

export function summariseExpirations(rows: readonly ExpirationRow[], todayIso: string): ExpirationSummary {
  const buckets = Object.fromEntries(EXPIRY_BUCKETS.map((bucket) => [bucket, 0])) as Record<
    ExpiryBucket,
    number
  >;
  const months = upcomingMonths(todayIso).map((month) => ({ ...month, paks: 0, costCents: 0 }));
  const monthIndex = new Map(months.map((month, index) => [month.month, index]));
  const dueSoon: RenewalsDue = { paks: 0, expired: 0, costCents: 0, unpriced: 0 };
  let autoRenewOff = 0;
  let autoRenewUnknown = 0;
  let atRiskAutoRenewOff = 0;
  let detailsPending = 0;

  for (const row of rows) {
    buckets[row.bucket] += 1;
    if (row.autoRenew === false) autoRenewOff += 1;
    if (row.autoRenew === null) autoRenewUnknown += 1;
    if (row.details !== "loaded") detailsPending += 1;
    if (row.days <= DUE_SOON_DAYS) {
      dueSoon.paks += 1;
      if (row.days < 0) dueSoon.expired += 1;
      if (row.renewalCents === null) dueSoon.unpriced += 1;
      else dueSoon.costCents += row.renewalCents;
      if (row.autoRenew === false) atRiskAutoRenewOff += 1;
    }
    if (row.days >= 0) {
      const index = monthIndex.get(row.expires.slice(0, 7));
      const month = index === undefined ? undefined : months[index];
      if (month) {
        month.paks += 1;
        month.costCents += row.renewalCents ?? 0;
      }
    }
  }

  return {
    total: rows.length,
    buckets,
    dueWithin: {
      30: buckets["30"],
      60: buckets["30"] + buckets["60"],
      90: buckets["30"] + buckets["60"] + buckets["90"],
    },
    autoRenewOff,
    autoRenewUnknown,
    atRiskAutoRenewOff,
    detailsPending,
    dueSoon,
    months,
  };
}

/** The balance cannot pay for the renewals due now; null when the balance is unknown. */
export function balanceShortfallCents(balanceCents: number | null, dueSoon: RenewalsDue): number | null {
  if (balanceCents === null) return null;
  return Math.max(0, dueSoon.costCents - balanceCents);
}
