import type { Branding } from "@/lib/branding/branding";
import { formatMegabytes } from "@/lib/format";
import type { MailContent } from "../message";
import { renderEmail } from "./layout";

export interface StorageAlertEmail {
  domain: string;
  /** The mailboxes that crossed the threshold, as the account mirror last read them. */
  mailboxes: { address: string; quotaUsedMb: number; quotaMb: number; percent: number }[];
  /** The domain's page in the portal. */
  portalUrl: string;
  /** Where to add storage when the customer may buy it; null: the provider adds it. */
  addStorageUrl: string | null;
  /** The threshold, in per cent ("use 90 % or more"). */
  thresholdPercent: number;
}

/**
 * Mailboxes of a domain are nearly full: which, how full, what happens when one is full, and how
 * to make room (delete mail, or add storage: the wizard's link when the customer may buy, else
 * whom to ask). In the reseller's brand; never a password, never the email provider's name.
 */
export function storageAlertEmail(branding: Branding, alert: StorageAlertEmail): MailContent {
  const [only] = alert.mailboxes;
  const one = alert.mailboxes.length === 1 && only;
  const subject = one
    ? `${alert.domain}: ${only.address} is ${only.percent} % full`
    : `${alert.domain}: ${alert.mailboxes.length} mailboxes are nearly full`;
  const ask = branding.supportEmail ? `ask ${branding.supportEmail}` : "ask your provider";
  return renderEmail(branding, {
    subject,
    heading: one ? `${only.address} is nearly full` : `Mailboxes of ${alert.domain} are nearly full`,
    paragraphs: [
      `${one ? "This mailbox uses" : "These mailboxes use"} ${alert.thresholdPercent} % or more of ${one ? "its" : "their"} storage. Once a mailbox is full, new mail to it is returned to the sender.`,
      ...alert.mailboxes.map(
        (mailbox) =>
          `${mailbox.address}: ${formatMegabytes(mailbox.quotaUsedMb)} of ${formatMegabytes(mailbox.quotaMb)} used (${mailbox.percent} %)`,
      ),
      alert.addStorageUrl
        ? `To make room, delete old mail (and empty the trash), or add storage: ${alert.addStorageUrl}`
        : `To make room, delete old mail (and empty the trash), or ${ask} for more storage.`,
    ],
    action: { label: `Open ${alert.domain} in your email portal`, url: alert.portalUrl },
    after: ["You get this email once each time a mailbox becomes nearly full."],
  });
}
