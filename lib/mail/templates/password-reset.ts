import type { Branding } from "@/lib/branding/branding";
import { formatDateTimeUtc } from "../dates";
import type { MailContent } from "../message";
import { renderEmail } from "./layout";

export interface PasswordResetEmail {
  name: string;
  resetUrl: string;
  expiresAt: Date;
}

/** A link to choose a new password, asked for on the sign-in page. */
export function passwordResetEmail(branding: Branding, reset: PasswordResetEmail): MailContent {
  return renderEmail(branding, {
    subject: `Reset your ${branding.productName} password`,
    heading: "Reset your password",
    paragraphs: [
      reset.name ? `Hello ${reset.name},` : "Hello,",
      `Someone, hopefully you, asked to reset the password of your ${branding.productName} account. Choose a new password with the link below.`,
    ],
    action: { label: "Choose a new password", url: reset.resetUrl },
    after: [
      `The link works once, until ${formatDateTimeUtc(reset.expiresAt)}. Choosing a new password signs you out on every device.`,
      "If you did not ask for this, ignore this email: your password stays as it is.",
    ],
  });
}
