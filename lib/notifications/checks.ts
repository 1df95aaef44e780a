import "server-only";
import { renewHref } from "@/lib/dashboard/model";
import { balanceShortfallCents, type RenewalsDue } from "@/lib/expirations/model";
import { formatCalendarDate, formatUsd } from "@/lib/format";
import { logger } from "@/lib/logger";
import { notifyStaff } from "./notify";
import { findLapsedAutoRenewPaks } from "./queries";

/**
 * The events staff are told about without anyone acting: a balance too low for the renewals due,
 * and paks that expired although auto-renew was on. Each is keyed so that it is notified once
 * (per day for the balance, per pak and expiry for a renewal), however often it is checked.
 * Imported by lib/mirror/sync.ts, so nothing here imports the mirror's readers (they import the
 * sync): the balance check that reads them is balance-check.ts.
 */

const DAY_MS = 86_400_000;
/** A pak that lapsed longer ago than this is old news: the dashboard lists it, no notification. */
export const LAPSED_WITHIN_DAYS = 30;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Notifies when `spendable` cannot pay for the renewals due within 30 days (expired paks
 * included), once a day. Returns whether the balance is short.
 */
export async function notifyIfBalanceShort(
  spendable: number | null,
  due: RenewalsDue | null,
  now: Date = new Date(),
): Promise<boolean> {
  if (spendable === null || !due || due.paks === 0) return false;
  const shortfall = balanceShortfallCents(spendable, due) ?? 0;
  if (shortfall === 0) return false;
  try {
    await notifyStaff({
      kind: "low-balance",
      title: "The eNom balance cannot cover the renewals due within 30 days",
      body:
        `Renewing the ${due.paks.toLocaleString("en-US")} pak${due.paks === 1 ? "" : "s"} due within 30 days` +
        `${due.expired ? ` (${due.expired.toLocaleString("en-US")} already expired)` : ""} costs ` +
        `${formatUsd({ cents: due.costCents })} at cost; ${formatUsd({ cents: spendable })} is available, ` +
        `${formatUsd({ cents: shortfall })} short. Add funds so these paks do not lapse.`,
      href: "/expirations?filter=30",
      dedupeKey: `low-balance:${isoDay(now)}`,
    });
  } catch (error) {
    logger.warn({ err: error }, "the low-balance notification could not be recorded");
  }
  return true;
}

/**
 * Paks whose auto-renew is on but which expired (within the last 30 days): the renewal did not
 * happen, usually for want of funds. One notification per pak and expiry. For the end of each
 * full sync, when the mirror has just read every pak. Never throws; returns how many it found.
 */
export async function checkAutoRenewFailures(now: Date = new Date()): Promise<number> {
  try {
    const todayIso = isoDay(now);
    const since = isoDay(new Date(now.getTime() - LAPSED_WITHIN_DAYS * DAY_MS));
    const lapsed = await findLapsedAutoRenewPaks(since, todayIso);
    for (const pak of lapsed) {
      const date = formatCalendarDate({ iso: pak.expires });
      await notifyStaff({
        kind: "auto-renew-failed",
        title: `Pak ${pak.bundleId} of ${pak.domain} did not renew automatically`,
        body: `It expired on ${date} although auto-renew is on, so its mailboxes stop working until it is renewed. Check the eNom balance, then renew it.`,
        href: renewHref([pak]),
        dedupeKey: `auto-renew-failed:${pak.domain}:${pak.bundleId}:${pak.expires}`,
      });
    }
    return lapsed.length;
  } catch (error) {
    logger.warn({ err: error }, "failed auto-renewals could not be checked");
    return 0;
  }
}
