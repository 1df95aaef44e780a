import "server-only";
import { recordAudit } from "@/lib/audit";
import { getBranding } from "@/lib/branding/settings";
import { findCustomer } from "@/lib/customers/queries";
import { logger } from "@/lib/logger";
import { absoluteUrl } from "@/lib/mail/links";
import { storageAlertEmail } from "@/lib/mail/templates/storage-alert";
import { sendMail } from "@/lib/mail/transport";
import { notifyStaff } from "@/lib/notifications/notify";
import { listDomainOwnersWithAdmins, type DomainOwner } from "@/lib/reminders/queries";
import { storagePercent } from "@/lib/validation/mailbox-rules";
import { announceStorageCrossings } from "@/lib/webhooks/sources";
import { addStorageHref, ALERT_PERCENT, alertStep } from "./model";
import {
  claimAlerts,
  deleteAlerts,
  listAlertsWithUsage,
  listUnalertedNearlyFull,
  listUnemailedAlerts,
  recordCrossings,
  releaseAlerts,
  type MirrorUsageRow,
  type NewAlert,
} from "./queries";

export interface StorageAlertRun {
  /** Alerts forgotten: usage fell below the clearing threshold, or the mailbox is gone. */
  cleared: number;
  /** Mailboxes that crossed the threshold since the last pass (any domain). */
  crossed: number;
  /** Emails sent (one per domain). */
  sent: number;
  /** Crossings of a customer's domain claimed by another run first. */
  alreadySent: number;
  /** Domains whose customer has no active administrator to write to (emailed once one exists). */
  noRecipient: number;
  failed: number;
}

const SYSTEM_ACTOR = { id: null, email: "system (storage alerts)", role: "system" };
/** Addresses a staff notification names before "and N more". */
const NAMED_IN_NOTIFICATION = 5;

/**
 * One pass of the storage alerts, from the account mirror (lib/mirror): no eNom call.
 * 1. Alerts whose mailbox fell below CLEAR_BELOW_PERCENT (or was deleted) are cleared, so the
 *    next crossing alerts again (model.ts explains the hysteresis).
 * 2. Mailboxes at ALERT_PERCENT or more without an alert on record have crossed: each is
 *    recorded (the primary key keeps it to one record however many runs race), and staff get
 *    one notification for the crossings this pass recorded.
 * 3. Every recorded crossing of a customer's domain that was not emailed yet, and is still at the
 *    threshold, goes in one email per domain to that customer's active administrators, claimed
 *    before it is sent and released if the email fails. A domain without a customer emails no
 *    one; its crossing stays on record and is emailed if the domain is assigned while still full.
 */
export async function sendStorageAlerts(now: Date = new Date()): Promise<StorageAlertRun> {
  const run: StorageAlertRun = { cleared: 0, crossed: 0, sent: 0, alreadySent: 0, noRecipient: 0, failed: 0 };

  const stale = (await listAlertsWithUsage()).filter(
    (alert) => !alert.exists || alertStep(alert, true) === "clear",
  );
  await deleteAlerts(stale);
  run.cleared = stale.length;

  const crossings = (await listUnalertedNearlyFull()).flatMap((row): NewAlert[] => {
    const percent = storagePercent(row.quotaUsedMb, row.quotaMb);
    if (
      alertStep(row, false) !== "alert" ||
      percent === null ||
      row.quotaUsedMb === null ||
      row.quotaMb === null
    )
      return [];
    const { domain, userName, address, quotaUsedMb, quotaMb } = row;
    return [{ domain, userName, address, percent, quotaUsedMb, quotaMb }];
  });
  const recorded = await recordCrossings(crossings, now);
  run.crossed = recorded.length;
  if (recorded.length > 0) await notifyStaffOfCrossings(crossings, recorded, now);
  const mine = new Set(recorded.map((key) => `${key.domain}\u0000${key.userName}`));
  await announceStorageCrossings(
    crossings.filter((alert) => mine.has(`${alert.domain}\u0000${alert.userName}`)),
  );

  const owners = await listDomainOwnersWithAdmins();
  const pending = (await listUnemailedAlerts([...owners.keys()])).filter(
    (row) => alertStep(row, false) === "alert",
  );
  const perDomain = new Map<string, MirrorUsageRow[]>();
  for (const row of pending) perDomain.set(row.domain, [...(perDomain.get(row.domain) ?? []), row]);
  const canBuy = new Map<string, boolean>();
  for (const [domain, rows] of perDomain) {
    const owner = owners.get(domain.toLowerCase());
    if (!owner) continue;
    if (owner.adminEmails.length === 0) {
      run.noRecipient += 1;
      continue;
    }
    if (!canBuy.has(owner.customerId))
      canBuy.set(owner.customerId, (await findCustomer(owner.customerId))?.canPurchase ?? false);
    const outcome = await alertDomain(domain, rows, owner, canBuy.get(owner.customerId) ?? false, now);
    run[outcome === "sent" ? "sent" : outcome === "already-sent" ? "alreadySent" : "failed"] += 1;
  }
  return run;
}

