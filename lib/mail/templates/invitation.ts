import type { Branding } from "@/lib/branding/branding";
import { formatDateTimeUtc } from "../dates";
import type { MailContent } from "../message";
import { renderEmail } from "./layout";

export interface InvitationEmail {
  inviteeName: string;
  inviterName: string;
  customerName: string;
  acceptUrl: string;
  expiresAt: Date;
}

/** A colleague is invited to their company's portal; the link sets their password. */
export function invitationEmail(branding: Branding, invitation: InvitationEmail): MailContent {
  const greeting = invitation.inviteeName ? `Hello ${invitation.inviteeName},` : "Hello,";
  return renderEmail(branding, {
    subject: `${invitation.inviterName} invited you to ${invitation.customerName} on ${branding.productName}`,
    heading: `Join ${invitation.customerName} on ${branding.productName}`,
    paragraphs: [
      greeting,
      `${invitation.inviterName} invited you to manage the email of the domains of ${invitation.customerName} on ${branding.productName}. Choose your password to accept.`,
    ],
    action: { label: "Accept the invitation", url: invitation.acceptUrl },
    after: [
      `The link works once, until ${formatDateTimeUtc(invitation.expiresAt)}. If it has expired, ask ${invitation.inviterName} to send a new one.`,
      "If you did not expect this invitation, ignore this email; nothing happens without you.",
    ],
  });
}
