import "server-only";
import { recordAudit } from "@/lib/audit";
import { getBranding } from "@/lib/branding/settings";
import { daysUntil } from "@/lib/domains/expiry";
import { pakDetailOf, pakDetailsReader } from "@/lib/domains/pak-details";
import { getEnomClient, type PopExpiration } from "@/lib/enom";
import { logger } from "@/lib/logger";
import { absoluteUrl } from "@/lib/mail/links";
import { renewalReminderEmail } from "@/lib/mail/templates/renewal-reminder";
import { sendMail } from "@/lib/mail/transport";
import {
  claimReminder,
  listDomainOwnersWithAdmins,
  releaseReminder,
  type DomainOwner,
  type ReminderKey,
} from "./queries";
import { dueReminder } from "./thresholds";

export interface ReminderRun {
  /** Paks eNom listed. */
  paks: number;
  sent: number;
  /** Due, but already sent by an earlier run (or another instance). */
  alreadySent: number;
  /** Due, but the customer has no active administrator to write to. */
  noRecipient: number;
  /** Due, but its auto-renew could not be read from eNom (GetPOP3): left for the next run. */
  notRead: number;
  failed: number;
}

/** How long a run waits for the due paks' details; the hourly schedule retries what it could not read. */
const DETAILS_WAIT_MS = 60_000;

const SYSTEM_ACTOR = { id: null, email: "system (renewal reminders)", role: "system" };

/**
 * One pass of the renewal reminders: every pak of the eNom account (one GetPOPExpirations call:
 * domain, pak and expiry) whose domain belongs to a customer, and which has reached a reminder
 * threshold, gets one email to the customer's administrators. Whether the pak renews by itself and
 * how many mailboxes it holds come from its domain's GetPOP3 (the pak details reader), read for the
 * due paks only: GetPOPExpirations gives auto-renew in its Text format alone. Each (pak, expiry,
 * threshold) is claimed in the database before its email goes out, so several runs or panel
 * instances send it once; a failed email is released and retried by the next run.
 */
export async function sendRenewalReminders(now: Date = new Date()): Promise<ReminderRun> {
  const [{ paks }, owners] = await Promise.all([
    getEnomClient().getPopExpirations(),
    listDomainOwnersWithAdmins(),
  ]);
  const run: ReminderRun = {
    paks: paks.length,
    sent: 0,
    alreadySent: 0,
    noRecipient: 0,
    notRead: 0,
    failed: 0,
  };
  const due: {
    pak: PopExpiration;
    domain: string;
    owner: DomainOwner;
    daysLeft: number;
    threshold: number;
  }[] = [];
  for (const pak of paks) {
    const domain = pak.domainName.toLowerCase();
    const owner = owners.get(domain);
    if (!owner) continue;
    const daysLeft = daysUntil(pak.expires.iso, now);
    const threshold = dueReminder(daysLeft);
    if (threshold === null) continue;
    if (owner.adminEmails.length === 0) {
      run.noRecipient += 1;
      continue;
    }
    due.push({ pak, domain, owner, daysLeft, threshold });
  }
  const details = due.length
    ? await pakDetailsReader().read(
        due.map((item) => item.domain),
        { waitMs: DETAILS_WAIT_MS },
      )
    : new Map();

  for (const { pak, domain, owner, daysLeft, threshold } of due) {
    const detail = pakDetailOf(details.get(domain), pak.bundleId);
    const autoRenew = detail?.autoRenew ?? pak.autoRenew;
    // Telling a customer "it will not renew" when it will (or the reverse) is worse than waiting an hour.
    if (autoRenew === null) {
      run.notRead += 1;
      continue;
    }
    const key: ReminderKey = {
      domain,
      bundleId: String(pak.bundleId),
      expires: pak.expires.iso,
      daysBefore: threshold,
    };
    if (!(await claimReminder(key, { customerId: owner.customerId, recipients: owner.adminEmails }))) {
      run.alreadySent += 1;
      continue;
    }
    try {
      await sendReminder(
        { domain, expires: pak.expires, mailboxCount: detail?.qtyPurchased ?? null, autoRenew },
        daysLeft,
        owner.adminEmails,
      );
    } catch (error) {
      await releaseReminder(key);
      run.failed += 1;
      logger.error({ err: error, domain, bundleId: pak.bundleId }, "renewal reminder email failed");
      await recordAudit({
        actor: SYSTEM_ACTOR,
        action: "reminder.renewal",
        outcome: "failed",
        summary: `The ${threshold}-day renewal reminder for ${domain} could not be sent; the next run retries`,
        domain,
        pakId: key.bundleId,
        targetCustomerId: owner.customerId,
      });
      continue;
    }
    run.sent += 1;
    await recordAudit({
      actor: SYSTEM_ACTOR,
      action: "reminder.renewal",
      outcome: "ok",
      summary: `Sent the ${threshold}-day renewal reminder for ${domain} (expires ${pak.expires.iso}, auto-renew ${autoRenew ? "on" : "off"}) to ${owner.adminEmails.join(", ")}`,
      domain,
      pakId: key.bundleId,
      targetCustomerId: owner.customerId,
      details: { daysBefore: threshold, expires: pak.expires.iso, recipients: owner.adminEmails },
    });
  }
  return run;
}

async function sendReminder(
  pak: { domain: string; expires: { iso: string }; mailboxCount: number | null; autoRenew: boolean },
  daysLeft: number,
  to: string[],
): Promise<void> {
  const branding = await getBranding();
  const content = renewalReminderEmail(branding, {
    domain: pak.domain,
    mailboxCount: pak.mailboxCount,
    expires: pak.expires,
    daysLeft,
    autoRenew: pak.autoRenew,
    portalUrl: await absoluteUrl(`/portal/domains/${encodeURIComponent(pak.domain)}`),
  });
  await sendMail({
    ...content,
    to,
    template: "renewal-reminder",
    fromName: branding.productName,
    // RFC 3834: an automatic message; vacation responders should not answer it.
    headers: { "Auto-Submitted": "auto-generated" },
  });
}
