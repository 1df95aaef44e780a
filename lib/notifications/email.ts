import type { Branding } from "@/lib/branding/branding";
import type { MailContent } from "@/lib/mail/message";
import { renderEmail } from "@/lib/mail/templates/layout";

/**
 * A staff notification by email: its title and body as they are in the panel, and one button to
 * the page that deals with it. Only what the notification says: never a password or a credential.
 */
export function notificationEmail(
  branding: Branding,
  notification: { title: string; body: string; url: string | null; settingsUrl: string },
): MailContent {
  return renderEmail(branding, {
    subject: notification.title,
    heading: notification.title,
    paragraphs: notification.body ? [notification.body] : [],
    action: notification.url ? { label: "Open it in the panel", url: notification.url } : undefined,
    after: [
      `You get this email because you asked for it under My account. To stop these emails, change your choice there: ${notification.settingsUrl}`,
    ],
  });
}
