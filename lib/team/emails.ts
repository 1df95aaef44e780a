import "server-only";
import { getBranding } from "@/lib/branding/settings";
import { absoluteUrl } from "@/lib/mail/links";
import { invitationEmail } from "@/lib/mail/templates/invitation";
import { sendMail } from "@/lib/mail/transport";
import type { CustomerInvitationRow } from "@/lib/db/schema";

/** Sends an invitation's link; throws when the email could not be handed over. */
export async function sendInvitationEmail(
  invitation: CustomerInvitationRow,
  token: string,
  context: { inviterName: string; customerName: string },
): Promise<void> {
  const branding = await getBranding();
  const content = invitationEmail(branding, {
    inviteeName: invitation.name,
    inviterName: context.inviterName,
    customerName: context.customerName,
    acceptUrl: await absoluteUrl(`/invite/${token}`),
    expiresAt: invitation.expiresAt,
  });
  await sendMail({
    ...content,
    to: [invitation.email],
    template: "invitation",
    fromName: branding.productName,
  });
}
