import "server-only";
import { listAudit, type AuditListRow } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/guards";
import { can, isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/errors";
import { getAccountPaks } from "@/lib/domains/account-overview";
import { describeUpstreamFailure, type UpstreamFailureText } from "@/lib/domains/upstream-failure";
import { listMailHealthAttention } from "@/lib/mail-health/queries";
import { toPakExpiry } from "@/lib/expirations/load";
import {
  summariseExpirations,
  toExpirationRows,
  type PakExpiry,
  type RenewalsDue,
} from "@/lib/expirations/model";
import type { MirrorStatus } from "@/lib/mirror/status";
import { keptUntilMirrorChanges } from "@/lib/mirror/version";
import { notifyIfBalanceShort } from "@/lib/notifications/checks";
import { getPriceList } from "@/lib/pricing/settings";
import { NEAR_FULL_PERCENT } from "@/lib/search/model";
import { spendableCents, type AccountBalance } from "./balance";
import {
  approvalsAttention,
  ATTENTION_SHOWN,
  growthOf,
  mailDeliveryAttention,
  nearFullAttention,
  pakAttention,
  renewalOutlook,
  sortAttention,
  unknownOrdersAttention,
  type AttentionItem,
  type AttentionKind,
  type GrowthSummary,
  type PricedExpiry,
  type RenewalOutlook,
} from "./model";
import { findNearFullMailboxes, findUnknownOrders, findWaitingRequests } from "./queries";
import { ensureTodaysSnapshot, loadGrowthPoints } from "./snapshots";
import { summarisePaks, type PakSummary } from "./summary";

/**
 * The reseller's morning page (the staff dashboard): what needs attention now, each with the one
 * link that fixes it; renewals due per month, priced at cost, to set against the balance; the
 * account over time; and what was done lately. From the account mirror and the panel's own
 * tables: no eNom call here (the balance is read beside it, `readAccountBalance`).
 */

export interface MorningPageData {
  todayIso: string;
  /** Only the items that need something now, most urgent first. */
  attention: AttentionItem[];
  /** The items checked and found clear, so the page can say so. */
  clear: AttentionKind[];
  paks: PakSummary;
  /** Expired plus due within 30 days, at cost: what the balance must cover now. */
  dueSoon: RenewalsDue;
  /** Every pak due in the next 12 months (or overdue) with its one-year cost, for the outlook. */
  priced: PricedExpiry[];
  growth: GrowthSummary;
  /** The last 10 audit entries; null when the user may not read the audit log. */
  activity: AuditListRow[] | null;
  /** When eNom was read (ISO instant): the oldest read of the account mirror. */
  fetchedAt: string;
  stale: boolean;
  mirror: MirrorStatus;
}

export type MorningPage = ({ ok: true } & MorningPageData) | { ok: false; failure: UpstreamFailureText };

const OUTLOOK_DAYS = 366;

export async function getMorningPage(user: SessionUser, now: Date = new Date()): Promise<MorningPage> {
  // Staff only: the account-wide figures, the orders and the audit are not a customer's to see.
  if (!isStaffRole(user.role)) throw new NotFoundError("That page");
  requirePermission(user, "domains.view");
  const todayIso = now.toISOString().slice(0, 10);
  const seeOrders = can(user, "orders.view");
  try {
    const [account, prices, nearFull, unknown, waiting, activity, mailProblems] = await Promise.all([
      getAccountPaks(user),
      getPriceList(),
      keptUntilMirrorChanges(`dashboard:near-full:${NEAR_FULL_PERCENT}`, () =>
        findNearFullMailboxes(NEAR_FULL_PERCENT, ATTENTION_SHOWN),
      ),
      seeOrders ? findUnknownOrders(ATTENTION_SHOWN) : null,
      seeOrders ? findWaitingRequests(ATTENTION_SHOWN) : null,
      can(user, "audit.view") ? listAudit({}, { limit: 10 }) : null,
      listMailHealthAttention(user, ATTENTION_SHOWN),
    ]);
    // A day without a snapshot (the panel was down at night) gets one now, once the mirror is whole.
    if (account.mirror.state === "synced") await ensureTodaysSnapshot(now);
    const growth = growthOf(await loadGrowthPoints(now));

    // Paks only the account's expiry list names (their domain's read failed): expiry known, size not.
    const unread = account.unread.map((pak) => ({
      ...pak,
      autoRenew: pak.autoRenew ?? false,
      purchased: 0,
      available: 0,
    }));
    const rows = toExpirationRows(
      [
        ...account.paks.map(toPakExpiry),
        ...account.unread.map((pak): PakExpiry => ({
          ...pak,
          details: "failed",
          qtyPurchased: null,
          quotaMb: null,
          capacityGb: null,
          prodType: null,
        })),
      ],
      { todayIso, prices: prices.cost, owners: new Map() },
    );
    const horizon = new Date(now.getTime() + OUTLOOK_DAYS * 86_400_000).toISOString().slice(0, 10);
    const attention = sortAttention([
      ...pakAttention([...account.paks, ...unread], todayIso, { canRenew: can(user, "paks.renew") }),
      unknown ? unknownOrdersAttention(unknown.total, unknown.first) : null,
      waiting ? approvalsAttention(waiting.total, waiting.first) : null,
      mailDeliveryAttention(mailProblems),
      nearFullAttention(nearFull.total, nearFull.first),
    ]);
    const checked: AttentionKind[] = [
      "expired",
      "expiring",
      ...(seeOrders ? (["unknown-orders", "approvals"] as const) : []),
      "mail-delivery",
      "full",
      "near-full",
    ];
    return {
      ok: true,
      todayIso,
      attention,
      clear: checked.filter((kind) => !attention.some((item) => item.kind === kind)),
      paks: summarisePaks(account.paks, now),
      dueSoon: summariseExpirations(rows, todayIso).dueSoon,
      priced: rows
        .filter((row) => row.expires <= horizon)
        .map((row) => ({ expires: row.expires, renewalCents: row.renewalCents })),
      growth,
      activity,
      fetchedAt: account.fetchedAt,
      stale: account.stale,
      mirror: account.mirror,
    };
  } catch (error) {
    const failure = describeUpstreamFailure(error, "the account");
    if (!failure) throw error;
    return { ok: false, failure };
  }
}

/**
 * Renewals per month against the balance once both are read; a balance short of the renewals due
 * within 30 days is also told to staff as a notification (once a day).
 */
export async function getRenewalOutlook(
  morning: Promise<MorningPage>,
  balance: Promise<AccountBalance>,
  now: Date = new Date(),
): Promise<{ outlook: RenewalOutlook; balanceKnown: boolean } | null> {
  const [page, account] = await Promise.all([morning, balance]);
  if (!page.ok) return null;
  const spendable = spendableCents(account);
  // Not awaited: the page does not wait for the notification's emails (it never throws).
  void notifyIfBalanceShort(spendable, page.dueSoon, now);
  return { outlook: renewalOutlook(page.priced, page.todayIso, spendable), balanceKnown: spendable !== null };
}
