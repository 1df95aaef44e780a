import { NEARLY_FULL_PERCENT, storagePercent } from "@/lib/validation/mailbox-rules";

/**
 * Storage alerts: when a mailbox crosses NEARLY_FULL_PERCENT of its quota, its customer's
 * administrators are emailed once. Pure and browser-safe: the grid, the portal home and the job
 * read the same thresholds and words.
 */

/** A mailbox alerts from here on: the grid's own "nearly full" threshold, never a second number. */
export const ALERT_PERCENT = NEARLY_FULL_PERCENT;

/**
 * Hysteresis: an alert is cleared (and may fire again) only once usage falls below this, not
 * merely below ALERT_PERCENT. A mailbox hovering around 90 % (mail in, mail deleted, mail in)
 * would otherwise cross every time the mirror reads it and its admins would get an email a day;
 * 5 points under the threshold means someone really made room (or storage was added).
 */
export const CLEAR_BELOW_PERCENT = 85;

/** Usage as the account mirror holds it (GetPOP3's quotaused and quota, MB); null when not reported. */
export interface MailboxUsage {
  quotaUsedMb: number | null;
  quotaMb: number | null;
}

/**
 * What one pass does with a mailbox: record a new crossing, clear an old alert, or nothing.
 * `alerted`: an alert for it is on record. Unreported usage changes nothing either way, so a
 * failed read neither alerts nor forgets an alert.
 */
export type AlertStep = "alert" | "clear" | "keep";

export function alertStep(usage: MailboxUsage, alerted: boolean): AlertStep {
  const { quotaUsedMb, quotaMb } = usage;
  if (quotaUsedMb === null || quotaMb === null || quotaMb <= 0) return "keep";
  // Whole numbers, as the SQL of the dashboard and the search compare them.
  if (alerted) return quotaUsedMb * 100 < quotaMb * CLEAR_BELOW_PERCENT ? "clear" : "keep";
  return quotaUsedMb * 100 >= quotaMb * ALERT_PERCENT ? "alert" : "keep";
}

/** "97 % full" (rounded down, so a flagged mailbox never reads under the threshold). */
export function fullLabel(usage: MailboxUsage): string | null {
  const percent = storagePercent(usage.quotaUsedMb, usage.quotaMb);
  return percent === null ? null : `${percent} % full`;
}

/** The purchase wizard growing this pak's storage, under the viewer's base path ("" or "/portal"). */
export function addStorageHref(basePath: string, domain: string, bundleId: number): string {
  return `${basePath}/purchase?domain=${encodeURIComponent(domain)}&pak=${bundleId}&grow=storage`;
}

/** A nearly full mailbox as the portal home lists it. */
export interface NearlyFullMailbox {
  domain: string;
  address: string;
  bundleId: number | null;
  quotaUsedMb: number;
  quotaMb: number;
  percent: number;
}
