import "server-only";
import { DEFAULT_BRANDING, type Branding } from "@/lib/branding/branding";
import { getBranding } from "@/lib/branding/settings";
import type { UserRow } from "@/lib/db/schema";
import { absoluteUrl } from "@/lib/mail/links";
import { passwordResetEmail } from "@/lib/mail/templates/password-reset";
import { sendMail } from "@/lib/mail/transport";

/**
 * Sends a reset link. Customers get the reseller's brand; the reseller's own staff get the panel's
 * name (they sign in to Mailpak, not to the portal).
 */
export async function sendPasswordResetEmail(user: UserRow, token: string, expiresAt: Date): Promise<void> {
  const branding: Branding =
    user.role === "customer" ? await getBranding() : { ...DEFAULT_BRANDING, productName: "Mailpak" };
  const content = passwordResetEmail(branding, {
    name: user.name,
    resetUrl: await absoluteUrl(`/reset-password/${token}`),
    expiresAt,
  });
  await sendMail({
    ...content,
    to: [user.email],
    template: "password-reset",
    fromName: branding.productName,
  });
}
