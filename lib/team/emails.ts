import "server-only";
import { getBranding } from "@/lib/branding/settings";
import { absoluteUrl } from "@/lib/mail/links";
import { existingAccountInvitationEmail } from "@/lib/mail/templates/invitation-existing-account";
import { invitationEmail } from "@/lib/mail/templates/invitation";
import { sendMail } from "@/lib/mail/transport";
import type { CustomerInvitationRow } from "@/lib/db/schema";

/**
 * Sends an invitation's email; throws when the email could not be handed over. An address that
 * already signs in here gets a note instead of a link (one address, one sign-in): the invite form
 * answers the same either way, and both paths send one email, so the form tells nobody who has an
 * account.
 */
export async function sendInvitationEmail(
  invitation: CustomerInvitationRow,
  token: string,
  context: { inviterName: string; customerName: string; addressHasSignIn: boolean },
): Promise<void> {
  const branding = await getBranding();
  const content = context.addressHasSignIn
    ? existingAccountInvitationEmail(branding, {
        inviteeName: invitation.name,
        inviterName: context.inviterName,
        customerName: context.customerName,
        signInUrl: await absoluteUrl("/sign-in"),
      })
    : invitationEmail(branding, {
        inviteeName: invitation.name,
        inviterName: context.inviterName,
        customerName: context.customerName,
        acceptUrl: await absoluteUrl(`/invite/${token}`),
        expiresAt: invitation.expiresAt,
      });
  await sendMail({
    ...content,
    to: [invitation.email],
    template: context.addressHasSignIn ? "invitation-existing-account" : "invitation",
    fromName: branding.productName,
  });
}
