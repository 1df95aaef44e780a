import type { Branding } from "@/lib/branding/branding";
import { usd } from "@/lib/purchases/spending-model";
import { formatDateTimeUtc } from "../dates";
import type { MailContent } from "../message";
import { renderEmail } from "./layout";

export interface PurchaseReceipt {
  /** What was bought, in the portal's words ("New pak on example.com: 25 mailboxes, …"). */
  summary: string;
  /** The retail price the customer pays; null when none was recorded. */
  retailCents: number | null;
  /** The order number, when the order's answer gave one. */
  orderId: string | null;
  placedAt: Date;
  /** A renewal's or new pak's paid-until date (ISO calendar date), when known. */
  paidUntil: string | null;
  /** The order's page in the portal. */
  orderUrl: string;
}

/**
 * The receipt a customer's login gets after its purchase or renewal went through: in the
 * reseller's brand, at the customer's (retail) price. Never names the upstream provider.
 */
export function purchaseReceiptEmail(branding: Branding, receipt: PurchaseReceipt): MailContent {
  return renderEmail(branding, {
    subject: `Receipt: ${receipt.summary}`,
    heading: "Thank you for your order",
    paragraphs: [
      `Your order on ${branding.productName} went through.`,
      `What you bought: ${receipt.summary}.`,
      ...(receipt.retailCents === null ? [] : [`Price: ${usd(receipt.retailCents)}.`]),
      ...(receipt.orderId ? [`Order number: ${receipt.orderId}.`] : []),
      ...(receipt.paidUntil ? [`Paid until: ${receipt.paidUntil}.`] : []),
      `Placed: ${formatDateTimeUtc(receipt.placedAt)}.`,
    ],
    action: { label: "See the order", url: receipt.orderUrl },
    after: ["Keep this email as your receipt."],
  });
}
