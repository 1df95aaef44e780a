import type { Branding } from "@/lib/branding/branding";
import { formatCalendarDate } from "@/lib/format";
import type { MailContent } from "../message";
import { renderEmail } from "./layout";

export interface RenewalReminderEmail {
  domain: string;
  /** How many mailboxes the pak holds, when known ("a 10-mailbox pak"). */
  mailboxCount: number | null;
  expires: { iso: string };
  daysLeft: number;
  autoRenew: boolean;
  portalUrl: string;
}

/**
 * Mail for a domain expires soon. With auto-renew on, a notice that it renews by itself; off, a
 * request to renew in time, or to ask the reseller's support.
 */
export function renewalReminderEmail(branding: Branding, reminder: RenewalReminderEmail): MailContent {
  const date = formatCalendarDate(reminder.expires);
  const when =
    reminder.daysLeft <= 0 ? "today" : reminder.daysLeft === 1 ? "tomorrow" : `in ${reminder.daysLeft} days`;
  const what = reminder.mailboxCount
    ? `The email package of ${reminder.domain} (${reminder.mailboxCount} mailbox${reminder.mailboxCount === 1 ? "" : "es"})`
    : `The email package of ${reminder.domain}`;
  const ask = branding.supportEmail ? `, or ask ${branding.supportEmail}` : ", or ask your provider";

  if (reminder.autoRenew) {
    return renderEmail(branding, {
      subject: `${reminder.domain}: email renews automatically on ${date}`,
      heading: `Email for ${reminder.domain} renews on ${date}`,
      paragraphs: [
        `${what} expires ${when}, on ${date}. It will renew automatically on ${date}; you need not do anything.`,
        "To stop the renewal, turn off automatic renewal for this domain before that date.",
      ],
      action: { label: "Open your email portal", url: reminder.portalUrl },
    });
  }
  return renderEmail(branding, {
    subject: `${reminder.domain}: email expires on ${date}; renew before then`,
    heading: `Email for ${reminder.domain} expires on ${date}`,
    paragraphs: [
      `${what} expires ${when}, on ${date}, and will not renew automatically.`,
      `Renew before ${date}${ask}. If it expires, its mailboxes stop working.`,
    ],
    action: { label: "Open your email portal", url: reminder.portalUrl },
  });
}
