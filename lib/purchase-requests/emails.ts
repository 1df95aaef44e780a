import "server-only";
import { getBranding } from "@/lib/branding/settings";
import type { PurchaseRequestRow } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { absoluteUrl } from "@/lib/mail/links";
import { purchaseRequestDeclinedEmail } from "@/lib/mail/templates/purchase-request-declined";
import { sendMail } from "@/lib/mail/transport";

/**
 * Tells the customer's login that asked that its request was declined. False when the email could
 * not be handed over (logged): the decision stands, and the portal's Requests page shows it.
 */
export async function sendDeclinedEmail(row: PurchaseRequestRow, summary: string): Promise<boolean> {
  try {
    const branding = await getBranding();
    const content = purchaseRequestDeclinedEmail(branding, {
      summary,
      retailCents: row.retailCents,
      note: row.decisionNote,
      requestsUrl: await absoluteUrl("/portal/requests"),
    });
    await sendMail({
      ...content,
      to: [row.requestedByEmail],
      template: "purchase-request-declined",
      fromName: branding.productName,
    });
    return true;
  } catch (error) {
    logger.warn({ err: error, requestId: row.id }, "a declined request's email could not be sent");
    return false;
  }
}