/** Claims, sends and audits one domain's email. */
async function alertDomain(
  domain: string,
  rows: readonly MirrorUsageRow[],
  owner: DomainOwner,
  canPurchase: boolean,
  at: Date,
): Promise<"sent" | "already-sent" | "failed"> {
  const claimed = new Set(
    await claimAlerts(
      domain,
      rows.map((row) => row.userName),
      { customerId: owner.customerId, recipients: owner.adminEmails, at },
    ),
  );
  const mailboxes = rows.filter((row) => claimed.has(row.userName));
  if (mailboxes.length === 0) return "already-sent";
  const addresses = mailboxes.map((row) => row.address);
  try {
    await sendAlert(domain, mailboxes, owner.adminEmails, canPurchase);
  } catch (error) {
    await releaseAlerts(domain, [...claimed], at);
    logger.error({ err: error, domain }, "storage alert email failed");
    await recordAudit({
      actor: SYSTEM_ACTOR,
      action: "alert.storage",
      outcome: "failed",
      summary: `The storage alert for ${addresses.join(", ")} could not be sent; the next run retries`,
      domain,
      targetCustomerId: owner.customerId,
      details: { mailboxes: addresses },
    });
    return "failed";
  }
  await recordAudit({
    actor: SYSTEM_ACTOR,
    action: "alert.storage",
    outcome: "ok",
    summary: `Sent the storage alert for ${addresses.join(", ")} (${ALERT_PERCENT} % full or more) to ${owner.adminEmails.join(", ")}`,
    domain,
    mailbox: addresses.length === 1 ? addresses[0] : undefined,
    targetCustomerId: owner.customerId,
    details: {
      mailboxes: mailboxes.map((row) => ({
        address: row.address,
        percent: storagePercent(row.quotaUsedMb, row.quotaMb),
      })),
      recipients: owner.adminEmails,
    },
  });
  return "sent";
}

async function sendAlert(
  domain: string,
  rows: readonly MirrorUsageRow[],
  to: string[],
  canPurchase: boolean,
): Promise<void> {
  const branding = await getBranding();
  const domainPath = `/portal/domains/${encodeURIComponent(domain)}`;
  const paks = [...new Set(rows.map((row) => row.bundleId))];
  const [onlyPak] = paks;
  // One pak: its storage wizard; several: the domain's page, where each pak card offers it.
  const addStoragePath =
    paks.length === 1 && onlyPak !== null && onlyPak !== undefined
      ? addStorageHref("/portal", domain, onlyPak)
      : domainPath;
  const content = storageAlertEmail(branding, {
    domain,
    mailboxes: rows.map((row) => ({
      address: row.address,
      quotaUsedMb: row.quotaUsedMb ?? 0,
      quotaMb: row.quotaMb ?? 0,
      percent: storagePercent(row.quotaUsedMb, row.quotaMb) ?? 0,
    })),
    portalUrl: await absoluteUrl(domainPath),
    addStorageUrl: canPurchase ? await absoluteUrl(addStoragePath) : null,
    thresholdPercent: ALERT_PERCENT,
  });
  await sendMail({
    ...content,
    to,
    template: "storage-alert",
    fromName: branding.productName,
    // RFC 3834: an automatic message; vacation responders should not answer it.
    headers: { "Auto-Submitted": "auto-generated" },
  });
}

/** One notification for the crossings this pass recorded, naming the fullest few. */
async function notifyStaffOfCrossings(
  crossings: readonly NewAlert[],
  recorded: readonly { domain: string; userName: string }[],
  now: Date,
): Promise<void> {
  const mine = new Set(recorded.map((key) => `${key.domain}\u0000${key.userName}`));
  // The fullest first: those bounce mail soonest.
  const addresses = crossings
    .filter((alert) => mine.has(`${alert.domain}\u0000${alert.userName}`))
    .sort((a, b) => b.percent - a.percent || a.address.localeCompare(b.address))
    .map((alert) => `${alert.address} (${alert.percent} %)`);
  const more = addresses.length - NAMED_IN_NOTIFICATION;
  try {
    await notifyStaff({
      kind: "mailbox-nearly-full",
      title:
        addresses.length === 1
          ? `A mailbox crossed ${ALERT_PERCENT} % of its storage`
          : `${addresses.length} mailboxes crossed ${ALERT_PERCENT} % of their storage`,
      body: `${addresses.slice(0, NAMED_IN_NOTIFICATION).join(", ")}${more > 0 ? `, and ${more} more` : ""}.`,
      href: "/search?filter=near-full",
      dedupeKey: `mailbox-nearly-full:${now.toISOString()}`,
    });
  } catch (error) {
    // The alerts themselves are recorded; a notification that failed is not worth a retry.
    logger.warn({ err: error }, "the nearly-full notification could not be recorded");
  }
}
