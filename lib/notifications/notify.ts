import "server-only";
import { getBranding } from "@/lib/branding/settings";
import { logger } from "@/lib/logger";
import { absoluteUrl } from "@/lib/mail/links";
import { sendMail } from "@/lib/mail/transport";
import { notificationEmail } from "./email";
import { safeHref, type NotificationKind } from "./model";
import { insertForStaff, markEmailed } from "./queries";

export interface StaffNotification {
  kind: NotificationKind;
  /** One line, e.g. "The balance cannot cover the renewals due within 30 days". */
  title: string;
  body?: string;
  /** The page that deals with it (a path of the panel). */
  href?: string;
  /**
   * Names the event, so it is notified once per staff user however often it is seen: e.g.
   * `low-balance:2026-11-24`, `auto-renew-failed:a.com:12:2026-11-20`.
   */
  dedupeKey: string;
}

export interface NotifyResult {
  /** Rows created now (staff users who did not have this event yet). */
  created: number;
  emailed: number;
}

/**
 * Tells every admin and staff user: one row each in the panel (none again for the same event),
 * and an email to those who chose this kind under My account. An email that fails is logged and
 * left unsent; the notification stays in the panel. Never throws for a failed email, so callers
 * (the sync, a purchase) are never held up by the mail server.
 */
export async function notifyStaff(notification: StaffNotification): Promise<NotifyResult> {
  const href = safeHref(notification.href);
  const created = await insertForStaff({
    kind: notification.kind,
    title: notification.title.slice(0, 300),
    body: (notification.body ?? "").slice(0, 2000),
    href,
    dedupeKey: notification.dedupeKey.slice(0, 300),
  });
  const recipients = created.filter((row) => row.wantsEmail);
  if (recipients.length === 0) return { created: created.length, emailed: 0 };
  let emailed = 0;
  try {
    const branding = await getBranding();
    const content = notificationEmail(branding, {
      title: notification.title,
      body: notification.body ?? "",
      url: href ? await absoluteUrl(href) : null,
      settingsUrl: await absoluteUrl("/account"),
    });
    // One email per person: staff do not see each other's addresses.
    for (const recipient of recipients) {
      try {
        await sendMail({
          ...content,
          to: [recipient.email],
          template: `notification:${notification.kind}`,
          fromName: branding.productName,
          headers: { "Auto-Submitted": "auto-generated" },
        });
        await markEmailed([recipient.id], new Date());
        emailed += 1;
      } catch (error) {
        logger.warn({ err: error, kind: notification.kind }, "a notification email could not be sent");
      }
    }
  } catch (error) {
    logger.warn({ err: error, kind: notification.kind }, "notification emails could not be prepared");
  }
  return { created: created.length, emailed };
}
