import type { Branding } from "@/lib/branding/branding";
import type { MailContent } from "../message";
import { renderEmail } from "./layout";

export interface ExistingAccountInvitationEmail {
  inviteeName: string;
  inviterName: string;
  customerName: string;
  signInUrl: string;
}

/**
 * Someone invited an address that already signs in here. The invite form answers exactly as for
 * any other address (it must not tell who has an account), so the owner of the address is told
 * here instead; there is no link to accept, since one address has one sign-in.
 */
export function existingAccountInvitationEmail(
  branding: Branding,
  invitation: ExistingAccountInvitationEmail,
): MailContent {
  const greeting = invitation.inviteeName ? `Hello ${invitation.inviteeName},` : "Hello,";
  return renderEmail(branding, {
    subject: `${invitation.inviterName} invited you to ${invitation.customerName} on ${branding.productName}`,
    heading: `An invitation to ${invitation.customerName}`,
    paragraphs: [
      greeting,
      `${invitation.inviterName} invited this address to ${invitation.customerName} on ${branding.productName}, but it already has a sign-in here, and an address can have only one.`,
      `If you should join ${invitation.customerName}, ask ${invitation.inviterName} to invite another of your addresses. To use your existing sign-in, sign in below (or reset your password from the sign-in page).`,
    ],
    action: { label: "Sign in", url: invitation.signInUrl },
    after: ["If you did not expect this invitation, ignore this email; nothing has changed."],
  });
}
