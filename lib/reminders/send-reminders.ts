import "server-only";
import { recordAudit } from "@/lib/audit";
import { getBranding } from "@/lib/branding/settings";
import { daysUntil } from "@/lib/domains/expiry";
import type { MirrorPakRow } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { listMirrorPaks } from "@/lib/mirror/read";
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
  /** Paks of customers' domains the mirror holds. */
  paks: number;
  sent: number;
  /** Due, but already sent by an earlier run (or another instance). */
  alreadySent: number;
  /** Due, but the customer has no active administrator to write to. */
  noRecipient: number;
  failed: number;
}

const SYSTEM_ACTOR = { id: null, email: "system (renewal reminders)", role: "system" };

/**
 * One pass of the renewal reminders, from the account mirror (lib/mirror): no eNom call. Every pak
 * of a domain that belongs to a customer, and which has reached a reminder threshold, gets one
 * email to the customer's administrators, with its expiry, auto-renew and mailbox count as the
 * mirror last read them from GetPOP3 (the nightly sync and each write's refresh keep them). A
 * domain the mirror has not read yet has no pak here and is reminded once the sync reads it. Each
 * (pak, expiry, threshold) is claimed in the database before its email goes out, so several runs
 * or panel instances send it once; a failed email is released and retried by the next run.
 */
export async function sendRenewalReminders(now: Date = new Date()): Promise<ReminderRun> {
  const owners = await listDomainOwnersWithAdmins();
  const paks = owners.size ? await listMirrorPaks([...owners.keys()]) : [];
  const run: ReminderRun = { paks: paks.length, sent: 0, alreadySent: 0, noRecipient: 0, failed: 0 };
  for (const pak of paks) {
    const domain = pak.domain.toLowerCase();
    const owner = owners.get(domain);
    if (!owner) continue;
    const daysLeft = daysUntil(pak.expires, now);
    const threshold = dueReminder(daysLeft);
    if (threshold === null) continue;
    if (owner.adminEmails.length === 0) {
      run.noRecipient += 1;
      continue;
    }
    const outcome = await remind(pak, owner, daysLeft, threshold);
    if (outcome === "sent") run.sent += 1;
    else if (outcome === "already-sent") run.alreadySent += 1;
    else run.failed += 1;
  }
  return run;
}

/** Claims, sends and audits one due reminder. */
async function remind(
  pak: MirrorPakRow,
  owner: DomainOwner,
  daysLeft: number,
  threshold: number,
): Promise<"sent" | "already-sent" | "failed"> {
  const domain = pak.domain.toLowerCase();
  const key: ReminderKey = {
    domain,
    bundleId: String(pak.bundleId),
    expires: pak.expires,
    daysBefore: threshold,
  };
  if (!(await claimReminder(key, { customerId: owner.customerId, recipients: owner.adminEmails })))
    return "already-sent";
  const expires = { iso: pak.expires };
  try {
    await sendReminder(
      { domain, expires, mailboxCount: pak.purchased, autoRenew: pak.autoRenew },
      daysLeft,
      owner.adminEmails,
    );
  } catch (error) {
    await releaseReminder(key);
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
    return "failed";
  }
  await recordAudit({
    actor: SYSTEM_ACTOR,
    action: "reminder.renewal",
    outcome: "ok",
    summary: `Sent the ${threshold}-day renewal reminder for ${domain} (expires ${pak.expires}, auto-renew ${pak.autoRenew ? "on" : "off"}) to ${owner.adminEmails.join(", ")}`,
    domain,
    pakId: key.bundleId,
    targetCustomerId: owner.customerId,
    details: { daysBefore: threshold, expires: pak.expires, recipients: owner.adminEmails },
  });
  return "sent";
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
